/**
 * What the 学位预警 exports and the tab say: level names, reasons and rules in the
 * message catalogue's words, from the engine's table (src/analysis/plan/place-warning.ts).
 * Shared by the tab, the DOCX notice and the XLSX workbook so all three carry the same text.
 */
import { WARNING_PARAM_SOURCES, type StreetYearWarning, type WarningLevel, type WarningReason, type WarningTable } from '../../../analysis/plan/place-warning';
import { render, type Message } from '../../../i18n';
import { formatInt } from '../../format';
import type { Lang } from '../../../i18n';
import { msg } from '../../../i18n';

export interface WarningDoc {
  lang: Lang;
  table: WarningTable;
  /** 昆都仑区 */
  district: string;
  scenario: string;
  dataYear: number;
  baseYear: number;
  openingLagYears: number;
  /** YYYY-MM-DD */
  date: string;
  /** the data are partly generated (sample) */
  generated: boolean;
}

export const LEVEL_FILL: Record<WarningLevel, string> = { red: 'F4B6B6', yellow: 'FFE699', green: 'C6E0B4' };
export const LEVEL_TEXT: Record<WarningLevel, string> = { red: 'C00000', yellow: '7F6000', green: '375623' };

export const levelLabel = (lang: Lang, l: WarningLevel): string => msg(lang, `warn.level.${l}`);
export const pctText = (v: number | null): string => (v === null || !Number.isFinite(v) ? '—' : `${v.toFixed(1)}%`);

export function reasonText(lang: Lang, r: WarningReason): string {
  switch (r.key) {
    case 'short':
      return msg(lang, 'warn.reason.short', { gap: formatInt(r.gap) });
    case 'high_use':
      return msg(lang, 'warn.reason.high_use', { pct: r.utilisationPct.toFixed(1), threshold: r.thresholdPct });
    case 'short_ahead':
      return msg(lang, 'warn.reason.short_ahead', { year: r.year, gap: formatInt(r.gap) });
    case 'ok':
      return msg(lang, 'warn.reason.ok', { pct: pctText(r.utilisationPct) });
  }
}

export const reasonsText = (lang: Lang, c: StreetYearWarning): string => c.reasons.map((r) => reasonText(lang, r)).join(msg(lang, 'shell.semicolon'));

/** The three rules with their sources; unpublished thresholds marked 本系统默认. */
export function ruleLines(lang: Lang, t: WarningTable): { rule: string; source: string; isDefault: boolean }[] {
  const src = WARNING_PARAM_SOURCES;
  const r = (x: Message) => render(lang, x);
  // an unpublished threshold is marked once
  const mark = (v: boolean, text: Message) => (v || r(text).includes(msg(lang, 'warn.default')) ? '' : msg(lang, 'plan.ui.note', { note: msg(lang, 'warn.default') }));
  return [
    { rule: msg(lang, 'warn.rule.red'), source: r(src.red.source), isDefault: !src.red.verified },
    {
      rule: msg(lang, 'warn.rule.yellow', { pct: t.params.utilisationYellowPct, years: t.params.leadYears }),
      source: [src.utilisationYellowPct, src.leadYears].map((x) => `${r(x.source)}${mark(x.verified, x.source)}`).join(msg(lang, 'shell.semicolon')),
      isDefault: true,
    },
    { rule: msg(lang, 'warn.rule.green'), source: '', isDefault: false },
  ];
}

export const yearLabel = (lang: Lang, d: WarningDoc, y: number): string => (y === d.baseYear ? `${y}${msg(lang, 'warn.base')}` : String(y));
/** 2025 年（基准） / 2026 年 (in sentences) */
export const yearInText = (lang: Lang, d: WarningDoc, y: number): string => msg(lang, 'plan.ui.warn.yearInText', { year: y, base: y === d.baseYear ? msg(lang, 'warn.base') : '' });

export const docTitle = (d: WarningDoc): string =>
  msg(d.lang, 'warn.title', { district: d.district, first: d.table.years[0] ?? '', last: d.table.years[d.table.years.length - 1] ?? '' });

export const methodLabel = (d: WarningDoc): string => msg(d.lang, `method.${d.table.method}`);

/** File name stem: 昆都仑区学位预警_2026-12-05 */
export const fileStem = (d: WarningDoc): string => msg(d.lang, 'plan.ui.warn.fileStem', { district: d.district.replace(/[\\/:*?"<>|]/g, ''), date: d.date });
