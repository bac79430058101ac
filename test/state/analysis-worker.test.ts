/** The worker wrapper, driven through a fake `self` (no real Worker in Node). */
import { render } from '../../src/i18n';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultAnalysisParams } from '../../src/analysis/params';
import { POPULATION_FIELDS_USED, runAnalysis } from '../../src/analysis/run-analysis';
import { packRows, pickColumns } from '../../src/data/import/packed-rows';
import type { AnalysisRequest, AnalysisResponse } from '../../src/state/worker-protocol';
import { randomCity } from '../analysis/helpers';

interface FakeScope {
  onmessage: ((ev: { data: AnalysisRequest }) => void) | null;
  postMessage: (msg: AnalysisResponse, transfer?: unknown[]) => void;
}

describe('analysis-worker', () => {
  const posted: { msg: AnalysisResponse; transfer?: unknown[] }[] = [];
  const g = globalThis as unknown as { self?: FakeScope };
  const had = 'self' in g;
  const prev = g.self;
  let scope: FakeScope;
  beforeAll(async () => {
    scope = { onmessage: null, postMessage: (msg, transfer) => posted.push({ msg, transfer }) };
    g.self = scope;
    await import('../../src/state/analysis-worker');
  });
  afterAll(() => {
    if (had) g.self = prev;
    else delete g.self;
  });

  const waitFor = async (id: number) => {
    for (let k = 0; k < 500; k++) {
      const m = posted.find((p) => p.msg.id === id && p.msg.type !== 'progress');
      if (m) return m;
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error('no answer');
  };

  it('posts progress, then the result with its typed arrays transferred', async () => {
    scope.onmessage!({ data: { id: 1, input: randomCity(2, 20, 300), params: defaultAnalysisParams('2026-06-30') } });
    const done = await waitFor(1);
    expect(done.msg.type).toBe('result');
    if (done.msg.type === 'result') expect(done.msg.result.cells.covered).toHaveLength(300);
    expect(done.transfer!.length).toBeGreaterThan(5);
    const progress = posted.filter((p) => p.msg.id === 1 && p.msg.type === 'progress');
    expect(progress.length).toBeGreaterThan(3);
  });

  it('cancels a run on {type: cancel}', async () => {
    scope.onmessage!({ data: { type: 'run', id: 2, input: randomCity(2, 20, 300), params: defaultAnalysisParams('2026-06-30') } });
    scope.onmessage!({ data: { type: 'cancel', id: 2 } });
    const done = await waitFor(2);
    expect(done.msg).toMatchObject({ type: 'error', id: 2, aborted: true, message: { key: 'engine.err.aborted' } });
  });

  it('reports bad parameters as an error in Chinese', async () => {
    scope.onmessage!({ data: { id: 3, input: randomCity(2, 5, 5), params: { ...defaultAnalysisParams(), radiusM: 0 } } });
    const done = await waitFor(3);
    expect(done.msg.type).toBe('error');
    if (done.msg.type === 'error') expect(render('zh', done.msg.message)).toContain('服务半径');
  });

  it('takes the population as packed columns (only those the engine reads) and gives the same result as row objects', async () => {
    const input = randomCity(3, 30, 400);
    const params = defaultAnalysisParams('2026-06-30');
    scope.onmessage!({ data: { id: 4, input: { ...input, population: [] }, params, packed: { population: pickColumns(packRows('population', input.population), [...POPULATION_FIELDS_USED]) } } });
    const done = await waitFor(4);
    expect(done.msg.type).toBe('result');
    const { timings: _t, ...want } = runAnalysis(input, params);
    if (done.msg.type === 'result') expect({ ...done.msg.result, timings: undefined }).toEqual({ ...want, timings: undefined });
  });
});
