/**
 * Analysis slice: the present-day view (现状). It is the plan engine's base year of the
 * 基准 scenario — the same demand basis, supply rule and enrolment as the plan's first
 * year — so the cards, tables, map, 汇报 and the plan never show two values for one
 * quantity. The work runs in a Web Worker (the plan runner); results are keyed by their
 * inputs and not shown once those change.
 */
import { m } from '../i18n';
import type { Message } from '../i18n';
import { messageOfError } from '../i18n/message-error';
import { ParamsSchema, validate } from '../data/project/schemas';
import type { StateCreator } from 'zustand/vanilla';
import { defaultAnalysisParams } from '../analysis/params';
import type { PlanResult, PlanScenario, PlanSettings } from '../analysis/plan/plan-types';
import { BASE_SCENARIO_NAME } from '../analysis/plan/present';
import type { AnalysisParams, AnalysisResult } from '../analysis/types';
import { BASE_SCENARIO_ID } from './plan-slice';
import { selectPlanInput } from './selectors';
import type { AppState } from './store';

/** What a present-day result was computed from (identity of each part). */
export interface PresentInputs {
  dataVersion: number;
  scenario: PlanScenario | undefined;
  settings: PlanSettings;
  params: AnalysisParams;
}

export interface AnalysisSlice {
  params: AnalysisParams;
  result: AnalysisResult | null;
  /** the plan run behind `result` (its base year): data year, demand basis, both children counts, 三率 */
  presentPlan: PlanResult | null;
  /** dataVersion the result was computed for */
  resultVersion: number;
  /** the inputs `result` was computed from (null: none) */
  resultFor: PresentInputs | null;
  analysisState: 'idle' | 'running' | 'done' | 'error' | 'cancelled';
  progress: number;
  stage: Message | null;
  analysisError: Message | null;
  /** the running analysis; the next run or cancel aborts it */
  analysisAbort: AbortController | null;
  setParams(p: Partial<AnalysisParams>): void;
  /** Run (or re-run) the present-day analysis on the current data; a newer run cancels an older one. */
  runAnalysis(): Promise<void>;
  cancelAnalysis(): void;
}

/** The inputs the present-day result depends on, as they stand now. */
export function presentInputsOf(s: AppState): PresentInputs {
  return {
    dataVersion: s.dataVersion,
    scenario: s.scenarios.find((x) => x.id === BASE_SCENARIO_ID),
    settings: s.planSettings,
    params: s.params,
  };
}

/** The result still matches what is on screen (same data, 基准 projects, plan settings, parameters). */
export function presentResultCurrent(s: AppState): boolean {
  const f = s.resultFor;
  if (!f || !s.result) return false;
  const now = presentInputsOf(s);
  return f.dataVersion === now.dataVersion && f.scenario === now.scenario && f.settings === now.settings && f.params === now.params;
}

/** "Today" in China (Asia/Shanghai) for overdue checks, from the clock of the app (the engine itself never reads the clock). */
export const todayIso = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

export const createAnalysisSlice: StateCreator<AppState, [], [], AnalysisSlice> = (set, get) => ({
  params: defaultAnalysisParams(todayIso()),
  result: null,
  presentPlan: null,
  resultVersion: -1,
  resultFor: null,
  analysisState: 'idle',
  progress: 0,
  stage: null,
  analysisError: null,
  analysisAbort: null,
  setParams(p) {
    // the same ranges as on load (schemas.ts): a refused edit changes nothing and names the field
    const bad = validate(ParamsSchema, { ...get().params, ...p }, 'params');
    if ('error' in bad) return set({ projectMessage: m('state.unchanged', { error: bad.error }) });
    set((s) => ({ params: { ...s.params, ...p } }));
    void get().runAnalysis();
    void get().runPlan();
  },
  async runAnalysis() {
    const s = get();
    const runner = s.planRunner;
    if (!runner) return;
    s.analysisAbort?.abort();
    const abort = new AbortController();
    const signal = abort.signal;
    set({ analysisAbort: abort, analysisState: 'running', progress: 0, stage: null, analysisError: null });
    const inputs = presentInputsOf(s);
    const baseYear = s.planSettings.baseYear;
    try {
      const scenario = inputs.scenario ?? { id: BASE_SCENARIO_ID, name: BASE_SCENARIO_NAME, projects: s.layers.plan_projects };
      const plan = await runner(
        { input: selectPlanInput(s), params: s.params, scenario, settings: { ...s.planSettings, endYear: baseYear }, detailYears: [baseYear] },
        (progress, stage) => {
          if (!signal.aborted) set({ progress, stage });
        },
        signal,
      );
      if (signal.aborted) return;
      set({ result: plan.detail[baseYear] ?? null, presentPlan: plan, resultVersion: inputs.dataVersion, resultFor: inputs, analysisState: 'done', progress: 1 });
    } catch (e) {
      if (signal.aborted || (e as Error).name === 'AbortError') {
        if (get().analysisAbort === abort) set({ analysisState: 'cancelled' });
        return;
      }
      // a failed run clears the figures it would have replaced (never shown as current)
      set({ result: null, presentPlan: null, resultVersion: -1, resultFor: null, analysisState: 'error', analysisError: messageOfError(e) });
    } finally {
      if (get().analysisAbort === abort) set({ analysisAbort: null });
    }
  },
  cancelAnalysis() {
    get().analysisAbort?.abort();
    set({ analysisState: 'cancelled', analysisAbort: null });
  },
});
