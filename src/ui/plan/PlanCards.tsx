import { usePlanView } from './use-plan-view';
import { formatInt, formatPct } from '../format';
import { msg } from '../messages';

const signed = (n: number) => (n > 0 ? `+${formatInt(n)}` : n < 0 ? `−${formatInt(-n)}` : '±0');

/** Cards of the shown plan year: places (change since the base year), demand, gap, coverage, 三率, 托位. */
export function PlanCards() {
  const { lang, zh, plan, scenario, year, stale } = usePlanView();
  const y = plan?.years.find((x) => x.year === year);
  const base = plan?.years[0];
  return (
    <section className={stale ? 'panel plan-cards stale' : 'panel plan-cards'} data-testid="plan-cards" data-year={year}>
      <h3>
        {year} {zh ? '年' : ''} · {scenario?.name}
      </h3>
      {!y || !base ? (
        <p className="hint">…</p>
      ) : (
        <div className="cards">
          <div className="card" data-testid="plan-card-places" data-value={y.places}>
            <div className="card-label">{zh ? '学位' : 'Places'}</div>
            <div className="card-value">{formatInt(y.places)}</div>
            <div className="card-sub">
              {zh ? `较 ${base.year} 年` : `vs ${base.year}`} {signed(y.places - base.places)}
            </div>
          </div>
          <div className="card" data-testid="plan-card-demand" data-value={y.demand}>
            <div className="card-label">
              {zh ? '学位需求' : 'Demand'}（{msg(lang, `method.${y.method}`)}）
            </div>
            <div className="card-value">{formatInt(y.demand)}</div>
            <div className="card-sub">
              {zh ? '出生推算' : 'births'} {formatInt(y.childrenBirths)} · {zh ? '千人指标' : 'per 1,000'} {formatInt(y.demandPerThousand)}
            </div>
          </div>
          <div className={y.gapStreetSum > 0 ? 'card bad' : 'card ok'} data-testid="plan-card-gap" data-value={y.gapStreetSum}>
            <div className="card-label">{zh ? '学位缺口（各街道之和）' : 'Gap (sum of sub-districts)'}</div>
            <div className="card-value">{formatInt(y.gapStreetSum)}</div>
            <div className="card-sub">{zh ? `${y.streetsShort} 个街道缺学位` : `${y.streetsShort} sub-districts short`}</div>
          </div>
          <div className="card" data-testid="plan-card-coverage" data-value={y.coveredDemand}>
            <div className="card-label">{zh ? `${plan!.detail[year]?.params.radiusM ?? ''} 米服务半径覆盖` : 'Within the radius'}</div>
            <div className="card-value">{formatPct(y.coveredShare)}</div>
            <div className="card-sub">
              {formatInt(y.coveredDemand)} / {formatInt(y.demand)} · {zh ? `较 ${base.year} 年` : `vs ${base.year}`} {signed(y.coveredDemand - base.coveredDemand)}
            </div>
          </div>
          {y.rates.map((r) => (
            <div key={r.key} className={r.pass === null ? 'card' : r.pass ? 'card ok' : 'card bad'} data-testid={`plan-rate-${r.key}`}>
              <div className="card-label">
                {msg(lang, `rate.${r.key}`)}（{zh ? '预测' : 'projected'}）
              </div>
              <div className="card-value">{r.valuePct === null ? '—' : `${r.valuePct.toFixed(1)}%`}</div>
              <div className="card-sub">
                ≥ {r.thresholdPct}% {r.pass === null ? '' : r.pass ? '✓' : '✗'}
              </div>
            </div>
          ))}
          <div className={y.tuoPlaces < y.tuoNeed ? 'card bad' : 'card ok'} data-testid="plan-card-tuo">
            <div className="card-label">{zh ? '托位（托班 + 托育机构）/ 需求' : 'Infant-care places (classes + centres) / need'}</div>
            <div className="card-value">
              {formatInt(y.tuoPlaces)} / {formatInt(y.tuoNeed)}
            </div>
            <div className="card-sub">{zh ? `每千人 ${plan!.settings.demand.tuoPerThousand} 个` : `${plan!.settings.demand.tuoPerThousand} per 1,000`}</div>
          </div>
        </div>
      )}
    </section>
  );
}
