/**
 * Network edits of a plan scenario: a new path or bridge (a polyline whose ends are joined
 * to the nearest segment within `joinM`, the segment split there), or a closed segment
 * (the segment nearest to a point, within `joinM`, removed). The edited graph is rebuilt
 * from the original one's edges, so node positions and lengths stay as they were.
 */
import { m, type Message } from '../../i18n';
import { buildEdgeIndex, snapPoints } from './snap';
import { buildWalkGraph, type WalkGraph } from './walk-graph';

export type NetworkEdit =
  | { id: string; kind: 'add'; nameZh: string; coords: [number, number][] }
  | { id: string; kind: 'close'; nameZh: string; lon: number; lat: number };

/** how far a new path's ends and a closure's point may be from the network (m) */
export const EDIT_JOIN_M = 60;

/** The graph with the edits applied, and what happened as messages (an end or point too far from the network). */
export function applyNetworkEdits(g: WalkGraph, edits: readonly NetworkEdit[], joinM = EDIT_JOIN_M): { graph: WalkGraph; messages: Message[] } {
  if (edits.length === 0) return { graph: g, messages: [] };
  const messages: Message[] = [];
  const idx = buildEdgeIndex(g, 100);
  const closed = new Uint8Array(g.edgeA.length);
  for (const e of edits) {
    if (e.kind !== 'close') continue;
    const s = snapPoints(g, idx, [e.lon], [e.lat], joinM);
    if (s.edge[0] < 0) messages.push(m('engine.edit.closeMissed', { name: e.nameZh, m: joinM }));
    else closed[s.edge[0]] = 1;
  }
  const lines: number[][][] = [];
  for (let k = 0; k < g.edgeA.length; k++) {
    if (closed[k]) continue;
    lines.push([
      [g.nodeLon[g.edgeA[k]], g.nodeLat[g.edgeA[k]]],
      [g.nodeLon[g.edgeB[k]], g.nodeLat[g.edgeB[k]]],
    ]);
  }
  for (const e of edits) {
    if (e.kind !== 'add' || e.coords.length < 2) continue;
    const ends = [e.coords[0], e.coords[e.coords.length - 1]];
    const s = snapPoints(g, idx, ends.map((p) => p[0]), ends.map((p) => p[1]), joinM);
    const path: number[][] = e.coords.map((p) => [p[0], p[1]]);
    for (const k of [0, 1]) {
      const edge = s.edge[k];
      if (edge < 0 || closed[edge]) {
        messages.push(m(k === 0 ? 'engine.edit.startMissed' : 'engine.edit.endMissed', { name: e.nameZh, m: joinM }));
        continue;
      }
      const a = g.edgeA[edge];
      const b = g.edgeB[edge];
      const t = s.t[k];
      // the end is joined to the projection point on the segment (split there by the T-junction join)
      const p = [g.nodeLon[a] + t * (g.nodeLon[b] - g.nodeLon[a]), g.nodeLat[a] + t * (g.nodeLat[b] - g.nodeLat[a])];
      if (k === 0) path.unshift(p);
      else path.push(p);
    }
    lines.push(path);
  }
  const coords: number[] = [];
  const offsets: number[] = [0];
  for (const l of lines) {
    for (const p of l) coords.push(p[0], p[1]);
    offsets.push(coords.length / 2);
  }
  const graph = buildWalkGraph({ coords: Float64Array.from(coords), lineOffsets: Int32Array.from(offsets) }, g.toleranceM);
  return { graph, messages };
}
