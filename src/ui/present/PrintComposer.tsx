import { useEffect, useState } from 'react';
import { selectCurrentScenario } from '../../state/selectors';
import { appStore, useApp } from '../../state/store';
import { msg } from '../../i18n';
import { districtName } from '../plan/warning/warning-of-state';
import { screenSubtitle } from './export/render-story';
import type { Orientation, Paper, PrintOptions } from './export/print-layout';

type Flag = 'legend' | 'scaleBar' | 'northArrow' | 'cards' | 'chart' | 'source';
const FLAGS: Flag[] = ['legend', 'scaleBar', 'northArrow', 'cards', 'chart', 'source'];

/** 打印排版: title, map with legend / scale / north arrow, KPI cards, chart and source on A4 / A3, portrait or landscape, as a PDF. */
export function PrintComposer({ onClose }: { onClose: () => void }) {
  const lang = useApp((s) => s.lang);
  const planOpen = useApp((s) => s.planOpen);
  const year = useApp((s) => s.planYear);
  const scenario = useApp(selectCurrentScenario);
  const meta = useApp((s) => s.meta);
  const [o, setO] = useState<PrintOptions>(() => ({
    paper: 'A4',
    orientation: 'landscape',
    title: planOpen
      ? msg(lang, 'print.defaultTitlePlan', { district: districtName(meta?.name, lang), year, scenario: scenario?.name ?? '' })
      : msg(lang, 'print.defaultTitle', { district: districtName(meta?.name, lang) }),
    subtitle: screenSubtitle(appStore),
    legend: true,
    scaleBar: true,
    northArrow: true,
    cards: true,
    chart: true,
    source: true,
  }));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const make = async () => {
    setBusy(true);
    setError(null);
    try {
      const m = await import('./export/to-print-pdf');
      const r = await m.printToPdf(appStore, o);
      (window as unknown as { __xwghLastExportMs?: number }).__xwghLastExportMs = r.ms;
    } catch (e) {
      setError(`${msg(lang, 'print.failed')}：${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };
  const portrait = o.orientation === 'portrait';
  return (
    <div className="modal-back" role="dialog" aria-modal="true" data-testid="print-composer">
      <div className="modal print-composer">
        <header>
          <h3>{msg(lang, 'print.title')}</h3>
          <button type="button" onClick={onClose}>
            {msg(lang, 'close')}
          </button>
        </header>
        <div className="print-grid">
          <div className="field-grid">
            <label>
              {msg(lang, 'print.docTitle')}
              <input value={o.title} onChange={(e) => setO({ ...o, title: e.target.value })} data-testid="print-title" />
            </label>
            <label>
              {msg(lang, 'print.subtitle')}
              <input value={o.subtitle} onChange={(e) => setO({ ...o, subtitle: e.target.value })} />
            </label>
            <label>
              {msg(lang, 'print.paper')}
              <select value={o.paper} onChange={(e) => setO({ ...o, paper: e.target.value as Paper })} data-testid="print-paper">
                <option value="A4">A4</option>
                <option value="A3">A3</option>
              </select>
            </label>
            <label>
              {msg(lang, 'print.orientation')}
              <select value={o.orientation} onChange={(e) => setO({ ...o, orientation: e.target.value as Orientation })} data-testid="print-orientation">
                <option value="landscape">{msg(lang, 'print.landscape')}</option>
                <option value="portrait">{msg(lang, 'print.portrait')}</option>
              </select>
            </label>
          </div>
          <div className={`print-preview ${portrait ? 'portrait' : 'landscape'}`} aria-hidden="true">
            <div className="pv-title">{o.title}</div>
            <div className="pv-body">
              <div className="pv-map">
                {msg(lang, 'print.map')}
                {o.legend ? <span className="pv-legend" /> : null}
                {o.northArrow ? <span className="pv-north">N</span> : null}
                {o.scaleBar ? <span className="pv-scale" /> : null}
              </div>
              {o.cards || o.chart ? (
                <div className="pv-side">
                  {o.cards ? <div className="pv-cards" /> : null}
                  {o.chart ? <div className="pv-chart" /> : null}
                </div>
              ) : null}
            </div>
            {o.source ? <div className="pv-source" /> : null}
          </div>
        </div>
        <div className="print-flags">
          {FLAGS.map((f) => (
            <label key={f}>
              <input type="checkbox" checked={o[f]} onChange={(e) => setO({ ...o, [f]: e.target.checked })} data-testid={`print-${f}`} /> {msg(lang, `print.flag.${f}`)}
            </label>
          ))}
        </div>
        <p className="hint">{msg(lang, 'print.hint')}</p>
        {error ? <p className="bad">{error}</p> : null}
        <footer>
          <button type="button" className="primary" disabled={busy} onClick={() => void make()} data-testid="print-make">
            {busy ? msg(lang, 'print.busy') : msg(lang, 'print.make')}
          </button>
        </footer>
      </div>
    </div>
  );
}
