/** Validation of a scenario's saved network edits (project file, scenario file): a message naming the field. */
import type { NetworkEdit } from '../../analysis/network/network-edits';
import { m, type Message, type MessageValue } from '../../i18n';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const lonOk = (v: unknown): v is number => typeof v === 'number' && Math.abs(v) <= 180;
const latOk = (v: unknown): v is number => typeof v === 'number' && Math.abs(v) <= 90;

export function checkNetworkEdits(raw: unknown, where: MessageValue): { edits: NetworkEdit[] } | { error: Message } {
  if (!Array.isArray(raw)) return { error: m('data.edits.notArray', { where }) };
  const edits: NetworkEdit[] = [];
  for (const [k, e] of raw.entries()) {
    const at = { where, k };
    if (!isObj(e) || typeof e.id !== 'string' || typeof e.nameZh !== 'string') return { error: m('data.edits.idName', at) };
    if (e.kind === 'close') {
      if (!lonOk(e.lon) || !latOk(e.lat)) return { error: m('data.edits.lonLat', at) };
      edits.push({ id: e.id, kind: 'close', nameZh: e.nameZh, lon: e.lon, lat: e.lat });
    } else if (e.kind === 'add') {
      if (!Array.isArray(e.coords) || e.coords.length < 2 || !e.coords.every((p) => Array.isArray(p) && lonOk(p[0]) && latOk(p[1]))) return { error: m('data.edits.coords', at) };
      edits.push({ id: e.id, kind: 'add', nameZh: e.nameZh, coords: (e.coords as number[][]).map((p) => [p[0], p[1]] as [number, number]) });
    } else return { error: m('data.edits.kind', at) };
  }
  return { edits };
}
