/** Analysis slice: parameters, the latest result, progress and cancel. The work runs in a Web Worker. */
import type { StateCreator } from 'zustand/vanilla';
import { defaultAnalysisParams } from '../analysis/params';
import type { AnalysisInput, AnalysisParams, AnalysisResult } from '../analysis/types';
import { selectAnalysisKindergartens } from './selectors';
import type { AppState } from './store';

/** Runs the engine somewhere (worker in the app, in-process in tests); rejects with name 'AbortError' on cancel. */
export type AnalysisRunner = (
  input: AnalysisInput,
  params: AnalysisParams,
  onProgress: (fraction: number, stageZh: string) => void,
  signal: { aborted: boolean },
) => Promise<AnalysisResult>;

export interface AnalysisSlice {
  params: AnalysisParams;
  result: AnalysisResult | null;
  /** dataVersion the result was computed for */
  resultVersion: number;
  analysisState: 'idle' | 'running' | 'done' | 'error' | 'cancelled';
  progress: number;
  stageZh: string;
  analysisError: string | null;
  runner: AnalysisRunner | null;
  /** the running analysis; the next run or cancel aborts it */
  analysisAbort: AbortController | null;
  setRunner(r: AnalysisRunner): void;
  setParams(p: Partial<AnalysisParams>): void;
  /** Run (or re-run) the analysis on the current data; a newer run cancels an older one. */
  runAnalysis(): Promise<void>;
  cancelAnalysis(): void;
}

/** "Today" in China (Asia/Shanghai) for overdue checks, from the clock of the app (the engine itself never reads the clock). */
export const todayIso = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

export const createAnalysisSlice: StateCreator<AppState, [], [], AnalysisSlice> = (set, get) => ({
  params: defaultAnalysisParams(todayIso()),
  result: null,
  resultVersion: -1,
  analysisState: 'idle',
  progress: 0,
  stageZh: '',
  analysisError: null,
  runner: null,
  analysisAbort: null,
  setRunner: (runner) => set({ runner }),
  setParams(p) {
    set((s) => ({ params: { ...s.params, ...p } }));
    void get().runAnalysis();
    void get().runPlan();
  },
  async runAnalysis() {
    const { runner, layers, params, dataVersion } = get();
    if (!runner) return;
    get().analysisAbort?.abort();
    const abort = new AbortController();
    const signal = abort.signal;
    set({ analysisAbort: abort, analysisState: 'running', progress: 0, stageZh: '', analysisError: null });
    try {
      const input: AnalysisInput = {
        kindergartens: selectAnalysisKindergartens(get()),
        population: layers.population,
        communities: layers.communities,
        admin_units: layers.admin_units,
      };
      const result = await runner(input, params, (progress, stageZh) => {
        if (!signal.aborted) set({ progress, stageZh });
      }, signal);
      if (signal.aborted) return;
      set({ result, resultVersion: dataVersion, analysisState: 'done', progress: 1 });
    } catch (e) {
      if (signal.aborted || (e as Error).name === 'AbortError') {
        if (get().analysisAbort === abort) set({ analysisState: 'cancelled' });
        return;
      }
      // a failed run clears the figures it would have replaced (never shown as current)
      set({ result: null, resultVersion: -1, analysisState: 'error', analysisError: (e as Error).message });
    } finally {
      if (get().analysisAbort === abort) set({ analysisAbort: null });
    }
  },
  cancelAnalysis() {
    get().analysisAbort?.abort();
    set({ analysisState: 'cancelled', analysisAbort: null });
  },
});
