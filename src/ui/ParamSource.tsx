import { PARAM_SOURCES } from '../analysis/params';

/** The source of a default parameter under its control (unverified ones marked). */
export function ParamSource({ k }: { k: string }) {
  const s = PARAM_SOURCES[k];
  if (!s) return null;
  return (
    <div className="source" title={s.sourceZh}>
      {s.sourceZh}
      {s.verified ? '' : '（未核实/本工具约定）'}
    </div>
  );
}
