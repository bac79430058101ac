import { PARAM_SOURCES } from '../analysis/params';
import { useRender, useT } from './use-t';

/** The source of a default parameter under its control (unverified ones marked). */
export function ParamSource({ k }: { k: string }) {
  const tr = useT();
  const s = PARAM_SOURCES[k];
  const r = useRender();
  if (!s) return null;
  return (
    <div className="source" title={r(s.source)}>
      {r(s.source)}
      {s.verified ? '' : tr('shell.params.unverifiedParen')}
    </div>
  );
}
