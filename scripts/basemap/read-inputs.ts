/** Reads the inputs of the basemap generator from the sample data folder. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { Area } from '../sample/geo';
import type { BasemapInputs } from './generate-basemap';

/** Parse data/district.geojson, population.csv, communities.geojson and admin_units.geojson of `dataDir`. */
export function readBasemapInputs(dataDir: string): BasemapInputs {
  const gj = (name: string) => JSON.parse(readFileSync(path.join(dataDir, name), 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
  const district = gj('district.geojson').features[0] as Area;
  const lines = readFileSync(path.join(dataDir, 'population.csv'), 'utf8').split(/\r?\n/).filter(Boolean);
  const head = lines[0].split(',');
  const [iLon, iLat] = [head.indexOf('lon'), head.indexOf('lat')];
  const cells: Position[] = lines.slice(1).map((l) => {
    const v = l.split(',');
    return [Number(v[iLon]), Number(v[iLat])];
  });
  const communityRings = gj('communities.geojson').features.map((f) => (f.geometry.type === 'Polygon' ? f.geometry.coordinates[0] : f.geometry.coordinates[0][0]));
  const steel = gj('admin_units.geojson').features.find((f) => f.properties?.level === 'other');
  return { district, cells, communityRings, steelWorks: steel ? ({ type: 'Feature', properties: {}, geometry: steel.geometry } as Area) : null };
}
