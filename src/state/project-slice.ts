/**
 * Project slice: the whole project (layers + settings) saved in the browser after
 * every change, restored on reload, exported/imported as one file.
 */
import { m, render } from '../i18n';
import { messageOfError } from '../i18n/message-error';
import type { Message } from '../i18n';
import type { StateCreator } from 'zustand/vanilla';
import type { AnalysisParams } from '../analysis/types';
import { parseProject, type Project } from '../data/project/project-file';
import { clearProject, describeSaveError, listRescued, loadProject, loadRecord, rescuedFileText, rescueRecord, saveProject } from '../data/project/project-store';
import { checkSettings } from '../data/project/settings-check';
import { todayIso } from './analysis-slice';
import { checkPersistedPlan } from './plan-slice';
import type { DatasetMeta } from './data-slice';
import type { AppState } from './store';
import type { PersistedPlan } from './plan-slice';
import type { PersistedLedger } from './ledger-slice';
import { checkPersistedPresent, type PersistedPresent } from './present-slice';
import { checkLedgerEvents } from '../data/project/ledger-check';
import type { MapLayerKey } from './ui-slice';

/** What a project keeps besides the layers. */
export interface ProjectSettings {
  params?: AnalysisParams;
  visible?: Record<MapLayerKey, boolean>;
  meta?: DatasetMeta | null;
  district?: AppState['district'];
  /** the five-year plan: scenarios, settings, year */
  plan?: PersistedPlan;
  /** the 配套园 ledger's history */
  ledger?: PersistedLedger;
  /** the 汇报 story: screens with saved map views */
  present?: PersistedPresent;
}

/** A project (file or saved state) that failed validation; nothing was changed. */
export class ProjectRefused extends Error {}

export interface ProjectSlice {
  /** IndexedDB factory (window.indexedDB in the app, fake-indexeddb in tests); null = no persistence */
  idb: IDBFactory | null;
  /** 'pending': a change waits for the autosave; 'error': the last write failed (saveError says why; the previous copy is kept) */
  saveState: 'idle' | 'pending' | 'saving' | 'saved' | 'error';
  saveError: string | null;
  savedAt: string | null;
  /** dataVersion of the data in the last completed save (a save started before an edit does not count for it) */
  savedDataVersion: number | null;
  projectMessage: Message | null;
  /** a saved project that failed at start-up, offered for download (kept in memory when it could be read) */
  rescuedProject: Project | null;
  /** IndexedDB keys of saved copies that failed to load, kept until the user discards them */
  rescuedKeys: string[];
  /** another tab edits this project: nothing is saved from here (the reason is shown) */
  readOnly: Message | null;
  /** take over editing from another tab (set by the tab lock in the app) */
  takeOver: (() => Promise<void>) | null;
  setIdb(f: IDBFactory | null): void;
  /** writes the project off the page's thread (the app's save worker); null = write here through `idb` */
  saver: ((p: Project) => Promise<void>) | null;
  setSaver(f: ((p: Project) => Promise<void>) | null): void;
  setReadOnly(reason: Message | null): void;
  /** A change waits for the autosave (title bar: 保存中; closing the tab warns). */
  markSavePending(): void;
  /** Current project as a value. */
  toProject(): Project;
  saveNow(): Promise<void>;
  /** Restore the project saved in the browser; false when there is none. */
  restoreSaved(): Promise<boolean>;
  /** Load a project file's text; on error nothing changes and the message says why. */
  openProjectText(text: string, fileName: string): Promise<boolean>;
  applyProject(p: Project): Promise<void>;
  forgetSaved(): Promise<void>;
  setProjectMessage(m: Message | null): void;
  /** Look for rescued copies (start-up). */
  refreshRescued(): Promise<void>;
  /** A rescued copy as project file text (what could be read) for download. */
  rescuedText(key: string): Promise<{ text: string; problems: string[]; name: string } | null>;
  discardRescued(key: string): Promise<void>;
}

