/**
 * runAnalysis: the whole engine in one call (coverage, 2SFCA, supply vs demand per
 * 街道, 配套园 gaps, county indicators). Also runAnalysisAsync, which yields to the
 * event loop between chunks so a Web Worker can receive a cancel message.
 *
 * Pipeline: prepare typed arrays → neighbour pairs (grid index, chunked) →
 * coverage + nearest kindergarten → 2SFCA (both forms) → split of demand →
 * 街道/district rows → 配套园 → indicators. Inputs are never modified.
 */
import { m, type Message } from '../i18n';
import { MessageError } from '../i18n/message-error';
import { AnalysisAbortError } from './abort';
import { evaluateSteps } from './engine-evaluate';
import { prepareSteps, type PreparedInput } from './engine-prepare';
import { walkingExtras } from './network/walking-extras';
import { driveAsync } from './drive';
import { validateParams } from './params';
import type { AnalysisInput, AnalysisParams, AnalysisResult, RunOptions } from './types';

/** The population fields the engine reads (the app sends only these to its worker). */
export const POPULATION_FIELDS_USED = ['id', 'lon', 'lat', 'residents', 'children_3_5', 'street_code'] as const;


/**
 * The engine as a generator: prepare → pairs → evaluate → describe. Each `yield`
 * is a point where the caller may pause (the signal is checked and progress
 * reported just before it). A plan (src/analysis/plan) runs the same stages, with
 * the pairs built once and evaluate called per (scenario, year).
 */
export function* analysisSteps(input: AnalysisInput, params: AnalysisParams, opts: RunOptions = {}): Generator<void, AnalysisResult, void> {
  const bad = validateParams(params);
  if (bad.length > 0) throw new MessageError('param.invalid', { problems: bad });
  const step = stepper(opts);
  step(0, m('engine.stage.prepare'));
  const nKg = (input.kindergartens ?? []).length;
  if (input.supplyPlaces && input.supplyPlaces.length !== nKg) {
    throw new MessageError('engine.err.supplyLength', { n: input.supplyPlaces.length, expected: nKg });
  }
  const prep = yield* prepareSteps(input, params, opts, step);
  const result = yield* evaluateSteps(prep, { kgs: prep.kgs, supplyPlaces: input.supplyPlaces }, params, step);
  return withWalkingExtras(prep, result, prep.children);
}

/** Attach the walking network's drawings and the straight-line comparison (walking runs with per-cell detail only). */
export function withWalkingExtras(prep: PreparedInput, result: AnalysisResult, children: Float64Array): AnalysisResult {
  if (prep.reach.mode !== 'walking' || result.cells.covered.length !== prep.nCells) return result;
  const w = walkingExtras(prep, result.kindergartens.active, result.cells.covered, children);
  return w ? { ...result, walking: w } : result;
}

/** step(fraction, stage): throws AnalysisAbortError when the signal is set, else reports progress. */
export function stepper(opts: RunOptions): (fraction: number, stage: Message) => void {
  return (fraction, stage) => {
    if (opts.signal?.aborted) throw new AnalysisAbortError();
    opts.onProgress?.(fraction, stage);
  };
}

/**
 * Run the whole analysis synchronously.
 * @param input layers as schema rows (not modified)
 * @param params see defaultAnalysisParams(); radius in metres, asOfDate ISO
 * @param opts onProgress(fraction 0–1, stage as a Message); signal.aborted checked
 *   between stages and chunks of 131,072 cells → throws AnalysisAbortError (name 'AbortError')
 */
export function runAnalysis(input: AnalysisInput, params: AnalysisParams, opts: RunOptions = {}): AnalysisResult {
  const gen = analysisSteps(input, params, opts);
  for (;;) {
    const r = gen.next();
    if (r.done) return r.value;
  }
}

/**
 * Same as runAnalysis, but yields to the event loop between chunks (so a worker
 * can receive {type:'cancel'} and set signal.aborted while it runs).
 */
export function runAnalysisAsync(input: AnalysisInput, params: AnalysisParams, opts: RunOptions = {}): Promise<AnalysisResult> {
  return driveAsync(analysisSteps(input, params, opts));
}
