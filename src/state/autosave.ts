/** Save the project in the browser shortly after every change of data or settings. */
import type { AppStore } from './store';

export function startAutosave(store: AppStore, delayMs = 800): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  return store.subscribe((s, prev) => {
    if (s.loadState !== 'ready') return;
    if (s.dataVersion === prev.dataVersion && s.params === prev.params && s.visible === prev.visible && s.meta === prev.meta && s.planVersion === prev.planVersion && s.ledgerVersion === prev.ledgerVersion && s.presentVersion === prev.presentVersion) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void store.getState().saveNow(), delayMs);
  });
}

/**
 * "Today" moves on while the app stays open: when China's date changes and the 统计日期
 * was today (not a date the user picked), it becomes the new today (overdue days grow).
 * Returns a stop function. `today` is the clock (tests pass their own).
 */
export function startDayRollover(store: AppStore, today: () => string, everyMs = 60_000): () => void {
  let last = today();
  const timer = setInterval(() => {
    const now = today();
    if (now === last) return;
    const st = store.getState();
    if (st.params.asOfDate === last) st.setParams({ asOfDate: now });
    last = now;
  }, everyMs);
  return () => clearInterval(timer);
}
