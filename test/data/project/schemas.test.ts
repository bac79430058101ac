/**
 * The one schema of a project's settings, plan, story and 台账 history: version-1 files
 * exported by the app before format 2 still open (fixtures), and every number has a range.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { render, type Message } from '../../../src/i18n';

/** An { error: Message } result with the error rendered in Chinese (for the wording checks). */
const zhError = <T extends object>(r: T): T | { error: string } => ('error' in r ? { error: render('zh', r.error as Message) } : r);
import { migrateProjectDoc, parseProject, PROJECT_VERSION, serializeProject } from '../../../src/data/project/project-file';
import { checkPlanSettings, parseScenarioText } from '../../../src/data/project/scenario-file';
import { isCalendarDate, LedgerEventsSchema, validate } from '../../../src/data/project/schemas';
import { createAppStore } from '../../../src/state/store';

const V1_PROJECT = readFileSync('test/fixtures/project/v1-project.xwgh.json', 'utf8');
const V1_SCENARIO = readFileSync('test/fixtures/project/v1-scenario.xwgh-scenario.json', 'utf8');

describe('format versions and migrations', () => {
  it('the current version is 2 and a version-1 document migrates to it', () => {
    expect(PROJECT_VERSION).toBe(2);
    const doc = JSON.parse(V1_PROJECT);
    expect(doc.version).toBe(1);
    const m = migrateProjectDoc(doc);
    if ('error' in m) throw new Error(String(m.error.version));
    expect(m.doc.version).toBe(2);
    expect(migrateProjectDoc({ version: 1 })).toMatchObject({ doc: { version: 2, settings: {} } });
  });

  it('a project file exported by main in format 1 opens with its layers, plan, 台账 history and story', async () => {
    const res = parseProject(V1_PROJECT, 'v1.xwgh.json');
    if ('error' in res) throw new Error(render('zh', res.error));
    const s = createAppStore();
    await s.getState().applyProject(res.project);
    const st = s.getState();
    expect(st.layers.kindergartens.length).toBeGreaterThan(10);
    expect(st.params.radiusM).toBe(500);
    expect(st.scenarios.map((x) => x.name)).toEqual(['基准方案', '方案一']);
    expect(st.ledgerEvents.length).toBe(2);
    expect(st.screens[0].title).toBe('现状：学位总量');
    // saved again it is a version-2 file that opens the same way
    const again = parseProject(serializeProject(st.toProject()), 'v2.xwgh.json');
    if ('error' in again) throw new Error(render('zh', again.error));
    expect(JSON.parse(serializeProject(st.toProject())).version).toBe(2);
    expect(again.project.layers.communities).toEqual(st.layers.communities);
  });

  it('a scenario file of format 1 opens', () => {
    const res = parseScenarioText(V1_SCENARIO, 'v1.xwgh-scenario.json');
    if ('error' in res) throw new Error(render('zh', res.error));
    expect(res.scenario.name).toBe('方案一');
    expect(res.settings?.baseYear).toBe(2025);
  });

  it('a version-1 plan year outside 2000–2100 is dropped by the migration (the period starts instead)', () => {
    const doc = JSON.parse(V1_PROJECT);
    doc.settings.plan.year = 1e16;
    const m = migrateProjectDoc(doc);
    if ('error' in m) throw new Error(String(m.error.version));
    expect((m.doc.settings as { plan: { year?: number } }).plan.year).toBeUndefined();
  });
});

