import { describe, expect, it } from 'vitest';
import { checkStatement, type RefusalCode } from '../../src/data/sql-guard';
import { isMessageKey, msg, render } from '../../src/i18n';
import { planSymbolSpecs } from '../../src/map/marker-specs';
import { PLAN_KIND_SYMBOL } from '../../src/map/palette';
import { PLAN_KINDS, type PlanProject } from '../../src/data/schema';
import { cancelledMessage, refusalMessage } from '../../src/ui/SqlConsole';
import { formatFigure } from '../../src/ui/FigureCard';
import { formatArea, formatDistance, formatMoney10k, formatRag, formatWan } from '../../src/ui/format';

const CJK = /[\u4e00-\u9fff]/;

describe('SQL console messages come from the catalogue', () => {
  const codes: RefusalCode[] = ['empty', 'multiple', 'notQuery', 'writeInside', 'pragma', 'external', 'url', 'setting'];

  it('every refusal code has a key, rendered with its keyword in both languages', () => {
    for (const code of codes) {
      const message = refusalMessage({ ok: false, code, keyword: 'DELETE', count: 3 });
      expect(isMessageKey(message.key), code).toBe(true);
      for (const lang of ['zh', 'en'] as const) expect(render(lang, message)).not.toMatch(/\{\w+\}/);
      expect(render('en', message)).not.toMatch(CJK);
    }
  });

  it('real refusals read as before in Chinese and name the statement', () => {
    const refused = checkStatement('DELETE FROM kindergartens');
    if (refused.ok) throw new Error('DELETE must be refused');
    expect(render('zh', refusalMessage(refused))).toContain('已拒绝');
    expect(render('zh', refusalMessage(refused))).toContain('DELETE');
    const two = checkStatement('SELECT 1; SELECT 2');
    if (two.ok) throw new Error('two statements must be refused');
    expect(render('zh', refusalMessage(two))).toBe('一次只能运行一条语句（检测到 2 条，以分号分隔）。请只保留一条。');
    expect(render('en', refusalMessage(two))).toContain('found 2');
    expect(render('zh', refusalMessage({ ok: false, code: 'pragma', keyword: 'THREADS' }))).toContain('PRAGMA threads');
  });

  it('a cancel says how long it ran, a timeout its limit', () => {
    expect(render('zh', cancelledMessage({ status: 'cancelled', reason: 'user', ms: 1234, timeoutMs: 30_000 }))).toBe('已取消：查询运行 1.2 秒后被停止，没有结果，数据未改变。');
    expect(render('en', cancelledMessage({ status: 'cancelled', reason: 'timeout', ms: 2000, timeoutMs: 2000 }))).toMatch(/^Stopped: the query ran past the 2\.0 s limit/);
  });
});

describe('map symbols and unit words follow the language', () => {
  it('plan symbols: one character in Chinese, a Latin letter in English', () => {
    for (const kind of PLAN_KINDS) {
      expect(msg('zh', PLAN_KIND_SYMBOL[kind])).toMatch(CJK);
      expect(msg('en', PLAN_KIND_SYMBOL[kind])).toMatch(/^[A-Z]$/);
    }
    const p = { id: 'p1', lon: 110, lat: 40, kind: 'new_build' } as PlanProject;
    expect(planSymbolSpecs([p], () => {}, () => {}, 'zh')[0].text).toBe('新');
    expect(planSymbolSpecs([p], () => {}, () => {}, 'en')[0].text).toBe('N');
  });

  it('units: Chinese by default, English words in English', () => {
    expect(formatArea(5000)).toBe('5,000㎡');
    expect(formatArea(5000, 'en')).toBe('5,000 m²');
    expect(formatDistance(300)).toBe('300 米');
    expect(formatDistance(1234, 'en')).toBe('1.2 km');
    expect(formatRag('amber')).toBe('偏紧');
    expect(formatRag('amber', 'en')).toBe('tight');
    expect(formatRag('unknown', 'en')).toBe('unknown');
    expect(formatWan(787681, 1, 'en')).toBe('78.8 ×10k');
    expect(formatMoney10k(24430)).toBe('2.44亿元');
    expect(formatMoney10k(5752)).toBe('5,752万元');
    expect(formatMoney10k(24430, 'en')).toBe('24,430 ×10k yuan');
    expect(formatFigure({ value: 12, unit: '个' })).toBe('12个');
    expect(formatFigure({ value: 12, unit: '个' }, 'en')).toBe('12');
    expect(formatFigure({ value: 300, unit: 'm' }, 'en')).toBe('300 m');
    expect(formatFigure({ value: 4500, unit: '人' }, 'en')).toBe('4,500 people');
  });
});
