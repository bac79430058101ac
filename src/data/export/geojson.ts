/** GeoJSON export of a layer: polygon geometry when the row has one, else its point. Properties keep field names and raw values. */
import { LAYERS, type LayerId, type LayerRows } from '../schema';

/** A layer as a GeoJSON FeatureCollection string (WGS84). */
export function exportLayerGeojson<L extends LayerId>(layer: L, rows: LayerRows[L]): string {
  const fields = LAYERS[layer].fields.filter((fd) => fd.type !== 'geometry');
  const features = (rows as unknown as Record<string, unknown>[]).map((r) => {
    let geometry: unknown = null;
    if (typeof r.geometry === 'string' && r.geometry) {
      try {
        geometry = JSON.parse(r.geometry);
      } catch {
        geometry = null;
      }
    }
    if (!geometry && typeof r.lon === 'number' && typeof r.lat === 'number') geometry = { type: 'Point', coordinates: [r.lon, r.lat] };
    const properties: Record<string, unknown> = {};
    for (const fd of fields) properties[fd.name] = r[fd.name] ?? null;
    return { type: 'Feature', properties, geometry };
  });
  return JSON.stringify({ type: 'FeatureCollection', name: layer, features });
}
