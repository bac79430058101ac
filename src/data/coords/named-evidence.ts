/**
 * Stronger evidence for a coordinate system: rows whose name matches a feature
 * already loaded (kindergartens, 小区) in WGS84. Under the right system those rows
 * land on their loaded twins; GCJ-02 is off by ≈ 500 m and BD-09 by ≈ 1 km in
 * China, far more than the noise of two surveys of one building.
 */
import { m, type Message, type MessageKey } from '../../i18n';
import { crsName, toWgs84Fn, type CrsId } from './crs';

export interface NamedPoint {
  name: string;
  lon: number;
  lat: number;
}

export interface NamedEvidence {
  crs: CrsId;
  matches: number;
  /** median distance (m) to the loaded twin per candidate, best first */
  medians: { crs: CrsId; medianM: number }[];
  reason: Message;
}

const R = 6371008.8;
function distM(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const k = Math.PI / 180;
  const x = (lon2 - lon1) * k * Math.cos(((lat1 + lat2) / 2) * k);
  const y = (lat2 - lat1) * k;
  return Math.sqrt(x * x + y * y) * R;
}

const norm = (s: string): string => s.replace(/[\s（）()·•\-—_]/g, '').toLowerCase();

/** Candidates tested (geographic systems only; projected ones are told apart by their values). */
export const NAMED_CANDIDATES: readonly CrsId[] = ['wgs84', 'gcj02', 'bd09'];

/**
 * Decide between WGS84 / GCJ-02 / BD-09 from rows named like a loaded feature.
 * Needs ≥ 3 matches, a best median ≤ 150 m and every other median ≥ 3 × the best;
 * otherwise null (no decision).
 */
export function crsFromNamedPoints(rows: { name: string; x: number; y: number }[], loaded: readonly NamedPoint[], swap: boolean): NamedEvidence | null {
  if (rows.length === 0 || loaded.length === 0) return null;
  const byName = new Map<string, NamedPoint>();
  for (const p of loaded) if (p.name && Number.isFinite(p.lon)) byName.set(norm(p.name), p);
  const pairs = rows
    .map((r) => ({ r, twin: r.name ? byName.get(norm(r.name)) : undefined }))
    .filter((p): p is { r: { name: string; x: number; y: number }; twin: NamedPoint } => p.twin !== undefined && Number.isFinite(p.r.x) && Number.isFinite(p.r.y));
  if (pairs.length < 3) return null;
  const medians = NAMED_CANDIDATES.map((crs) => {
    const f = toWgs84Fn(crs);
    const d = pairs
      .map(({ r, twin }) => {
        const [lon, lat] = swap ? f(r.y, r.x) : f(r.x, r.y);
        return distM(lon, lat, twin.lon, twin.lat);
      })
      .sort((a, b) => a - b);
    return { crs, medianM: d[d.length >> 1] };
  }).sort((a, b) => a.medianM - b.medianM);
  const [best, ...rest] = medians;
  if (!(best.medianM <= 150) || rest.some((m) => m.medianM < 3 * Math.max(best.medianM, 10))) return null;
  const [a, b, c] = medians.map((x) => m('data.crs.distance', { crs: m(`data.crs.short.${x.crs}` as MessageKey), m: Math.round(x.medianM) }));
  return {
    crs: best.crs,
    matches: pairs.length,
    medians,
    reason: m('data.crs.named', { count: pairs.length, list: m('data.crs.list3', { a, b, c }), crs: crsName(best.crs) }),
  };
}
