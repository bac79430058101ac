import { lazy, Suspense, useState } from 'react';
import { exportTableCsv } from '../../data/export/csv';
import { downloadBytes, MIME } from '../../data/export/download';
import { usePlanView } from './use-plan-view';
import { formatInt, formatPct } from '../format';
import { describeBasis, msgOf } from '../messages';
import { useT } from '../use-t';
import { planYearTable, toTsv } from './plan-table-rows';
import { scenarioName } from '../../analysis/plan/present';
import { scenarioText } from '../messages';

const PlanChart = lazy(() => import('./PlanChart'));

/** 逐年供需: the chart 2025–2030, the year table (copyable, exportable), and the 街道 rows of the shown year. */
export function PlanYearView() {
  const { lang, plan, scenario, year, stale } = usePlanView();
  const tr = useT();
  const [copied, setCopied] = useState(false);
  if (!plan) return <p className="hint">{tr('plan.ui.years.computing')}</p>;
  const { headers, rows } = planYearTable(plan, lang);
  const cur = plan.years.find((y) => y.year === year);
  const methodNote = tr('plan.ui.years.note', {
    basis: describeBasis(lang, plan, plan.settings.baseYear),
    end: plan.settings.endYear,
    method: tr(`method.${plan.settings.demand.method}`),
    births: formatInt(plan.baseChildrenBirths),
    dataYear: plan.dataYear,
    census: formatInt(plan.censusChildren),
    used: tr(plan.demandBasis === 'census' ? 'plan.ui.years.usedCensus' : 'plan.ui.years.usedBirths'),
    gross: formatPct(plan.baseGrossRate),
  });
  return (
    <div className={stale ? 'plan-years stale' : 'plan-years'} data-testid="plan-years">
      <div className="plan-chart-wrap">
        <Suspense fallback={<div className="plan-chart" />}>
          <PlanChart plan={plan} lang={lang} year={year} />
        </Suspense>
      </div>
      <div className="table-wrap">
        <div className="table-tools">
          <strong>{scenarioText(lang, scenario)}</strong>
          <button
            type="button"
            onClick={async () => {
              try {
                await navigator.clipboard.writeText(toTsv(headers, rows));
                setCopied(true);
                setTimeout(() => setCopied(false), 1500);
              } catch {
                setCopied(false);
              }
            }}
          >
            {tr(copied ? 'plan.ui.years.copied' : 'plan.ui.years.copy')}
          </button>
          <button type="button" onClick={() => downloadBytes(tr('plan.ui.years.csvName', { name: scenario ? scenarioName(scenario) : tr('plan.ui.scenario') }), exportTableCsv(headers, rows), MIME.csv)}>
            {tr('plan.ui.years.csv')}
          </button>
          <span className="hint">{methodNote}</span>
        </div>
        <table className="ledger compact" data-testid="plan-year-table">
          <thead>
            <tr>
              {headers.map((h) => (
                <th key={h}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r[0]} className={r[0] === year ? 'selected' : ''} data-year={r[0]}>
                {r.map((c, k) => (
                  <td key={k} className={typeof c === 'number' ? 'num' : ''}>
                    {typeof c === 'number' && k > 0 ? formatInt(c) : c}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {cur ? (
          <>
            <h4>
              {tr('plan.ui.years.byStreet', { year })}
            </h4>
            <table className="ledger compact" data-testid="plan-street-table">
              <thead>
                <tr>
                  <th>{tr('plan.ui.street.name')}</th>
                  <th>{tr('places')}</th>
                  <th>{tr('plan.ui.street.childrenBirths')}</th>
                  <th>{tr('plan.ui.street.perThousand')}</th>
                  <th>{tr('plan.ui.street.gap')}</th>
                  <th>{tr('plan.ui.street.covered')}</th>
                  <th>{tr('plan.ui.street.tuo')}</th>
                </tr>
              </thead>
              <tbody>
                {cur.streets.map((s) => (
                  <tr key={s.code || '_'} className={s.gap > 0 ? 'short' : ''}>
                    <td>{s.nameZh}</td>
                    <td className="num">{formatInt(s.places)}</td>
                    <td className="num">{formatInt(s.childrenBirths)}</td>
                    <td className="num">{formatInt(s.demandPerThousand)}</td>
                    <td className={s.gap > 0 ? 'num bad' : 'num'}>{formatInt(s.gap)}</td>
                    <td className="num">{formatPct(s.coveredShare)}</td>
                    <td className={s.tuoPlaces < s.tuoNeed ? 'num bad' : 'num'}>
                      {formatInt(s.tuoPlaces)} / {formatInt(s.tuoNeed)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : null}
        {plan.messages.length ? (
          <ul className="warnings">
            {plan.messages.map((m, k) => (
              <li key={k}>{msgOf(lang, m)}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
