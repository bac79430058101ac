/** Messages between the page and src/state/analysis-worker.ts (all structured-cloneable). */
import type { Message } from '../i18n';
import type { PackedRows } from '../data/import/packed-rows';
import type { PlanResult, PlanScenario, PlanSettings } from '../analysis/plan/plan-types';
import type { AnalysisInput, AnalysisParams, AnalysisResult } from '../analysis/types';

/** Start a run. `type` may be omitted ({id, input, params} is a run request). */
export interface AnalysisRunRequest {
  type?: 'run';
  id: number | string;
  input: AnalysisInput;
  params: AnalysisParams;
  /**
   * Large layers as packed columns (input's array for them is then empty): cloning
   * typed arrays costs milliseconds, a million row objects seconds of the page's time.
   */
  packed?: { population?: PackedRows };
}

/** Cancel the run with this id (ignored when it already finished). */
export interface AnalysisCancelRequest {
  type: 'cancel';
  id: number | string;
}

/** Run a plan scenario over all its years (src/analysis/plan/run-plan.ts). */
export interface PlanRunRequest {
  type: 'plan';
  id: number | string;
  input: AnalysisInput;
  params: AnalysisParams;
  scenario: PlanScenario;
  settings: PlanSettings;
  detailYears?: number[];
  packed?: { population?: PackedRows };
}

export type AnalysisRequest = AnalysisRunRequest | AnalysisCancelRequest | PlanRunRequest;

export interface AnalysisProgressMessage {
  type: 'progress';
  id: number | string;
  /** 0–1 */
  fraction: number;
  stage: Message;
}

export interface AnalysisResultMessage {
  type: 'result';
  id: number | string;
  result: AnalysisResult;
}

export interface AnalysisErrorMessage {
  type: 'error';
  id: number | string;
  message: Message;
  /** true when the run was cancelled */
  aborted: boolean;
}

export interface PlanResultMessage {
  type: 'plan-result';
  id: number | string;
  result: PlanResult;
}

export type AnalysisResponse = AnalysisProgressMessage | AnalysisResultMessage | AnalysisErrorMessage | PlanResultMessage;

/** Transfer list of a plan result (the typed arrays of its detail years). */
export function planTransferables(r: PlanResult): ArrayBuffer[] {
  const seen = new Set<ArrayBuffer>();
  for (const d of Object.values(r.detail)) for (const b of resultTransferables(d)) seen.add(b);
  return [...seen];
}

/** The ArrayBuffers of a result's typed arrays, to pass as postMessage transfer list. */
export function resultTransferables(r: AnalysisResult): ArrayBuffer[] {
  const k = r.kindergartens;
  const c = r.cells;
  const arrays = [
    k.active,
    k.supplyPlaces,
    k.inCatchmentDemand,
    k.weightedDemandGaussian,
    k.ratioPlain,
    k.ratioGaussian,
    k.streetIndex,
    c.covered,
    c.nearestKgM,
    c.accessPlain,
    c.accessGaussian,
    c.served,
    c.overCapacity,
    c.outside,
    c.streetIndex,
  ];
  const seen = new Set<ArrayBuffer>();
  for (const a of arrays) if (a.buffer instanceof ArrayBuffer) seen.add(a.buffer);
  return [...seen];
}
