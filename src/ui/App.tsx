import { SplitMap } from './plan/SplitMap';
import { lazy, Suspense, useCallback, useEffect } from 'react';
import { MapView } from '../map/MapView';
import { appStore, useApp } from '../state/store';
import { AnalysisControls } from './AnalysisControls';
import { BottomDrawer } from './BottomDrawer';
import { ErrorBoundary } from './ErrorBoundary';
import { DetailPanel } from './DetailPanel';
import { ExportStatus } from './ExportStatus';
import { IndicatorPanel } from './IndicatorPanel';
import { HoverTooltip } from './HoverTooltip';
import { ImportHost, useDroppedFiles } from './ImportHost';
import { LayerList } from './LayerList';
import { PlanCards } from './plan/PlanCards';
import { PrintSheet } from './PrintSheet';
import { SummaryPanel } from './SummaryPanel';
import { TitleBar } from './TitleBar';
import { ProjectBanners } from './SaveStatus';
import { msg, render } from '../i18n';
import { LOCALE } from './format';

/** How long a notice stays on screen (ms). */
const TOAST_MS = 12000;

// the player, its charts and (later) the exporters load on first use
const PresentPlayer = lazy(() => import('./present/PresentPlayer'));

export function App() {
  const lang = useApp((s) => s.lang);
  const loadState = useApp((s) => s.loadState);
  const loadError = useApp((s) => s.loadError);
  const meta = useApp((s) => s.meta);
  const planOpen = useApp((s) => s.planOpen);
  const message = useApp((s) => s.projectMessage);
  const setMessage = useApp((s) => s.setProjectMessage);
  const requestImport = useApp((s) => s.requestImport);
  const presenting = useApp((s) => s.presenting);
  const splitOn = useApp((s) => s.planOpen && s.compareSplit && s.compareScenarioId !== null && !s.presenting);
  const onFiles = useCallback((files: File[]) => requestImport({ files }), [requestImport]);
  const dragging = useDroppedFiles(onFiles);
  // the window title and the page's language follow the switch
  useEffect(() => {
    document.title = msg(lang, 'shell.docTitle');
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  // a notice closes by itself after a while (a rescued copy stays offered in its banner)
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => {
      if (appStore.getState().projectMessage === message) setMessage(null);
    }, TOAST_MS);
    return () => clearTimeout(timer);
  }, [message, setMessage]);
  return (
    <div className={presenting ? 'app presenting' : 'app'} data-load-state={loadState} lang={LOCALE[lang]}>
      <TitleBar onImportFiles={onFiles} />
      <ProjectBanners />
      <aside className="left">
        <ErrorBoundary name="shell.panel.layers">
          <LayerList />
          <AnalysisControls />
        </ErrorBoundary>
        {meta?.generated?.length ? <p className="notice" data-testid="data-notice">{msg(lang, 'dataNotice')}</p> : null}
      </aside>
      <main className="center">
        <ErrorBoundary name="shell.panel.map">
          <MapView />
          {splitOn ? <SplitMap /> : null}
          <HoverTooltip />
        </ErrorBoundary>
        <ErrorBoundary name="shell.panel.drawer">
          <BottomDrawer />
        </ErrorBoundary>
        {loadState === 'loading' ? <div className="status">{msg(lang, 'loading')}</div> : null}
        {loadState === 'error' ? (
          <div className="status error" role="alert">
            {msg(lang, 'loadFailed')}：{loadError}
          </div>
        ) : null}
      </main>
      <aside className="right">
        <ErrorBoundary name="shell.panel.indicators">
          {planOpen ? <PlanCards /> : null}
          <DetailPanel />
          <SummaryPanel />
          <IndicatorPanel />
        </ErrorBoundary>
      </aside>
      <ImportHost />
      {presenting ? (
        <ErrorBoundary name="shell.panel.present">
          <Suspense fallback={<div className="status">{msg(lang, 'shell.presentLoading')}</div>}>
            <PresentPlayer />
          </Suspense>
        </ErrorBoundary>
      ) : null}
      {dragging ? <div className="drop-hint">{msg(lang, 'shell.dropHint')}</div> : null}
      <ExportStatus />
      <PrintSheet />
      {message ? (
        <div className="toast" role="status" data-testid="toast">
          {render(lang, message)}
          <button type="button" className="link" onClick={() => setMessage(null)}>
            ×
          </button>
        </div>
      ) : null}
    </div>
  );
}
