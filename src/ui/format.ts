/** Numbers the way Chinese planners write them: 78.8万人, 360个学位, 5,000㎡, 85.0%. Unit words come from the catalogue. */
import { msg, type Lang, type MessageKey } from '../i18n';

/** The locale of dates and times shown in a language. */
export const LOCALE: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };

const grouped = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });

/** 1234567 → "1,234,567" */
export function formatInt(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return grouped.format(Math.round(n));
}

/** Large counts in 万 above 10,000: 787681 → "78.8万"; below → "9,876" (English: "78.8 ×10k"). */
export function formatWan(n: number | null | undefined, digits = 1, lang: Lang = 'zh'): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  if (Math.abs(n) >= 10000) return msg(lang, 'shell.unit.wan', { n: (n / 10000).toFixed(digits) });
  return formatInt(n);
}

/** Money given in 万元, as officials write it: 5752 → "5,752万元", 24430 → "2.44亿元" (English: "×10k yuan"). */
export function formatMoney10k(v10k: number | null | undefined, lang: Lang = 'zh'): string {
  if (v10k === null || v10k === undefined || !Number.isFinite(v10k)) return '—';
  if (lang !== 'en' && Math.abs(v10k) >= 10000) return msg(lang, 'shell.unit.yuan100m', { n: (v10k / 10000).toFixed(2) });
  return msg(lang, 'shell.unit.yuan10k', { n: formatInt(v10k) });
}

/** 0.9123 → "91.2%" */
export function formatPct(ratio: number | null | undefined, digits = 1): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  return `${(ratio * 100).toFixed(digits)}%`;
}

/** area in m² → "5,000㎡" */
export function formatArea(m2: number | null | undefined, lang: Lang = 'zh'): string {
  if (m2 === null || m2 === undefined || !Number.isFinite(m2)) return '—';
  return msg(lang, 'shell.unit.m2', { n: formatInt(m2) });
}

/**
 * One date format on every screen and export: ISO "2026-03-01" (as the date inputs, the 台账 and
 * Excel show it); a month alone stays "2026-03".
 */
export function formatDateZh(iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(iso);
  if (!m) return iso;
  return m[3] ? `${m[1]}-${m[2]}-${m[3]}` : `${m[1]}-${m[2]}`;
}

/** Distance in metres → "300 米" / "1.2 公里" */
export function formatDistance(m: number, lang: Lang = 'zh'): string {
  if (!Number.isFinite(m)) return '—';
  if (m >= 1000) return msg(lang, 'shell.unit.km', { n: (m / 1000).toFixed(1) });
  return msg(lang, 'shell.unit.m', { n: Math.round(m) });
}

const RAG_LABELS = {
  green: 'shell.rag.green',
  amber: 'shell.rag.amber',
  red: 'shell.rag.red',
  no_demand: 'shell.rag.noDemand',
  inactive: 'shell.rag.inactive',
} as const satisfies Record<string, MessageKey>;

/** Label of a red/amber/green supply status (2SFCA R or A) in the language. */
export function formatRag(status: string, lang: Lang = 'zh'): string {
  const key = (RAG_LABELS as Record<string, MessageKey>)[status];
  return key ? msg(lang, key) : status;
}
