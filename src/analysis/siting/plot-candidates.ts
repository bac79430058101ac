/**
 * Candidates from a layer of reserved education plots (教育用地): GeoJSON points or
 * polygons. Area from a property (area / 面积 / 用地面积 / area_m2, ㎡), else the
 * polygon's own area; position = the polygon's vertex mean (plots are small).
 */
import { MessageError } from '../../i18n/message-error';
import { EARTH_RADIUS_M } from '../geo';
import type { SitingCandidate } from './siting-types';

type Pos = number[];
interface Feature {
  type?: string;
  properties?: Record<string, unknown> | null;
  geometry?: { type?: string; coordinates?: unknown } | null;
}

const AREA_KEYS = ['area_m2', 'area', '面积', '用地面积', '占地面积'];
const NAME_KEYS = ['name', '名称', '地块名称', '地块编号', 'id'];

/** Area (㎡) of a ring of [lon, lat] on the sphere (small-polygon approximation in a local frame). */
export function ringAreaM2(ring: readonly Pos[]): number {
  if (ring.length < 3) return 0;
  const lat0 = (ring.reduce((s, p) => s + p[1], 0) / ring.length) * (Math.PI / 180);
  const k = (Math.PI / 180) * EARTH_RADIUS_M;
  let a = 0;
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i];
    const q = ring[(i + 1) % ring.length];
    a += p[0] * k * Math.cos(lat0) * (q[1] * k) - q[0] * k * Math.cos(lat0) * (p[1] * k);
  }
  return Math.abs(a) / 2;
}

function polygonsOf(g: Feature['geometry']): Pos[][][] {
  if (!g || !Array.isArray(g.coordinates)) return [];
  if (g.type === 'Polygon') return [g.coordinates as Pos[][]];
  if (g.type === 'MultiPolygon') return g.coordinates as Pos[][][];
  return [];
}

/** Candidates of a GeoJSON FeatureCollection of plots; features with no usable geometry are skipped. */
export function plotCandidatesFromGeoJson(fc: unknown): SitingCandidate[] {
  const feats = (fc as { features?: Feature[] })?.features;
  if (!Array.isArray(feats)) throw new MessageError('engine.siting.notFeatureCollection');
  const out: SitingCandidate[] = [];
  feats.forEach((f, n) => {
    const props = f.properties ?? {};
    const nameRaw = NAME_KEYS.map((k) => props[k]).find((v) => v !== undefined && v !== null && String(v).trim() !== '');
    const name = nameRaw !== undefined ? String(nameRaw) : `地块 ${n + 1}`;
    const areaProp = AREA_KEYS.map((k) => Number(props[k])).find((v) => Number.isFinite(v) && v > 0);
    const costProp = Number(props['cost_10k_yuan'] ?? props['造价']);
    let lon = NaN;
    let lat = NaN;
    let area: number | null = areaProp ?? null;
    const g = f.geometry;
    if (g?.type === 'Point' && Array.isArray(g.coordinates)) [lon, lat] = g.coordinates as number[];
    else {
      const polys = polygonsOf(g);
      const outer = polys.flatMap((p) => (p[0] ? p[0] : []));
      if (outer.length === 0) return;
      lon = outer.reduce((s, p) => s + p[0], 0) / outer.length;
      lat = outer.reduce((s, p) => s + p[1], 0) / outer.length;
      if (area === null) area = polys.reduce((s, p) => s + ringAreaM2(p[0] ?? []) - p.slice(1).reduce((h, r) => h + ringAreaM2(r), 0), 0);
    }
    out.push({ id: `P${n + 1}`, name, lon, lat, source: 'plot', areaM2: area, cost10k: Number.isFinite(costProp) && costProp >= 0 ? costProp : null });
  });
  return out;
}
