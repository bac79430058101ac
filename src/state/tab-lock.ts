/**
 * One editing tab per browser profile: the first tab holds a Web Lock on the project;
 * a second tab opens read-only (nothing it changes is saved) and can take over. Taking
 * over asks the holder to save first (BroadcastChannel), steals the lock and reloads the
 * saved project; the former holder becomes read-only. Without Web Locks every tab edits
 * (the old behaviour: last writer wins).
 */
import { m } from '../i18n';
import type { AppStore } from './store';

const LOCK = 'xwgh-project';
const CHANNEL = 'xwgh-project';

interface LockManagerLike {
  request(name: string, options: { ifAvailable?: boolean; steal?: boolean }, cb: (lock: unknown) => Promise<void> | void): Promise<unknown>;
}

export interface TabLock {
  /** Resolves once this tab knows whether it edits (true) or is read-only (false). */
  ready: Promise<boolean>;
  /** Take over editing from the other tab (it saves first); then the saved project is loaded here. */
  takeOver(): Promise<void>;
}

export function startTabLock(store: AppStore, locks: LockManagerLike | null = (globalThis.navigator as unknown as { locks?: LockManagerLike })?.locks ?? null): TabLock | null {
  if (!locks) return null;
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
  let holding = false;
  const readOnlyText = m('state.tab.readOnly');
  const hold = (steal: boolean): Promise<boolean> =>
    new Promise((resolve) => {
      locks
        .request(LOCK, steal ? { steal: true } : { ifAvailable: true }, (lock) => {
          if (!lock) {
            resolve(false);
            return;
          }
          holding = true;
          resolve(true);
          // held until the tab closes or another tab steals it
          return new Promise<void>(() => {});
        })
        .catch(() => {
          // stolen by a tab that took over
          holding = false;
          store.getState().setReadOnly(m('state.tab.takenOver'));
        });
    });
  channel?.addEventListener('message', (ev: MessageEvent<{ type: string }>) => {
    if (ev.data?.type !== 'please-save' || !holding) return;
    void store
      .getState()
      .saveNow()
      .finally(() => channel.postMessage({ type: 'saved' }));
  });
  const ready = hold(false).then((ok) => {
    if (!ok) store.getState().setReadOnly(readOnlyText);
    return ok;
  });
  return {
    ready,
    async takeOver() {
      // the editing tab saves first (at most 5 s), then the lock moves here
      if (channel) {
        await new Promise<void>((resolve) => {
          const t = setTimeout(done, 5000);
          function done() {
            clearTimeout(t);
            channel!.removeEventListener('message', onMsg);
            resolve();
          }
          function onMsg(ev: MessageEvent<{ type: string }>) {
            if (ev.data?.type === 'saved') done();
          }
          channel.addEventListener('message', onMsg);
          channel.postMessage({ type: 'please-save' });
        });
      }
      await hold(true);
      // what the other tab saved is now the project here (loaded before this tab may write)
      const restored = await store.getState().restoreSaved();
      store.getState().setReadOnly(null);
      store.getState().setProjectMessage(m(restored ? 'state.tab.tookOverRestored' : 'state.tab.tookOver'));
    },
  };
}
