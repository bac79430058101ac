import { selectCurrentScenario } from '../../state/selectors';
import { useApp } from '../../state/store';
import { formatInt } from '../format';
import { useT } from '../use-t';
import { scenarioText } from '../messages';

const pct = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? '—' : `${v.toFixed(1)}%`);

/** Two scenarios side by side, year by year: places, coverage, 三率, cost; and the projects that differ. */
export function CompareView() {
  const tr = useT();
  const lang = useApp((s) => s.lang);
  const scenarios = useApp((s) => s.scenarios);
  const a = useApp(selectCurrentScenario);
  const bId = useApp((s) => s.compareScenarioId);
  const setB = useApp((s) => s.setCompareScenario);
  const results = useApp((s) => s.planResults);
  const split = useApp((s) => s.compareSplit);
  const setSplit = useApp((s) => s.setCompareSplit);
  const b = scenarios.find((x) => x.id === bId);
  const ra = a ? results[a.id] : undefined;
  const rb = b ? results[b.id] : undefined;
  const key = (p: { id: string; kind: string; start_year: number; finish_year: number; places_after: number; lon: number; lat: number }) =>
    `${p.kind}|${p.start_year}|${p.finish_year}|${p.places_after}|${p.lon}|${p.lat}`;
  const onlyIn = (x = a, y = b) => (x && y ? x.projects.filter((p) => !y.projects.some((q) => q.id === p.id && key(q) === key(p))) : []);
  return (
    <div className="table-wrap" data-testid="compare-view">
      <div className="table-tools">
        <strong>{scenarioText(lang, a)}</strong> {tr('plan.ui.compare.vs')}
        <select value={bId ?? ''} onChange={(e) => setB(e.target.value || null)} data-testid="compare-select">
          <option value="">{tr('plan.ui.compare.choose')}</option>
          {scenarios
            .filter((x) => x.id !== a?.id)
            .map((x) => (
              <option key={x.id} value={x.id}>
                {scenarioText(lang, x)}
              </option>
            ))}
        </select>
        <button type="button" className={split ? 'primary active' : 'primary'} disabled={!b} onClick={() => setSplit(!split)} data-testid="compare-split">
          {tr(split ? 'compare.splitOff' : 'compare.split')}
        </button>
        {split && b ? <span className="hint">{tr('compare.splitHint')}</span> : null}
      </div>
      {ra && rb ? (
        <>
          <table className="ledger compact" data-testid="compare-table">
            <thead>
              <tr>
                <th>{tr('plan.ui.col.year')}</th>
                <th>{tr('places')} A / B</th>
                <th>{tr('plan.ui.street.gap')} A / B</th>
                <th>{tr('plan.ui.street.covered')} A / B</th>
                <th>{tr('plan.ui.compare.gross')} A / B</th>
                <th>{tr('plan.ui.compare.inclusive')} A / B</th>
                <th>{tr('plan.ui.compare.public')} A / B</th>
                <th>{tr('plan.ui.compare.spend')} A / B</th>
              </tr>
            </thead>
            <tbody>
              {ra.years.map((ya, k) => {
                const yb = rb.years[k];
                const r = (y: typeof ya, key: string) => y.rates.find((x) => x.key === key)?.valuePct ?? null;
                return (
                  <tr key={ya.year}>
                    <td>{ya.year}</td>
                    <td className="num">
                      {formatInt(ya.places)} / {formatInt(yb?.places)}
                    </td>
                    <td className="num">
                      {formatInt(ya.gapStreetSum)} / {formatInt(yb?.gapStreetSum)}
                    </td>
                    <td className="num">
                      {pct(ya.coveredShare * 100)} / {pct((yb?.coveredShare ?? NaN) * 100)}
                    </td>
                    {['gross_enrolment_rate', 'inclusive_coverage', 'public_share'].map((kk) => (
                      <td key={kk} className="num">
                        {pct(r(ya, kk))} / {pct(yb ? r(yb, kk) : null)}
                      </td>
                    ))}
                    <td className="num">
                      {formatInt(ya.cost10k)} / {formatInt(yb?.cost10k)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <h4>
            {tr('plan.ui.compare.diff')}
          </h4>
          <ul className="diff-list" data-testid="compare-diff">
            {onlyIn(a, b).map((p) => (
              <li key={`a${p.id}`}>{tr('plan.ui.compare.diffItem', { side: 'A', id: p.id, name: p.name, start: p.start_year, finish: p.finish_year, places: formatInt(p.places_after) })}</li>
            ))}
            {onlyIn(b, a).map((p) => (
              <li key={`b${p.id}`}>{tr('plan.ui.compare.diffItem', { side: 'B', id: p.id, name: p.name, start: p.start_year, finish: p.finish_year, places: formatInt(p.places_after) })}</li>
            ))}
          </ul>
        </>
      ) : (
        <p className="hint">{tr(b ? 'plan.ui.compare.computing' : 'plan.ui.compare.hint')}</p>
      )}
    </div>
  );
}
