import { PARAM_SOURCES } from '../analysis/params';
import { useT } from './use-t';

/** The source of a default parameter under its control (unverified ones marked). */
export function ParamSource({ k }: { k: string }) {
  const tr = useT();
  const s = PARAM_SOURCES[k];
  if (!s) return null;
  return (
    <div className="source" title={s.sourceZh}>
      {s.sourceZh}
      {s.verified ? '' : tr('shell.params.unverifiedParen')}
    </div>
  );
}
