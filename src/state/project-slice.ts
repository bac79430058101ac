/**
 * Project slice: the whole project (layers + settings) saved in the browser after
 * every change, restored on reload, exported/imported as one file.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { AnalysisParams } from '../analysis/types';
import { parseProject, type Project } from '../data/project/project-file';
import { clearProject, loadProject, saveProject } from '../data/project/project-store';
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
  saveState: 'idle' | 'saving' | 'saved' | 'error';
  savedAt: string | null;
  /** dataVersion of the data in the last completed save (a save started before an edit does not count for it) */
  savedDataVersion: number | null;
  projectMessage: string | null;
  /** a saved project that failed at start-up, offered for download */
  rescuedProject: Project | null;
  setIdb(f: IDBFactory | null): void;
  /** writes the project off the page's thread (the app's save worker); null = write here through `idb` */
  saver: ((p: Project) => Promise<void>) | null;
  setSaver(f: ((p: Project) => Promise<void>) | null): void;
  /** Current project as a value. */
  toProject(): Project;
  saveNow(): Promise<void>;
  /** Restore the project saved in the browser; false when there is none. */
  restoreSaved(): Promise<boolean>;
  /** Load a project file's text; on error nothing changes and the message says why. */
  openProjectText(text: string, fileName: string): Promise<boolean>;
  applyProject(p: Project): Promise<void>;
  forgetSaved(): Promise<void>;
  setProjectMessage(m: string | null): void;
}

export const createProjectSlice: StateCreator<AppState, [], [], ProjectSlice> = (set, get) => ({
  idb: null,
  saveState: 'idle',
  savedAt: null,
  savedDataVersion: null,
  projectMessage: null,
  rescuedProject: null,
  setIdb: (idb) => set({ idb }),
  saver: null,
  setSaver: (saver) => set({ saver }),
  setProjectMessage: (projectMessage) => set({ projectMessage }),
  toProject() {
    const s = get();
    const settings: ProjectSettings = { params: s.params, visible: s.visible, meta: s.meta, district: s.district, plan: s.toPersistedPlan(), ledger: s.toPersistedLedger(), present: s.toPersistedPresent() };
    return { layers: s.layers, settings, name: s.meta?.name, savedAt: new Date().toISOString() };
  },
  async saveNow() {
    const idb = get().idb;
    if (!idb) return;
    set({ saveState: 'saving' });
    try {
      const version = get().dataVersion;
      const p = get().toProject();
      const saver = get().saver;
      await (saver ? saver(p) : saveProject(idb, p));
      set({ saveState: 'saved', savedAt: p.savedAt ?? null, savedDataVersion: version });
    } catch (e) {
      set({ saveState: 'error', projectMessage: `保存失败：${(e as Error).message}` });
    }
  },
  async restoreSaved() {
    const idb = get().idb;
    if (!idb) return false;
    try {
      const p = await loadProject(idb);
      if (!p) return false;
      if ('error' in p) {
        set({ projectMessage: `${p.error}；已载入示例数据` });
        return false;
      }
      try {
        await get().applyProject(p);
      } catch (e) {
        // keep the bad copy downloadable; the app starts with the sample
        set({ projectMessage: `浏览器中保存的项目无效（${(e as Error).message}），已载入示例数据`, rescuedProject: p });
        return false;
      }
      set({ projectMessage: '已恢复上次保存的项目', savedAt: p.savedAt ?? null });
      return true;
    } catch (e) {
      set({ projectMessage: `无法读取浏览器中保存的项目：${(e as Error).message}` });
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
      set({ projectMessage: `项目文件“${fileName}”无效：${e.message}；当前项目未改变` });
      return false;
    }
    set({ projectMessage: `已打开项目文件“${fileName}”` });
    return true;
  },
  async applyProject(p) {
    // validate everything before changing anything: a bad file keeps the current project
    const checked = checkSettings(p.settings, todayIso());
    if ('error' in checked) throw new ProjectRefused(checked.error);
    const planCheck = checkPersistedPlan(checked.settings.plan);
    if (planCheck) throw new ProjectRefused(planCheck);
    const presentCheck = checkPersistedPresent(checked.settings.present);
    if (presentCheck && 'error' in presentCheck) throw new ProjectRefused(presentCheck.error);
    const st = checked.settings as ProjectSettings;
    const ledgerCheck = checkLedgerEvents(st.ledger?.events, p.layers.communities);
    if ('error' in ledgerCheck) throw new ProjectRefused(ledgerCheck.error);
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