export const createProjectSlice: StateCreator<AppState, [], [], ProjectSlice> = (set, get) => ({
  idb: null,
  saveState: 'idle',
  saveError: null,
  savedAt: null,
  savedDataVersion: null,
  projectMessage: null,
  rescuedProject: null,
  rescuedKeys: [],
  readOnly: null,
  takeOver: null,
  setIdb: (idb) => set({ idb }),
  saver: null,
  setSaver: (saver) => set({ saver }),
  setReadOnly: (readOnly) => set({ readOnly }),
  markSavePending: () => {
    if (get().idb && !get().readOnly && get().saveState !== 'saving') set({ saveState: 'pending' });
  },
  setProjectMessage: (projectMessage) => set({ projectMessage }),
  toProject() {
    const s = get();
    const settings: ProjectSettings = { params: s.params, visible: s.visible, meta: s.meta, district: s.district, plan: s.toPersistedPlan(), ledger: s.toPersistedLedger(), present: s.toPersistedPresent() };
    return { layers: s.layers, settings, name: s.meta?.name, savedAt: new Date().toISOString() };
  },
  async saveNow() {
    const idb = get().idb;
    if (!idb || get().readOnly) return;
    set({ saveState: 'saving' });
    try {
      const version = get().dataVersion;
      const p = get().toProject();
      const saver = get().saver;
      await (saver ? saver(p) : saveProject(idb, p));
      set({ saveState: 'saved', saveError: null, savedAt: p.savedAt ?? null, savedDataVersion: version });
    } catch (e) {
      const why = describeSaveError(e);
      const at = get().savedAt;
      set({ saveState: 'error', saveError: render(get().lang, why), projectMessage: at ? m('state.project.saveFailedSince', { why, at: new Date(at).toLocaleString(get().lang === 'zh' ? 'zh-CN' : 'en-GB') }) : m('state.project.saveFailed', { why }) });
    }
  },
  async refreshRescued() {
    const idb = get().idb;
    if (!idb) return;
    try {
      set({ rescuedKeys: await listRescued(idb) });
    } catch {
      /* no database: nothing rescued */
    }
  },
  async rescuedText(key) {
    const idb = get().idb;
    if (!idb) return null;
    const rec = await loadRecord(idb, key);
    if (!rec) return null;
    const r = await rescuedFileText(rec);
    return { ...r, problems: r.problems.map((x) => render(get().lang, x)), name: rec.name ?? '学位规划项目' };
  },
  async discardRescued(key) {
    const idb = get().idb;
    if (idb) await clearProject(idb, key);
    set((s) => ({ rescuedKeys: s.rescuedKeys.filter((k) => k !== key), rescuedProject: null }));
  },
  async restoreSaved() {
    const idb = get().idb;
    if (!idb) return false;
    /** Set the stored copy aside before the sample (and its autosave) replaces it. */
    const rescue = async (why: Message, p: Project | null) => {
      let kept = false;
      try {
        kept = (await rescueRecord(idb)) !== null;
      } catch {
        /* the copy stays where it is; the message says so */
      }
      await get().refreshRescued();
      set({ rescuedProject: p, projectMessage: m(kept ? 'state.project.rescuedKept' : 'state.project.rescuedNotKept', { why }) });
    };
    try {
      const p = await loadProject(idb);
      if (!p) return false;
      if ('error' in p) {
        await rescue(p.error, null);
        return false;
      }
      try {
        await get().applyProject(p);
      } catch (e) {
        // keep the bad copy downloadable; the app starts with the sample
        await rescue(messageOfError(e), p);
        return false;
      }
      set({ projectMessage: m('state.project.restored'), savedAt: p.savedAt ?? null, saveState: 'saved' });
      return true;
    } catch (e) {
      await rescue(m('state.project.unreadable', { error: messageOfError(e) }), null);
      return false;
    }
  },
  async openProjectText(text, fileName) {
    const res = parseProject(text, fileName);
    if ('error' in res) {
      set({ projectMessage: res.error });
      return false;
    }
    try {
      await get().applyProject(res.project);
    } catch (e) {
      if (!(e instanceof ProjectRefused)) throw e;
      set({ projectMessage: m('state.project.fileRefused', { file: fileName, error: messageOfError(e) }) });
      return false;
    }
    set({ projectMessage: m('state.project.opened', { file: fileName }) });
    return true;
  },
  async applyProject(p) {
    // validate everything before changing anything: a bad file keeps the current project
    const checked = checkSettings(p.settings, todayIso());
    if ('error' in checked) throw new ProjectRefused(render(get().lang, checked.error));
    const planCheck = checkPersistedPlan(checked.settings.plan);
    if (planCheck) throw new ProjectRefused(planCheck);
    const presentCheck = checkPersistedPresent(checked.settings.present);
    if (presentCheck && 'error' in presentCheck) throw new ProjectRefused(presentCheck.error);
    const st = checked.settings as ProjectSettings;
    const ledgerCheck = checkLedgerEvents(st.ledger?.events, p.layers.communities);
    if ('error' in ledgerCheck) throw new ProjectRefused(render(get().lang, ledgerCheck.error));
    // the old history goes before the new rows arrive (nothing to reconcile)
    set((s) => ({ ledgerEvents: [], ledgerVersion: s.ledgerVersion + 1 }));
    // "today" is today, not the day the project was saved
    if (st.params) set({ params: { ...st.params, asOfDate: todayIso() } });
    if (st.visible) set((s) => ({ visible: { ...s.visible, ...st.visible } }));
    await get().setDataset({ layers: p.layers, district: st.district ?? get().district, meta: st.meta ?? get().meta });
    // after the dataset: the base scenario has just followed the plan_projects layer
    get().applyPersistedPlan(st.plan);
    get().applyPersistedLedger(st.ledger, p.layers.communities);
    get().applyPersistedPresent(st.present);
  },
  async forgetSaved() {
    const idb = get().idb;
    if (idb) await clearProject(idb);
    set({ savedAt: null, saveState: 'idle' });
  },
});
