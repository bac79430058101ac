import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createWorkerRunners } from './state/analysis-runner';
import { startAutosave, startDayRollover } from './state/autosave';
import { startTabLock } from './state/tab-lock';
import { createSitingWorkerRunner } from './state/siting-runner';
import { todayIso } from './state/analysis-slice';
import { createWorkerExportRunner } from './state/export-runner';
import { createWorkerSaver } from './state/project-saver';
import { startApp, timings } from './state/load-sample';
import { waitForMapRendered } from './map/map-capture';
import { appStore } from './state/store';
import { App } from './ui/App';
import './ui/styles.css';

// Exposed for the browser tests and for planners' power users (console); holds no secrets.
// __xwghMapRendered: resolves when the basemap is idle and deck.gl has drawn the latest layers.
Object.assign(window, { __xwghStore: appStore, __xwghTimings: timings, __xwghMapRendered: waitForMapRendered });

const runners = createWorkerRunners();
appStore.getState().setPlanRunner(runners.plan);
appStore.getState().setSitingRunner(createSitingWorkerRunner());
if (typeof Worker !== 'undefined') appStore.getState().setExportRunner(createWorkerExportRunner());
// re-analyse whenever the data change (the analysis slice re-runs on parameter changes itself)
appStore.subscribe((s, prev) => {
  // after the next frame: the map draws the new data first, then the worker gets it
  if (s.dataVersion !== prev.dataVersion) requestAnimationFrame(() => setTimeout(() => void appStore.getState().runAnalysis(), 0));
});
if (typeof indexedDB !== 'undefined') {
  appStore.getState().setIdb(indexedDB);
  if (typeof Worker !== 'undefined') appStore.getState().setSaver(createWorkerSaver());
}
startAutosave(appStore);
// one editing tab: a second one is read-only until it takes over
const tabLock = startTabLock(appStore);
if (tabLock) appStore.setState({ takeOver: tabLock.takeOver });
startDayRollover(appStore, todayIso);
void startApp(appStore);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
