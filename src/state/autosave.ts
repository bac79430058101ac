/** Save the project in the browser shortly after every change of data or settings. */
import type { AppStore } from './store';

export function startAutosave(store: AppStore, delayMs = 800): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  return store.subscribe((s, prev) => {
    if (s.loadState !== 'ready') return;
    if (s.dataVersion === prev.dataVersion && s.params === prev.params && s.visible === prev.visible && s.meta === prev.meta && s.planVersion === prev.planVersion && s.ledgerVersion === prev.ledgerVersion) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void store.getState().saveNow(), delayMs);
  });
}
