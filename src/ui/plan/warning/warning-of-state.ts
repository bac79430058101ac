/** From the store to the 学位预警 document: the current scenario's plan, classified with the thresholds in use. */
import { classifyPlaceWarnings, type WarningParams } from '../../../analysis/plan/place-warning';
import type { PlanResult } from '../../../analysis/plan/plan-types';
import { todayIso } from '../../../state/analysis-slice';
import type { DatasetMeta } from '../../../state/data-slice';
import { selectCurrentPlan, selectCurrentScenario } from '../../../state/selectors';
import type { AppState } from '../../../state/store';
import { msg, type Lang } from '../../../i18n';
import type { WarningDoc } from './warning-doc';
import { scenarioText } from '../../messages';

/** 昆都仑区（示例数据） → 昆都仑区; no name → 本区 / The district */
export const districtName = (name: string | undefined, lang: Lang): string =>
  (name ?? '').replace(/（[^）]*）\s*$/, '').replace(/\([^)]*\)\s*$/, '').trim() || msg(lang, 'plan.ui.warn.thisDistrict');

export function warningDocFrom(plan: PlanResult | null, scenarioName: string, params: WarningParams, lang: Lang, meta: DatasetMeta | null): WarningDoc | null {
  if (!plan || plan.years.length === 0) return null;
  return {
    lang,
    table: classifyPlaceWarnings(plan, params),
    district: districtName(meta?.name, lang),
    scenario: scenarioName,
    dataYear: plan.dataYear,
    baseYear: plan.settings.baseYear,
    openingLagYears: plan.settings.openingLagYears,
    date: todayIso(),
    generated: Boolean(meta?.generated?.length),
  };
}

export const warningDocOf = (s: AppState): WarningDoc | null => warningDocFrom(selectCurrentPlan(s), scenarioText(s.lang, selectCurrentScenario(s)), s.warningParams, s.lang, s.meta);
