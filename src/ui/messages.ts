/**
 * Rendering of engine messages whose values need the data schema (ledger status codes → labels)
 * and the basis line. The texts themselves live in the one catalogue, `src/i18n`.
 */
import type { PlanMessage, PlanResult } from '../analysis/plan/plan-types';
import { enumLabel } from '../data/schema';
import { msg as catalogueMsg, render, type Lang, type MessageKey } from '../i18n';
import { scenarioName } from '../analysis/plan/present';

/** Ledger statuses named in messages ({from}, {to}, {skipped}) are shown by their labels. */
const showValue = (lang: Lang, k: string, v: string | number): string =>
  (k === 'from' || k === 'to' || k === 'skipped') && typeof v === 'string' && v !== ''
    ? v
        .split(',')
        .map((x) => enumLabel(lang, 'communities', 'supporting_kg_status', x) || x)
        .join(lang === 'zh' ? '、' : ', ')
    : String(v);

/** An engine message's text, its ledger status codes shown by their labels (other texts: `msg` of src/i18n). */
function msgWithStatuses(lang: Lang, key: MessageKey, values: Record<string, string | number> = {}): string {
  const shown: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) shown[k] = showValue(lang, k, v);
  return catalogueMsg(lang, key, shown);
}

/**
 * The data year and method behind a figure: "2025 年（由 2020 年普查按出生人口推算）".
 * Later years are projections whatever the base basis.
 */
export function describeBasis(lang: Lang, plan: Pick<PlanResult, 'dataYear' | 'demandBasis' | 'settings'>, year: number): string {
  const v = { year, dataYear: plan.dataYear };
  const key = year > plan.settings.baseYear ? 'basis.projected' : plan.demandBasis === 'census' ? 'basis.census' : 'basis.births';
  return catalogueMsg(lang, key, v) + (plan.settings.demand.method === 'per_thousand' ? catalogueMsg(lang, 'basis.perThousand') : '');
}

export function msgOf(lang: Lang, m: PlanMessage): string {
  return msgWithStatuses(lang, m.key, m.values);
}

/** A scenario's name as shown: the stored default name of the base scenario in the user's language, others as typed. */
export function scenarioText(lang: Lang, sc: { name: string } | null | undefined): string {
  const n = scenarioName(sc);
  return typeof n === 'string' ? n : render(lang, n);
}

/** A 汇报 screen's title: as typed, or (empty, or still an old saved default) the kind's default in the user's language. */
export function screenTitle(lang: Lang, screen: { kind: 'status' | 'problems' | 'plan' | 'target'; title: string; view: { year: number | null } }): string {
  const key = `present.title.${screen.kind}` as const;
  const values = { year: screen.view.year ?? 2030 };
  const t = screen.title.trim();
  return t === '' || t === catalogueMsg('zh', key, values) ? catalogueMsg(lang, key, values) : screen.title;
}
