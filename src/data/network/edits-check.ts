/** Validation of a scenario's saved network edits (project file, scenario file): Chinese message naming the field. */
import type { NetworkEdit } from '../../analysis/network/network-edits';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const lonOk = (v: unknown): v is number => typeof v === 'number' && Math.abs(v) <= 180;
const latOk = (v: unknown): v is number => typeof v === 'number' && Math.abs(v) <= 90;

export function checkNetworkEdits(raw: unknown, where: string): { edits: NetworkEdit[] } | { error: string } {
  if (!Array.isArray(raw)) return { error: `${where}：scenario.networkEdits 应为数组` };
  const edits: NetworkEdit[] = [];
  for (const [k, e] of raw.entries()) {
    const at = `${where}：scenario.networkEdits[${k}]`;
    if (!isObj(e) || typeof e.id !== 'string' || typeof e.nameZh !== 'string') return { error: `${at} 应有 id 与 nameZh 文本` };
    if (e.kind === 'close') {
      if (!lonOk(e.lon) || !latOk(e.lat)) return { error: `${at}.lon/lat 应为经纬度` };
      edits.push({ id: e.id, kind: 'close', nameZh: e.nameZh, lon: e.lon, lat: e.lat });
    } else if (e.kind === 'add') {
      if (!Array.isArray(e.coords) || e.coords.length < 2 || !e.coords.every((p) => Array.isArray(p) && lonOk(p[0]) && latOk(p[1]))) return { error: `${at}.coords 应为至少两个经纬度点` };
      edits.push({ id: e.id, kind: 'add', nameZh: e.nameZh, coords: (e.coords as number[][]).map((p) => [p[0], p[1]] as [number, number]) });
    } else return { error: `${at}.kind 应为 add 或 close` };
  }
  return { edits };
}
