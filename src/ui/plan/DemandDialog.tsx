import { BasisSelect } from '../BasisSelect';
import { useEffect, useState } from 'react';
import { BIRTHS_ASSUMED_FROM, PLAN_PARAM_SOURCES } from '../../analysis/plan/plan-defaults';
import type { DemandSettings } from '../../analysis/plan/plan-types';
import { m, type Message } from '../../i18n';
import { useApp } from '../../state/store';
import { useRender, useT } from '../use-t';

/** Parse "街道代码,年份,人数" lines into per-街道 births; errors name the line. */
export function parseStreetBirths(text: string): { value: Record<string, Record<number, number>> | null } | { error: Message } {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (lines.length === 0) return { value: null };
  const out: Record<string, Record<number, number>> = {};
  for (const [k, line] of lines.entries()) {
    const [code, y, n] = line.split(/[,，\t]/).map((x) => x.trim());
    const year = Number(y);
    const births = Number(n);
    if (!code || !Number.isInteger(year) || year < 1990 || year > 2100 || !Number.isFinite(births) || births < 0) {
      return { error: m('plan.ui.demand.badLine', { line: k + 1, text: line }) };
    }
    (out[code] ??= {})[year] = births;
  }
  return { value: out };
}

function Src({ k }: { k: string }) {
  const tr = useT();
  const s = PLAN_PARAM_SOURCES[k];
  const r = useRender();
  if (!s) return null;
  const text = r(s.source);
  // an unverified source is marked once
  const marked = s.verified || text.includes(tr('plan.ui.unverified'));
  return (
    <small className={s.verified ? 'src' : 'src unverified'} title={text}>
      {text}
      {marked ? '' : tr('plan.ui.note', { note: tr('plan.ui.unverified') })}
    </small>
  );
}