describe('every number has a range, refused naming the field', () => {
  const withPlan = (patch: Record<string, unknown>) => {
    const doc = JSON.parse(V1_PROJECT);
    Object.assign(doc.settings.plan.settings, patch);
    return JSON.stringify(doc);
  };
  it.each([
    [{ baseYear: 1e16 }, 'settings.plan.settings.baseYear（规划基准年）应为 2000–2100 的整数（当前 10000000000000000）'],
    [{ endYear: 1e16 }, 'settings.plan.settings.endYear（规划末年）应为 2000–2100 的整数'],
    [{ endYear: 2060 }, 'settings.plan.settings.endYear（规划末年）应在 baseYear 之后 30 年内'],
    [{ householdSize: 0 }, 'settings.plan.settings.householdSize（户均人口）应为大于 0'],
    [{ openingLagYears: 2.5 }, 'settings.plan.settings.openingLagYears'],
  ])('plan settings %j in a project file', async (patch, expected) => {
    const res = parseProject(withPlan(patch), 'p.xwgh.json');
    if ('error' in res) throw new Error(render('zh', res.error));
    const s = createAppStore();
    await expect(s.getState().applyProject(res.project)).rejects.toThrow(expected);
  });

  it('a scenario file with baseYear 1e16 is refused naming the file and field', () => {
    const doc = JSON.parse(V1_SCENARIO);
    doc.settings.baseYear = 1e16;
    const res = parseScenarioText(JSON.stringify(doc), '坏方案.xwgh-scenario.json');
    expect('error' in res && render('zh', res.error)).toMatch(/坏方案\.xwgh-scenario\.json.*settings\.baseYear（规划基准年）应为 2000–2100 的整数/);
  });

  it('demand factors: survival > 0 and ≤ 1, places per thousand > 0, births non-negative', () => {
    const base = JSON.parse(V1_SCENARIO).settings;
    // a version-1 file lacks settings added since (demand.baseBasis, newBuildCost10kPerClass): the defaults fill them
    expect(checkPlanSettings(base, '方案')).toHaveProperty('settings');
    const bad = (demand: Record<string, unknown>) => zhError(checkPlanSettings({ ...base, demand: { ...base.demand, ...demand } }, '方案', 'settings'));
    expect(bad({ survivalRate: 0 })).toMatchObject({ error: expect.stringContaining('settings.demand.survivalRate（存活率）') });
    expect(bad({ placesPerThousand: -1 })).toMatchObject({ error: expect.stringContaining('settings.demand.placesPerThousand') });
    expect(bad({ nationalBirths10k: { 2024: -5 } })).toMatchObject({ error: expect.stringContaining('settings.demand.nationalBirths10k.2024') });
    expect(bad({ nationalBirths10k: { abcd: 5 } })).toMatchObject({ error: expect.stringContaining('年份') });
  });

  it('the story: a screen year outside 2000–2100 or an array for the settings is refused', async () => {
    const doc = JSON.parse(V1_PROJECT);
    doc.settings.present.screens[2].view.year = 1e16;
    const res = parseProject(JSON.stringify(doc), 'p.xwgh.json');
    if ('error' in res) throw new Error(render('zh', res.error));
    await expect(createAppStore().getState().applyProject(res.project)).rejects.toThrow('settings.present.screens[2].view.year（年份）应为 2000–2100 的整数');
  });

  it('the 台账 history: impossible dates, unknown fields and out-of-order events are refused', () => {
    const events = JSON.parse(V1_PROJECT).settings.ledger.events;
    const check = (e: unknown) => zhError(validate(LedgerEventsSchema, e, 'settings.ledger.events'));
    expect(check(events)).toHaveProperty('value');
    expect(check([{ ...events[0], date: '2025-13-45' }])).toMatchObject({ error: expect.stringContaining('settings.ledger.events[0].date（日期）应为存在的日期') });
    expect(check([{ ...events[0], field: '__proto__' }])).toMatchObject({ error: expect.stringContaining('settings.ledger.events[0].field 不是小区图层的字段') });
    expect(check([events[0], { ...events[0] }])).toMatchObject({ error: expect.stringContaining('settings.ledger.events[1].seq（序号）序号应递增') });
    expect(check([{ ...events[0], field: 'supporting_kg_status', to: '随便' }])).toMatchObject({ error: expect.stringContaining('settings.ledger.events[0].to 不是有效的配套园状态') });
  });

  it('calendar dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-13-45')).toBe(false);
    expect(isCalendarDate('20250101')).toBe(false);
  });
});
