/** Cancellation of a running analysis. */
import { m, render } from '../i18n';

/** Thrown when `signal.aborted` is seen between stages or chunks; `name` is 'AbortError' like DOMException's. */
export class AnalysisAbortError extends Error {
  constructor() {
    super(render('zh', m('engine.err.aborted')));
    this.name = 'AbortError';
  }
}

/** True for an AnalysisAbortError or any error named 'AbortError'. */
export function isAbortError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'AbortError';
}