/** Demand settings of the plan: method, births series, survival, migration, child share, 千人指标, 托位. */
export function DemandDialog({ onClose }: { onClose: () => void }) {
  const tr = useT();
  const settings = useApp((s) => s.planSettings);
  const setDemand = useApp((s) => s.setDemandSettings);
  const setPlan = useApp((s) => s.setPlanSettings);
  const d = settings.demand;
  const [streetText, setStreetText] = useState(() =>
    Object.entries(d.streetBirths ?? {})
      .flatMap(([c, ys]) => Object.entries(ys).map(([y, n]) => `${c},${y},${n}`))
      .join('\n'),
  );
  const [streetError, setStreetError] = useState<Message | null>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const years = Object.keys(d.nationalBirths10k).map(Number).sort((a, b) => a - b);
  const num = (v: string): number | null => (v.trim() === '' ? null : Number(v));
  const setNum = (k: keyof DemandSettings, v: string) => {
    const n = num(v);
    if (n !== null && Number.isFinite(n)) setDemand({ [k]: n } as Partial<DemandSettings>);
  };
  return (
    <div className="modal-back" role="dialog" aria-modal="true" data-testid="demand-dialog">
      <div className="modal">
        <header>
          <h3>{tr('plan.ui.demand.title')}</h3>
          <button type="button" className="link" onClick={onClose}>
            {tr('close')}
          </button>
        </header>
        <div className="field-grid">
          <label>
            {tr('plan.ui.demand.method')}
            <select value={d.method} onChange={(e) => setDemand({ method: e.target.value as DemandSettings['method'] })} data-testid="demand-method">
              <option value="births">{tr('plan.ui.demand.methodBirths')}</option>
              <option value="per_thousand">{tr('plan.ui.demand.methodPerThousand')}</option>
            </select>
            <Src k="childrenFromBirths" />
          </label>
          <div>
            <BasisSelect testId="demand-basis" />
            <Src k="baseBasis" />
          </div>
          <label>
            {tr('plan.ui.demand.placesPerThousand')}
            <input type="number" step="1" value={d.placesPerThousand} onChange={(e) => setNum('placesPerThousand', e.target.value)} />
            <Src k="placesPerThousand" />
          </label>
          <label>
            {tr('plan.ui.demand.survival')}
            <input type="number" step="0.001" min="0" max="1" value={d.survivalRate} onChange={(e) => setNum('survivalRate', e.target.value)} />
            <Src k="survivalRate" />
          </label>
          <label>
            {tr('plan.ui.demand.migration')}
            <input type="number" step="0.1" value={d.netMigrationPerYear * 100} onChange={(e) => setDemand({ netMigrationPerYear: Number(e.target.value) / 100 })} />
            <Src k="netMigrationPerYear" />
          </label>
          <label>
            {tr('plan.ui.demand.childShare')}
            <input
              type="number"
              step="0.1"
              value={d.newCommunityChildShare === null ? '' : d.newCommunityChildShare * 100}
              onChange={(e) => setDemand({ newCommunityChildShare: e.target.value === '' ? null : Number(e.target.value) / 100 })}
            />
            <Src k="newCommunityChildShare" />
          </label>
          <label>
            {tr('plan.ui.demand.tuoPerThousand')}
            <input type="number" step="0.1" value={d.tuoPerThousand} onChange={(e) => setNum('tuoPerThousand', e.target.value)} />
            <Src k="tuoPerThousand" />
          </label>
          <label>
            {tr('plan.ui.demand.openingLag')}
            <input type="number" step="1" min="0" max="3" value={settings.openingLagYears} onChange={(e) => setPlan({ openingLagYears: Math.max(0, Math.round(Number(e.target.value))) })} />
            <Src k="openingLagYears" />
          </label>
          <label>
            {tr('plan.ui.demand.buildCost')}
            <input type="number" step="10" min="0" value={settings.newBuildCost10kPerClass} onChange={(e) => setPlan({ newBuildCost10kPerClass: Math.max(0, Number(e.target.value) || 0) })} data-testid="plan-cost-per-class" />
            <Src k="newBuildCost10kPerClass" />
          </label>
        </div>
        <h4>{tr('plan.ui.demand.births')}</h4>
        <p className="hint">
          {tr('plan.ui.demand.birthsHint')}
          <Src k="nationalBirths10k" />
        </p>
        <table className="ledger compact" data-testid="births-table">
          <thead>
            <tr>
              <th>{tr('plan.ui.demand.year')}</th>
              <th>{tr('plan.ui.demand.national')}</th>
              <th>{tr('plan.ui.demand.district')}</th>
            </tr>
          </thead>
          <tbody>
            {years.map((y) => (
              <tr key={y} className={y >= BIRTHS_ASSUMED_FROM ? 'assumed' : ''}>
                <td>{y >= BIRTHS_ASSUMED_FROM ? tr('plan.ui.demand.assumed', { year: y }) : y}</td>
                <td>
                  <input
                    type="number"
                    value={d.nationalBirths10k[y]}
                    onChange={(e) => {
                      const n = Number(e.target.value);
                      if (Number.isFinite(n) && n >= 0) setDemand({ nationalBirths10k: { ...d.nationalBirths10k, [y]: n } });
                    }}
                  />
                </td>
                <td>
                  <input
                    type="number"
                    value={d.districtBirths?.[y] ?? ''}
                    onChange={(e) => {
                      const next = { ...d.districtBirths };
                      if (e.target.value === '') delete next[y];
                      else next[y] = Number(e.target.value);
                      setDemand({ districtBirths: Object.keys(next).length ? next : null });
                    }}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <h4>{tr('plan.ui.demand.streetBirths')}</h4>
        <textarea rows={4} value={streetText} onChange={(e) => setStreetText(e.target.value)} data-testid="street-births" />
        <div className="menu-row">
          <button
            type="button"
            onClick={() => {
              const r = parseStreetBirths(streetText);
              if ('error' in r) return setStreetError(r.error);
              setStreetError(null);
              setDemand({ streetBirths: r.value });
            }}
          >
            {tr('plan.ui.demand.apply')}
          </button>
          {streetError ? <span className="error">{tr(streetError.key, streetError.values)}</span> : null}
        </div>
      </div>
    </div>
  );
}
