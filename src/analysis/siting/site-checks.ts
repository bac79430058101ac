/**
 * Checks on chosen sites before they go into a plan: a site within the service radius of
 * an existing or planned kindergarten (it would largely duplicate that catchment), and a
 * site the scenario already has as a new build (the same answer added twice).
 */
import { haversineM } from '../geo';
import { withinRadiusM } from '../supply';

export interface NamedPoint {
  id: string;
  name: string;
  lon: number;
  lat: number;
  /** 'existing' kindergarten or 'planned' (a plan project's site, or a row not yet open) */
  kind: 'existing' | 'planned';
}

export interface NearbyFlag {
  siteId: string;
  nearestId: string;
  nearestName: string;
  kind: 'existing' | 'planned';
  /** great-circle distance, m */
  distanceM: number;
}

/**
 * For each site, the nearest kindergarten (existing or planned) within `radiusM` (m, inclusive
 * as everywhere), or nothing. Brute force: a few dozen sites × a few thousand points.
 */
export function flagNearbySites(sites: readonly { id: string; lon: number; lat: number }[], points: readonly NamedPoint[], radiusM: number): NearbyFlag[] {
  const lim = withinRadiusM(radiusM);
  const out: NearbyFlag[] = [];
  for (const s of sites) {
    let best: NamedPoint | null = null;
    let bestM = Infinity;
    for (const p of points) {
      const d = haversineM(s.lon, s.lat, p.lon, p.lat);
      if (d < bestM) [best, bestM] = [p, d];
    }
    if (best && bestM <= lim) out.push({ siteId: s.id, nearestId: best.id, nearestName: best.name, kind: best.kind, distanceM: bestM });
  }
  return out;
}

/** Sites (rounded to 1e-6°, as projects store them) already in the scenario as new builds. */
export function sitesAlreadyPlanned(sites: readonly { lon: number; lat: number }[], newBuilds: readonly { lon: number; lat: number }[]): number[] {
  const key = (lon: number, lat: number) => `${Math.round(lon * 1e6)},${Math.round(lat * 1e6)}`;
  const have = new Set(newBuilds.map((p) => key(p.lon, p.lat)));
  const out: number[] = [];
  sites.forEach((s, k) => {
    if (have.has(key(s.lon, s.lat))) out.push(k);
  });
  return out;
}
