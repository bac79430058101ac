/** Where the map goes for a focused feature: a polygon's bounds, or a point with a zoom. */
import { LAYERS, type LayerRows } from '../data/schema';
import type { Picked } from '../state/ui-slice';
import { bboxOfRings } from './basemap';
import { ringsOf } from './geometry';

export type FocusTarget =
  | { kind: 'bounds'; bounds: [number, number, number, number] }
  | { kind: 'point'; center: [number, number] };

/** Zoom a point feature is shown at (at least; a closer view is kept). */
export const FOCUS_POINT_ZOOM = 15;

/** The target of `picked` in `layers` (null when the row is gone or has no coordinates). */
export function focusTarget(layers: LayerRows, picked: Picked): FocusTarget | null {
  const key = LAYERS[picked.layer].key;
  const row = (layers[picked.layer] as unknown as Record<string, unknown>[]).find((r) => String(r[key]) === picked.id);
  if (!row) return null;
  const geometry = typeof row.geometry === 'string' ? row.geometry : null;
  const bounds = geometry ? bboxOfRings(ringsOf(geometry)) : null;
  if (bounds && (bounds[2] > bounds[0] || bounds[3] > bounds[1])) return { kind: 'bounds', bounds };
  const lon = Number(row.lon);
  const lat = Number(row.lat);
  if (row.lon === null || row.lat === null || !Number.isFinite(lon) || !Number.isFinite(lat)) return null;
  return { kind: 'point', center: [lon, lat] };
}
