import { useShallow } from 'zustand/react/shallow';
import { selectCurrentResult, selectShownPlan } from '../state/selectors';
import { appStore, useApp } from '../state/store';
import { formatInt, formatPct } from './format';
import { describeBasis } from './messages';
import { LegendSwatches } from './LegendSwatches';
import { figureFooter } from './present/export/map-figure';
import { useT } from './use-t';

const RATE_LABELS = {
  gross_enrolment_rate: 'shell.print.grossEnrolment',
  inclusive_coverage: 'shell.print.inclusiveCoverage',
  public_share: 'shell.print.publicShare',
} as const;

/**
 * What 打印 adds around the map on paper (hidden on screen): the basis of the figures, a
 * legend, the headline figures (places, children, 三率, coverage) and the date and source.
 */
export function PrintSheet() {
  const lang = useApp((s) => s.lang);
  const tr = useT();
  const visible = useApp((s) => s.visible);
  const shown = useApp(useShallow(selectShownPlan));
  const result = useApp(selectCurrentResult);
  const footer = useApp((s) => (s.meta ? figureFooter(s) : ''));
  const y = shown.summary;
  const rate = (k: string) => y?.rates.find((r) => r.key === k);
  const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v.toFixed(1)}%`);
  return (
    <section className="print-sheet" data-testid="print-sheet">
      <p className="print-basis">{shown.plan ? describeBasis(lang, shown.plan, shown.year) : ''}</p>
      <div className="print-kpis">
        <span>{tr('places')} <b>{y ? formatInt(y.places) : '—'}</b></span>
        <span>{tr('children35')} <b>{y ? formatInt(y.childrenBirths) : '—'}</b></span>
        {(['gross_enrolment_rate', 'inclusive_coverage', 'public_share'] as const).map((k) => (
          <span key={k}>
            {tr(RATE_LABELS[k])} <b>{pct(rate(k)?.valuePct)}</b>
            {rate(k) ? ` ≥ ${rate(k)!.thresholdPct}% ${rate(k)!.pass ? '✓' : '✗'}` : ''}
          </span>
        ))}
        <span>
          {tr('shell.print.coverage', { radius: result?.params.radiusM ?? '' })} <b>{result ? formatPct(result.district.coveredChildrenShare) : '—'}</b>
        </span>
      </div>
      <LegendSwatches visible={visible} lang={lang} className="print-legend" />
      <p className="print-footer">{footer}</p>
    </section>
  );
}

/** 打印: the whole district on the map, drawn, then the browser's print dialog (A4 landscape). */
export async function printDistrict(): Promise<void> {
  const { waitForMapRendered } = await import('../map/map-capture');
  appStore.getState().requestMapView(null, null);
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  await waitForMapRendered(10_000).catch(() => {});
  window.print();
}
