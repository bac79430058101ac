/**
 * Every message the engine and the store can return has a catalogue key, renders with every
 * `{value}` filled, and reads without Chinese in English (except data and document titles in 《》).
 */
import path from 'node:path';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isMessageKey, render, type Message, type MessageValue } from '../../src/i18n';
import { loadDataFolder } from '../../src/data/load-folder-node';
import { defaultAnalysisParams, PARAM_SOURCES, distanceLabel, RULE_TABLES, ruleTableLabel, ruleTableSource, validateParams } from '../../src/analysis/params';
import { PLAN_PARAM_SOURCES } from '../../src/analysis/plan/plan-defaults';
import { WARNING_PARAM_SOURCES } from '../../src/analysis/plan/place-warning';
import { runAnalysis } from '../../src/analysis/run-analysis';
import { PROBLEM_KEY } from '../../src/analysis/communities';
import { UNIT_KEY } from '../../src/analysis/figures';
import { exactTooLarge } from '../../src/analysis/siting/exact';
import { sitingError } from '../../src/analysis/siting/run-siting';
import { MessageError } from '../../src/i18n/message-error';
import type { AnalysisResult, Figure } from '../../src/analysis/types';

const CJK = /[\u3400-\u9fff]/;
const DATA = path.resolve(__dirname, '../../data');

/** True when a message (or a nested one) carries a plain string value (data such as a name). */
function hasData(m: Message): boolean {
  const vals: MessageValue[] = Object.values(m.values ?? {});
  return vals.some((v) => (typeof v === 'string' ? CJK.test(v) : typeof v === 'number' ? false : Array.isArray(v) ? v.some(hasData) : hasData(v as Message)));
}

function check(messages: Message[]): string[] {
  const bad: string[] = [];
  const walk = (m: Message) => {
    if (!isMessageKey(m.key)) bad.push(`unknown key ${m.key}`);
    for (const v of Object.values(m.values ?? {})) {
      if (Array.isArray(v)) v.forEach(walk);
      else if (typeof v === 'object') walk(v as Message);
    }
  };
  for (const m of messages) {
    walk(m);
    for (const lang of ['zh', 'en'] as const) {
      const text = render(lang, m);
      if (/\{\w+\}/.test(text)) bad.push(`${m.key} (${lang}): unfilled value in “${text}”`);
      if (text === m.key) bad.push(`${m.key} (${lang}): not in the catalogue`);
    }
    const en = render('en', m).replace(/学位规划/g, '').replace(/《[^》]*》/g, '');
    if (!hasData(m) && CJK.test(en)) bad.push(`${m.key}: Chinese in English “${en}”`);
  }
  return bad;
}

const figureMessages = (f: Figure): Message[] => [f.label, f.formula, f.source, ...(f.note ? [f.note] : []), ...f.inputs.map((i) => i.label)];

function resultMessages(r: AnalysisResult): Message[] {
  return [
    ...r.headline.flatMap(figureMessages),
    ...r.indicators.flatMap(figureMessages),
    ...r.streets.flatMap((s) => s.indicators.flatMap(figureMessages)),
    ...r.warnings,
    ...r.communities.map((c) => c.problemLabel),
  ];
}

describe('engine messages', () => {
  it('parameter sources, labels, units, problems and validation messages all render in both languages', () => {
    const bad = validateParams({
      ...defaultAnalysisParams(),
      radiusM: -1,
      decay: 'x' as never,
      statusThresholds: { green: 0.5, amber: 0.8 },
      handoverMonths: -1,
      escalationOrangeDays: 0,
      asOfDate: 'x',
      nearestMaxM: -1,
      distanceMode: 'x' as never,
      walkSpeedKmh: 0,
      walkSnapMaxM: 0,
    });
    expect(bad.length).toBeGreaterThanOrEqual(10);
    const all: Message[] = [
      ...bad,
      ...[PARAM_SOURCES, PLAN_PARAM_SOURCES, WARNING_PARAM_SOURCES].flatMap((t) => Object.values(t).flatMap((s) => [s.label, s.source])),
      ...RULE_TABLES.flatMap((t) => [ruleTableLabel(t), ruleTableSource(t)]),
      ...Object.values(PROBLEM_KEY).map((key) => ({ key })),
      ...Object.values(UNIT_KEY).map((key) => ({ key: key! })),
      distanceLabel({ radiusM: 300, distanceMode: 'walking', walkSpeedKmh: 5 }),
      distanceLabel({ radiusM: 500 }),
      sitingError(new Error('Aborted()')),
      sitingError(new Error('boom')),
      sitingError(new MessageError('engine.siting.badSpacing', { spacing: 0 })),
    ];
    expect(check(all)).toEqual([]);
    expect(render('zh', PARAM_SOURCES.radiusM.label)).toBe('服务半径 300 m（可选 500 m）');
  });

  it('a too-large siting model is explained in both languages', () => {
    const pr = { goal: 'mclp', capacity: true, nExisting: 0, nCand: 1_000_000, site: new Int32Array(1_000_000), candGroup: new Int32Array(0), nGroups: 0 } as never;
    const why = exactTooLarge(pr);
    expect(why).not.toBeNull();
    expect(check([why!])).toEqual([]);
  });

  it.skipIf(!existsSync(path.join(DATA, 'kindergartens.csv')))('a run on the sample city returns only catalogue messages (straight and 500 m)', () => {
    const { data } = loadDataFolder(DATA);
    for (const radiusM of [300, 500, 400]) {
      const r = runAnalysis(data, { ...defaultAnalysisParams('2026-06-30'), radiusM });
      const msgs = resultMessages(r);
      expect(msgs.length).toBeGreaterThan(100);
      expect(check(msgs)).toEqual([]);
    }
  });

  it('warnings of bad input rows are messages with numbers filled in', () => {
    const r = runAnalysis(
      {
        kindergartens: [{ id: 'K', name: '甲园', lon: NaN, lat: NaN, places: 0 } as never],
        population: [{ id: 'C', lon: NaN, lat: NaN, children_3_5: -1 } as never],
        communities: [],
        adminUnits: [],
      } as never,
      defaultAnalysisParams('2026-06-30'),
    );
    expect(r.warnings.length).toBeGreaterThanOrEqual(3);
    expect(check(resultMessages(r))).toEqual([]);
    expect(r.warnings.map((w) => render('en', w)).join('\n')).toMatch(/1 kindergartens have invalid coordinates/);
  });
});
