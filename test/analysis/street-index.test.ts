import { expect, it } from 'vitest';
import { pointInPolygon, preparePolygon } from '../../src/analysis/point-in-polygon';
import { assignStreet, createStreetIndex, finalizeStreets, UNASSIGNED } from '../../src/analysis/street-index';
import { admin } from './helpers';

const ring = (x0: number, y0: number, x1: number, y1: number) => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];

it('point in polygon with a hole and a multipolygon', () => {
  const poly = preparePolygon(JSON.stringify({ type: 'Polygon', coordinates: [ring(0, 0, 10, 10), ring(4, 4, 6, 6)] }))!;
  expect(pointInPolygon(poly, 1, 1)).toBe(true);
  expect(pointInPolygon(poly, 5, 5)).toBe(false);
  expect(pointInPolygon(poly, 11, 5)).toBe(false);
  const multi = preparePolygon(JSON.stringify({ type: 'MultiPolygon', coordinates: [[ring(0, 0, 1, 1)], [ring(5, 5, 6, 6)]] }))!;
  expect(pointInPolygon(multi, 5.5, 5.5)).toBe(true);
  expect(pointInPolygon(multi, 3, 3)).toBe(false);
  expect(preparePolygon('not json')).toBeNull();
  expect(preparePolygon(JSON.stringify({ type: 'Point', coordinates: [0, 0] }))).toBeNull();
});

it('assigns by code, then by boundary, then to the unassigned row (last)', () => {
  const idx = createStreetIndex([admin('A', '甲街道', JSON.stringify({ type: 'Polygon', coordinates: [ring(0, 0, 1, 1)] })), admin('B', '乙街道')]);
  expect(assignStreet(idx, 'B', 9, 9)).toEqual({ index: 1, byBoundary: false });
  expect(assignStreet(idx, ' A ', 9, 9)).toEqual({ index: 0, byBoundary: false });
  expect(assignStreet(idx, '', 0.5, 0.5)).toEqual({ index: 0, byBoundary: true });
  expect(assignStreet(idx, 'Z', 0.5, 0.5)).toEqual({ index: 2, byBoundary: false });
  const a = Int32Array.from([assignStreet(idx, null, 5, 5).index, 1]);
  expect(a[0]).toBe(UNASSIGNED);
  finalizeStreets(idx, [a]);
  expect(idx.codes).toEqual(['A', 'B', 'Z', '']);
  expect(idx.namesZh).toEqual(['甲街道', '乙街道', '未匹配街道（Z）', '未分配街道']);
  expect(Array.from(a)).toEqual([3, 1]);
});
