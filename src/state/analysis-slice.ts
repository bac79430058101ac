/** Analysis slice: parameters, the latest result, progress and cancel. The work runs in a Web Worker. */
import type { StateCreator } from 'zustand/vanilla';
import { defaultAnalysisParams } from '../analysis/params';
import type { AnalysisInput, AnalysisParams, AnalysisResult } from '../analysis/types';
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
  setRunner(r: AnalysisRunner): void;
  setParams(p: Partial<AnalysisParams>): void;
  /** Run (or re-run) the analysis on the current data; a newer run cancels an older one. */
  runAnalysis(): Promise<void>;
  cancelAnalysis(): void;
}

let current: { aborted: boolean } | null = null;

/** "Today" for overdue checks, from the clock of the app (the engine itself never reads the clock). */
export const todayIso = (): string => new Date().toISOString().slice(0, 10);

export const createAnalysisSlice: StateCreator<AppState, [], [], AnalysisSlice> = (set, get) => ({
  params: defaultAnalysisParams(todayIso()),
  result: null,
  resultVersion: -1,
  analysisState: 'idle',
  progress: 0,
  stageZh: '',
  analysisError: null,
  runner: null,
  setRunner: (runner) => set({ runner }),
  setParams(p) {
    set((s) => ({ params: { ...s.params, ...p } }));
    void get().runAnalysis();
  },
  async runAnalysis() {
    const { runner, layers, params, dataVersion } = get();
    if (!runner) return;
    if (current) current.aborted = true;
    const signal = { aborted: false };
    current = signal;
    set({ analysisState: 'running', progress: 0, stageZh: '', analysisError: null });
    try {
      const input: AnalysisInput = {
        kindergartens: layers.kindergartens,
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
        if (current === signal) set({ analysisState: 'cancelled' });
        return;
      }
      set({ analysisState: 'error', analysisError: (e as Error).message });
    } finally {
      if (current === signal) current = null;
    }
  },
  cancelAnalysis() {
    if (current) current.aborted = true;
    set({ analysisState: 'cancelled' });
  },
});
