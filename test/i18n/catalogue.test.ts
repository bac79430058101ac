import { describe, expect, it } from 'vitest';
import { CATALOGUE_PARTS } from '../../src/i18n/catalogue';
import { m, msg, render } from '../../src/i18n';

const CJK = /[\u3400-\u9fff]/;

describe('the message catalogue', () => {
  it('has no key in two parts (a later part would silently win)', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [part, entries] of Object.entries(CATALOGUE_PARTS)) {
      for (const key of Object.keys(entries)) {
        if (seen.has(key)) twice.push(`${key} (${seen.get(key)} and ${part})`);
        seen.set(key, part);
      }
    }
    expect(twice).toEqual([]);
  });

  it('has both languages for every key, the same {values} in each, and English without Chinese', () => {
    const bad: string[] = [];
    // proper names allowed in English: the product's name and Chinese document titles in 《》
    const allowed = (s: string) => s.replace(/学位规划/g, '').replace(/《[^》]*》/g, '');
    for (const entries of Object.values(CATALOGUE_PARTS)) {
      for (const [key, e] of Object.entries(entries) as [string, { zh: string; en: string }][]) {
        const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort().join(',');
        if (e.zh === '' && e.en !== '') bad.push(`${key}: no Chinese`);
        if (names(e.zh) !== names(e.en)) bad.push(`${key}: values differ (${names(e.zh)} / ${names(e.en)})`);
        // the language switch names the other language in itself
        if (key !== 'language' && CJK.test(allowed(e.en))) bad.push(`${key}: Chinese in English “${e.en}”`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('fills values, nested messages and lists', () => {
    expect(msg('zh', 'compare.yearOf', { year: 2027 })).toBe('2027 年');
    expect(msg('en', 'compare.yearOf', { year: 2027 })).toBe('2027');
    const nested = m('scale.finishBeforeStart', { finish: 2026, start: 2027 });
    expect(render('en', nested)).toBe('Finish year (2026) before start year (2027)');
    expect(msg('zh', 'warn.reason.ok', { pct: [m('warn.level.red'), m('warn.level.green')] })).toBe('使用率 红色、绿色');
    expect(msg('en', 'warn.reason.ok', { pct: [m('warn.level.red'), m('warn.level.green')] })).toBe('utilisation Red, Green');
  });
});
