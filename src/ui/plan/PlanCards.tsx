import { usePlanView } from './use-plan-view';
import { formatInt, formatPct } from '../format';
import { useT } from '../use-t';
import { scenarioName } from '../../analysis/plan/present';

const signed = (n: number) => (n > 0 ? `+${formatInt(n)}` : n < 0 ? `−${formatInt(-n)}` : '±0');

/** Cards of the shown plan year: places (change since the base year), demand, gap, coverage, 三率, 托位. */
export function PlanCards() {
  const { plan, scenario, year, stale } = usePlanView();
  const tr = useT();
  const y = plan?.years.find((x) => x.year === year);
  const base = plan?.years[0];
  return (
    <section className={stale ? 'panel plan-cards stale' : 'panel plan-cards'} data-testid="plan-cards" data-year={year}>
      <h3>
        {tr('plan.ui.cards.title', { year, scenario: scenarioName(scenario) })}
      </h3>
      {!y || !base ? (
        <p className="hint">…</p>
      ) : (
        <div className="cards">
          <div className="card" data-testid="plan-card-places" data-value={y.places}>
            <div className="card-label">{tr('places')}</div>
            <div className="card-value">{formatInt(y.places)}</div>
            <div className="card-sub">
              {tr('plan.ui.cards.vsBase', { year: base.year, change: signed(y.places - base.places) })}
            </div>
          </div>
          <div className="card" data-testid="plan-card-demand" data-value={y.demand}>
            <div className="card-label">
              {tr('plan.ui.cards.demand', { method: tr(`method.${y.method}`) })}
            </div>
            <div className="card-value">{formatInt(y.demand)}</div>
            <div className="card-sub">
              {tr('plan.ui.cards.demandSub', { births: formatInt(y.childrenBirths), perThousand: formatInt(y.demandPerThousand) })}
            </div>
          </div>
          <div className={y.gapStreetSum > 0 ? 'card bad' : 'card ok'} data-testid="plan-card-gap" data-value={y.gapStreetSum}>
            <div className="card-label">{tr('plan.ui.col.gapSum')}</div>
            <div className="card-value">{formatInt(y.gapStreetSum)}</div>
            <div className="card-sub">{tr('plan.ui.cards.streetsShort', { count: y.streetsShort })}</div>
          </div>
          <div className="card" data-testid="plan-card-coverage" data-value={y.coveredDemand}>
            <div className="card-label">{tr('plan.ui.cards.coverage', { radius: plan!.detail[year]?.params.radiusM ?? '' })}</div>
            <div className="card-value">{formatPct(y.coveredShare)}</div>
            <div className="card-sub">
              {formatInt(y.coveredDemand)} / {formatInt(y.demand)} · {tr('plan.ui.cards.vsBase', { year: base.year, change: signed(y.coveredDemand - base.coveredDemand) })}
            </div>
          </div>
          {y.rates.map((r) => (
            <div key={r.key} className={r.pass === null ? 'card' : r.pass ? 'card ok' : 'card bad'} data-testid={`plan-rate-${r.key}`}>
              <div className="card-label">
                {tr('plan.ui.cards.projected', { label: tr(`rate.${r.key}`) })}
              </div>
              <div className="card-value">{r.valuePct === null ? '—' : `${r.valuePct.toFixed(1)}%`}</div>
              <div className="card-sub">
                ≥ {r.thresholdPct}% {r.pass === null ? '' : r.pass ? '✓' : '✗'}
              </div>
            </div>
          ))}
          <div className={y.tuoPlaces < y.tuoNeed ? 'card bad' : 'card ok'} data-testid="plan-card-tuo">
            <div className="card-label">{tr('plan.ui.cards.tuo')}</div>
            <div className="card-value">
              {formatInt(y.tuoPlaces)} / {formatInt(y.tuoNeed)}
            </div>
            <div className="card-sub">{tr('plan.ui.cards.tuoSub', { n: plan!.settings.demand.tuoPerThousand })}</div>
          </div>
        </div>
      )}
    </section>
  );
}
