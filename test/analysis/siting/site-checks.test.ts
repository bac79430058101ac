import { describe, expect, it } from 'vitest';
import { flagNearbySites, sitesAlreadyPlanned } from '../../../src/analysis/siting/site-checks';
import { LON0, latAtM } from '../helpers';

describe('checks on chosen sites', () => {
  const pts = [
    { id: 'K1', name: '一园', lon: LON0, lat: latAtM(0), kind: 'existing' as const },
    { id: 'XM01', name: '规划新园', lon: LON0, lat: latAtM(1000), kind: 'planned' as const },
  ];
  it('flags a site within the radius of the nearest existing or planned kindergarten, with its distance', () => {
    const f = flagNearbySites(
      [
        { id: 'a', lon: LON0, lat: latAtM(250) },
        { id: 'b', lon: LON0, lat: latAtM(700) },
        { id: 'c', lon: LON0, lat: latAtM(1300) },
      ],
      pts,
      300,
    );
    expect(f.map((x) => [x.siteId, x.nearestId, x.kind, Math.round(x.distanceM)])).toEqual([
      ['a', 'K1', 'existing', 250],
      ['b', 'XM01', 'planned', 300],
      ['c', 'XM01', 'planned', 300],
    ]);
  });
  it('finds sites the scenario already has as new builds (to 1e-6°)', () => {
    expect(sitesAlreadyPlanned([{ lon: 110.1234564, lat: 40 }, { lon: 110.2, lat: 40 }], [{ lon: 110.123456, lat: 40 }])).toEqual([0]);
  });
});
