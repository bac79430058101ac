import { useEffect, useMemo, useState } from 'react';
import { shownScreens } from '../../state/present-slice';
import { appStore, useApp } from '../../state/store';
import { screenContentOf } from './content-input';
import { PresentEditor } from './PresentEditor';
import { ScreenChart } from './ScreenChart';
import { LegendSwatches } from '../LegendSwatches';
import { useT } from '../use-t';
import { screenTitle } from '../messages';

type Busy = { what: string; done: number; total: number } | null;

/** 汇报模式: one screen at a time over the full-screen map, large type, cards and a chart; ← → Esc. */
export default function PresentPlayer() {
  const lang = useApp((s) => s.lang);
  const tr = useT();
  const screens = useApp((s) => s.screens);
  const visible = useApp((s) => s.visible);
  const index = useApp((s) => s.presentIndex);
  const editor = useApp((s) => s.presentEditorOpen);
  const shown = useMemo(() => shownScreens({ screens }), [screens]);
  // hiding screens in the editor can leave the index past the end: show the last one
  const screen = shown[Math.min(index, shown.length - 1)];
  // the figures follow the store: re-read the content whenever results or the year change
  const result = useApp((s) => s.result);
  const presentPlan = useApp((s) => s.presentPlan);
  const plans = useApp((s) => s.planResults);
  const year = useApp((s) => s.planYear);
  const content = useMemo(() => (screen ? screenContentOf(appStore.getState(), screen) : null), [screen, result, presentPlan, plans, year, lang]);
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const st = appStore.getState();
      if (busy) return;
      // Esc always works: it closes the editor first, then the player
      if (st.presentEditorOpen) {
        if (e.key !== 'Escape') return;
        // this Esc closes the editor only (the player stays)
        st.setPresentEditorOpen(false);
        e.preventDefault();
        e.stopImmediatePropagation();
        return;
      }
      if (e.key === 'ArrowRight' || e.key === 'PageDown' || e.key === ' ') st.stepPresent(1);
      else if (e.key === 'ArrowLeft' || e.key === 'PageUp') st.stepPresent(-1);
      else if (e.key === 'Escape') st.closePresent();
      else return;
      e.preventDefault();
    };
    // capture: before the editor's own Esc handler (a child's effect registers first)
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [busy]);
  const run = async (what: string, f: (m: typeof import('./export/export-story')) => Promise<unknown>) => {
    setError(null);
    setBusy({ what, done: 0, total: shown.length });
    try {
      const m = await import('./export/export-story');
      await f(m);
    } catch (e) {
      setError(tr('present.ui.failed', { what, error: (e as Error).message }));
    } finally {
      setBusy(null);
    }
  };
  const progress = (what: string) => ({ onProgress: (done: number, total: number) => setBusy({ what, done, total }) });
  if (!screen) {
    // every screen hidden (or none left): the way back to the editor and out stays on screen
    return (
      <div className="present" data-testid="present">
        <header className="present-head">
          <h1 data-testid="present-title">{tr('present.ui.none')}</h1>
        </header>
        <aside className="present-side">
          <p className="hint" data-testid="present-empty">{tr('present.ui.allHidden')}</p>
        </aside>
        <footer className="present-bar">
          <button type="button" onClick={() => appStore.getState().setPresentEditorOpen(true)} data-testid="present-edit">{tr('present.ui.edit')}</button>
          <button type="button" onClick={() => appStore.getState().closePresent()} data-testid="present-close">{tr('present.ui.exit')}</button>
        </footer>
        {editor ? <PresentEditor /> : null}
      </div>
    );
  }
  return (
    <div className="present" data-testid="present">
      <header className="present-head">
        <h1 data-testid="present-title">{screenTitle(lang, screen)}</h1>
        {content?.basis ? <span className="present-basis" data-testid="present-basis">{content.basis}</span> : null}
        <span className="present-page" data-testid="present-page">{Math.min(index, shown.length - 1) + 1} / {shown.length}</span>
      </header>
      <LegendSwatches visible={visible} lang={lang} className="present-legend" testId="present-legend" />
      <aside className="present-side">
        <div className="present-cards">
          {(content?.cards ?? []).map((c) => (
            <div key={c.key} className={`present-card ${c.tone}`} data-testid={`present-card-${c.key}`}>
              <span className="label">{c.label}</span>
              <b className="value">{c.value}</b>
              {c.sub ? <span className="sub">{c.sub}</span> : null}
            </div>
          ))}
          {!content ? <p className="hint">{tr('present.ui.computing')}</p> : null}
        </div>
        {content ? (
          <>
            <h2 className="present-chart-title">{content.chartTitle}</h2>
            <ScreenChart option={content.chart} />
            <p className="present-summary">{content.summary}</p>
          </>
        ) : null}
      </aside>
      <footer className="present-bar">
        <button type="button" onClick={() => appStore.getState().stepPresent(-1)} disabled={index === 0 || !!busy} aria-label={tr('present.ui.prev')}>◀</button>
        <button type="button" onClick={() => appStore.getState().stepPresent(1)} disabled={index >= shown.length - 1 || !!busy} aria-label={tr('present.ui.next')}>▶</button>
        <button type="button" onClick={() => appStore.getState().setPresentEditorOpen(true)} disabled={!!busy} data-testid="present-edit">{tr('present.ui.edit')}</button>
        <button type="button" disabled={!!busy} data-testid="present-pptx" onClick={() => void run(tr('present.ui.what.pptx'), (m) => m.exportPptx(appStore, progress(tr('present.ui.what.pptx'))))}>{tr('present.ui.pptx')}</button>
        <button type="button" disabled={!!busy} data-testid="present-pdf" onClick={() => void run(tr('present.ui.what.pdf'), (m) => m.exportPdf(appStore, progress(tr('present.ui.what.pdf'))))}>{tr('present.ui.pdf')}</button>
        <button type="button" disabled={!!busy} data-testid="present-png" onClick={() => void run(tr('present.ui.what.png'), (m) => m.exportScreenPng(appStore))}>{tr('present.ui.png')}</button>
        <button type="button" onClick={() => appStore.getState().closePresent()} disabled={!!busy} data-testid="present-close">{tr('present.ui.exit')}</button>
        {busy ? <span className="present-busy" data-testid="present-busy">{busy.what}… {busy.done}/{busy.total}</span> : null}
        {error ? <span className="error" role="alert">{error}</span> : null}
      </footer>
      {editor ? <PresentEditor /> : null}
    </div>
  );
}
