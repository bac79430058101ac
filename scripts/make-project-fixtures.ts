/**
 * Writes test/fixtures/project/v1-*.json: a project file and a scenario file in
 * format version 1, as the app on main exported them before format 2 (2026-12-05).
 * Kept as fixtures: every later version must still open them (test/data/project/migrate.test.ts).
 * Run once with the version-1 code; re-running on a later version writes that version instead.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseLayerText } from '../src/data/parse-layer';
import { serializeProject } from '../src/data/project/project-file';
import { scenarioToText } from '../src/data/project/scenario-file';
import { LAYERS, SUPPORTING_KG_STATUSES, type LayerId } from '../src/data/schema';
import { emptyLayers } from '../src/state/data-slice';
import { createAppStore } from '../src/state/store';

const files: Partial<Record<LayerId, string>> = { kindergartens: 'kindergartens.csv', communities: 'communities.geojson', population: 'population.csv', admin_units: 'admin_units.geojson', plan_projects: 'plan_projects.csv' };
const layers = emptyLayers() as unknown as Record<string, unknown[]>;
for (const [id, f] of Object.entries(files)) layers[id] = parseLayerText(id as LayerId, LAYERS[id as LayerId].file, readFileSync(`data/${f}`, 'utf8')).rows as unknown[];
// small: every kindergarten and plan project, the first 20 communities, 60 population cells
layers.communities = layers.communities.slice(0, 20);
layers.population = layers.population.slice(0, 60);
const s = createAppStore();
await s.getState().setDataset({ layers: layers as never, district: JSON.parse(readFileSync('data/district.geojson', 'utf8')), meta: JSON.parse(readFileSync('data/sample-meta.json', 'utf8')) });
s.getState().setParams({ radiusM: 500 });
s.getState().setLedgerUser('测试员');
// one recorded 台账 change (the first step the workflow allows), so the fixture carries a history
let changed = false;
for (const c of s.getState().layers.communities) {
  for (const to of SUPPORTING_KG_STATUSES) {
    if (changed || to === c.supporting_kg_status) continue;
    const res = await s.getState().changeLedgerStatus(c.id, to, { date: '2026-11-20', note: '测试' });
    changed = res.ok;
  }
  if (changed) break;
}
const sid = s.getState().duplicateScenario('base', '方案一');
s.getState().selectScenario(sid);
s.getState().setPlanSettings({ openingLagYears: 1 });
s.getState().updateScreen(s.getState().screens[0].id, { title: '现状：学位总量', notes: '讲稿' });
const p = s.getState().toProject();
p.savedAt = '2026-12-05T12:00:00.000Z';
const tag = JSON.parse(serializeProject(p)).version;
writeFileSync(`test/fixtures/project/v${tag}-project.xwgh.json`, serializeProject(p));
const sc = s.getState().scenarios.find((x) => x.id === sid)!;
writeFileSync(`test/fixtures/project/v${tag}-scenario.xwgh-scenario.json`, scenarioToText(sc, s.getState().planSettings));
console.log('written', tag, s.getState().ledgerEvents.length, 'ledger events');
