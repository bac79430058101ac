import type { AppStore } from './store';

/**
 * Save the project in the browser shortly after every change of data or settings.
 * Between the change and the end of its save the state is 'pending' / 'saving' (the
 * title bar says 保存中, closing the tab warns); a change made while a save runs is
 * saved after it. Hiding the page (tab switch, close) saves at once.
 * Returns a stop function.
 */
export function startAutosave(store: AppStore, delayMs = 800, win: Pick<Window, 'addEventListener' | 'removeEventListener'> | null = typeof window === 'undefined' ? null : window): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let changes = 0;
  let running: Promise<void> | null = null;
  const flush = async (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (running) await running;
    const seq = changes;
    running = store.getState().saveNow();
    await running;
    running = null;
    // a change arrived during the write: it is still pending
    if (changes !== seq) schedule();
  };
  const schedule = () => {
    store.getState().markSavePending();
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void flush(), delayMs);
  };
  const unsub = store.subscribe((s, prev) => {
    if (s.loadState !== 'ready') return;
    if (s.dataVersion === prev.dataVersion && s.params === prev.params && s.visible === prev.visible && s.meta === prev.meta && s.planVersion === prev.planVersion && s.ledgerVersion === prev.ledgerVersion && s.presentVersion === prev.presentVersion) return;
    changes++;
    schedule();
  });
  const unsaved = () => timer !== null || running !== null || store.getState().saveState === 'pending' || store.getState().saveState === 'error';
  const onBeforeUnload = (e: BeforeUnloadEvent) => {
    if (!unsaved() || store.getState().readOnly) return;
    if (timer) void flush();
    e.preventDefault();
    // older browsers show the warning only when returnValue is set
    e.returnValue = '';
  };
  const onHide = () => {
    if (timer && (typeof document === 'undefined' || document.visibilityState === 'hidden')) void flush();
  };
  win?.addEventListener('beforeunload', onBeforeUnload as EventListener);
  const doc = typeof document === 'undefined' || !win ? null : document;
  doc?.addEventListener('visibilitychange', onHide);
  win?.addEventListener('pagehide', onHide);
  return () => {
    unsub();
    if (timer) clearTimeout(timer);
    win?.removeEventListener('beforeunload', onBeforeUnload as EventListener);
    doc?.removeEventListener('visibilitychange', onHide);
    win?.removeEventListener('pagehide', onHide);
  };
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
