import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BASEMAP_SEED, generateBasemap } from '../../scripts/basemap/generate-basemap';
import { readBasemapInputs } from '../../scripts/basemap/read-inputs';

const DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data');
const inputs = readBasemapInputs(DATA);
const first = generateBasemap(inputs, DEFAULT_BASEMAP_SEED);

describe('generated sample basemap (data/basemap.geojson)', () => {
  it('is deterministic and the committed file is the generator output', () => {
    expect(generateBasemap(inputs, DEFAULT_BASEMAP_SEED).text).toBe(first.text);
    expect(readFileSync(path.join(DATA, 'basemap.geojson'), 'utf8')).toBe(first.text);
    expect(generateBasemap(inputs, 7).text).not.toBe(first.text);
  });

  it('is small, labelled as generated, and has roads, river, rail and water', () => {
    expect(Buffer.byteLength(first.text)).toBeLessThan(300 * 1024);
    const fc = JSON.parse(first.text) as FeatureCollection & { generated: boolean; note_zh: string };
    expect(fc.generated).toBe(true);
    expect(fc.note_zh).toContain('生成数据');
    const kinds = new Set(fc.features.map((f) => f.properties?.kind));
    for (const k of ['road', 'river', 'rail', 'water', 'green', 'industrial']) expect(kinds.has(k), k).toBe(true);
    expect(first.summary.roadKm.arterial).toBeGreaterThan(100);
    expect(first.summary.riverKm).toBeGreaterThan(10);
  });

  it('lies inside the district boundary', () => {
    const fc = JSON.parse(first.text) as FeatureCollection;
    const pts: Position[] = [];
    for (const f of fc.features as Feature[]) {
      const g = f.geometry;
      if (g.type === 'LineString') pts.push(...g.coordinates);
      else if (g.type === 'Polygon' && f.properties?.name !== '包钢厂区（示意）') pts.push(...g.coordinates[0]);
    }
    // 1 m of rounding tolerance: test the vertices, allowing none further than that outside
    const outside = pts.filter((p) => !booleanPointInPolygon(p, inputs.district));
    const far = outside.filter((p) => !booleanPointInPolygon(p, inputs.district, { ignoreBoundary: false }) && !nearBoundary(p));
    expect(far).toEqual([]);
  });
});

/** within ~2 m of a point that is inside (vertices are rounded to 1e-5°) */
function nearBoundary(p: Position): boolean {
  const d = 2e-5;
  return [[d, 0], [-d, 0], [0, d], [0, -d]].some(([dx, dy]) => booleanPointInPolygon([p[0] + dx, p[1] + dy], inputs.district));
}
