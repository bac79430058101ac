import { describe, expect, it } from 'vitest';
import { ledgerSupply, planKindergartens } from '../../../src/analysis/ledger/supply';
import { defaultAnalysisParams } from '../../../src/analysis/params';
import { defaultPlanSettings } from '../../../src/analysis/plan/plan-defaults';
import { runPlan } from '../../../src/analysis/plan/run-plan';
import { cell, community, kg, latAtM } from '../helpers';

const P = { ...defaultAnalysisParams('2026-12-01'), decay: 'uniform' as const };

describe('a 配套园 opened through the ledger supplies from its 开园日期', () => {
  const communities = [
    // opened 2026-09-01 as 委托普惠, 6 classes, no kindergarten row → 180 places
    community({ id: 'A', lat: latAtM(1000), supporting_kg_status: 'operating_inclusive', supporting_kg_classes: 6, opened_date: '2026-09-01' }),
    // opened, but its kindergarten row exists (that row supplies)
    community({ id: 'B', supporting_kg_status: 'operating_public', supporting_kg_classes: 9, opened_date: '2020-09-01' }),
    // handed over, not open
    community({ id: 'C', supporting_kg_status: 'handed_over', supporting_kg_classes: 9 }),
  ];
  const kgs = [kg({ id: 'K', places: 100, enrolled: 90, community_id: 'B', lat: latAtM(0) })];

  it('adds one row per opened, unlinked 配套园, with its 开园日期', () => {
    const s = ledgerSupply(communities, kgs, P.ruleTable);
    expect(s.rows.map((r) => [r.id, r.type, r.places, r.community_id])).toEqual([['配套园-A', 'inclusive_private', 180, 'A']]);
    expect(s.openedOn).toEqual(['2026-09-01']);
  });

  it('feeds the plan: not in 2025, 180 more places from 2026', () => {
    const { kindergartens, openings } = planKindergartens(kgs, ledgerSupply(communities, kgs, P.ruleTable));
    expect(openings).toEqual([{ id: '配套园-A', year: 2026 }]);
    const settings = defaultPlanSettings();
    const input = { kindergartens, openings, population: [cell({ id: 'far', lat: latAtM(1000), children_3_5: 40 })], communities: [], admin_units: [] };
    const r = runPlan(input, { id: 'e', name: '空', projects: [] }, P, settings);
    const places = Object.fromEntries(r.years.map((y) => [y.year, y.places]));
    expect([places[2025], places[2026], places[2030]]).toEqual([100, 280, 280]);
    const cov = Object.fromEntries(r.years.map((y) => [y.year, y.coveredShare]));
    expect([cov[2025], cov[2026]]).toEqual([0, 1]);
  });
});
