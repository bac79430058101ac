import { BasisSelect } from '../BasisSelect';
import { useEffect, useState } from 'react';
import { BIRTHS_ASSUMED_FROM, PLAN_PARAM_SOURCES } from '../../analysis/plan/plan-defaults';
import type { DemandSettings } from '../../analysis/plan/plan-types';
import { useApp } from '../../state/store';
import { useRender } from '../use-t';

/** Parse "街道代码,年份,人数" lines into per-街道 births; errors name the line. */
export function parseStreetBirths(text: string): { value: Record<string, Record<number, number>> | null } | { error: string } {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (lines.length === 0) return { value: null };
  const out: Record<string, Record<number, number>> = {};
  for (const [k, line] of lines.entries()) {
    const [code, y, n] = line.split(/[,，\t]/).map((x) => x.trim());
    const year = Number(y);
    const births = Number(n);
    if (!code || !Number.isInteger(year) || year < 1990 || year > 2100 || !Number.isFinite(births) || births < 0) {
      return { error: `第 ${k + 1} 行“${line}”应为：街道代码,年份,出生人数` };
    }
    (out[code] ??= {})[year] = births;
  }
  return { value: out };
}

function Src({ k }: { k: string }) {
  const s = PLAN_PARAM_SOURCES[k];
  const r = useRender();
  if (!s) return null;
  const text = r(s.source);
  return (
    <small className={s.verified ? 'src' : 'src unverified'} title={text}>
      {text}
      {s.verified || text.includes('未核实') || text.includes('unverified') ? '' : '（未核实）'}
    </small>
  );
}

/** Demand settings of the plan: method, births series, survival, migration, child share, 千人指标, 托位. */
export function DemandDialog({ onClose }: { onClose: () => void }) {
  const zh = useApp((s) => s.lang) === 'zh';
  const settings = useApp((s) => s.planSettings);
  const setDemand = useApp((s) => s.setDemandSettings);
  const setPlan = useApp((s) => s.setPlanSettings);
  const d = settings.demand;
  const [streetText, setStreetText] = useState(() =>
    Object.entries(d.streetBirths ?? {})
      .flatMap(([c, ys]) => Object.entries(ys).map(([y, n]) => `${c},${y},${n}`))
      .join('\n'),
  );
  const [streetError, setStreetError] = useState<string | null>(null);
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
          <h3>{zh ? '学位需求推算参数' : 'Demand projection'}</h3>
          <button type="button" className="link" onClick={onClose}>
            {zh ? '关闭' : 'Close'}
          </button>
        </header>
        <div className="field-grid">
          <label>
            {zh ? '需求方法' : 'Method'}
            <select value={d.method} onChange={(e) => setDemand({ method: e.target.value as DemandSettings['method'] })} data-testid="demand-method">
              <option value="births">{zh ? '出生人口推算（t 年 3–5岁 ≈ t−3…t−5 年出生）' : 'From births'}</option>
              <option value="per_thousand">{zh ? '千人指标（学位/千人）' : 'Places per 1,000 residents'}</option>
            </select>
            <Src k="childrenFromBirths" />
          </label>
          <div>
            <BasisSelect testId="demand-basis" />
            <Src k="baseBasis" />
          </div>
          <label>
            {zh ? '千人指标（个学位/千人）' : 'Places per 1,000'}
            <input type="number" step="1" value={d.placesPerThousand} onChange={(e) => setNum('placesPerThousand', e.target.value)} />
            <Src k="placesPerThousand" />
          </label>
          <label>
            {zh ? '出生至 3–5岁存活率' : 'Survival to 3–5'}
            <input type="number" step="0.001" min="0" max="1" value={d.survivalRate} onChange={(e) => setNum('survivalRate', e.target.value)} />
            <Src k="survivalRate" />
          </label>
          <label>
            {zh ? '幼儿净迁移率（每年，%）' : 'Net migration (% a year)'}
            <input type="number" step="0.1" value={d.netMigrationPerYear * 100} onChange={(e) => setDemand({ netMigrationPerYear: Number(e.target.value) / 100 })} />
            <Src k="netMigrationPerYear" />
          </label>
          <label>
            {zh ? '新建小区 3–5岁占比（%，空 = 当年全区预测占比）' : 'Child share in new communities (%, empty = district)'}
            <input
              type="number"
              step="0.1"
              value={d.newCommunityChildShare === null ? '' : d.newCommunityChildShare * 100}
              onChange={(e) => setDemand({ newCommunityChildShare: e.target.value === '' ? null : Number(e.target.value) / 100 })}
            />
            <Src k="newCommunityChildShare" />
          </label>
          <label>
            {zh ? '每千人口托位数' : 'Infant-care places per 1,000'}
            <input type="number" step="0.1" value={d.tuoPerThousand} onChange={(e) => setNum('tuoPerThousand', e.target.value)} />
            <Src k="tuoPerThousand" />
          </label>
          <label>
            {zh ? '竣工后第几年起提供学位' : 'Places from finish year +'}
            <input type="number" step="1" min="0" max="3" value={settings.openingLagYears} onChange={(e) => setPlan({ openingLagYears: Math.max(0, Math.round(Number(e.target.value))) })} />
            <Src k="openingLagYears" />
          </label>
          <label>
            {zh ? '新建园造价（万元/班）' : 'New build cost (10k yuan per class)'}
            <input type="number" step="10" min="0" value={settings.newBuildCost10kPerClass} onChange={(e) => setPlan({ newBuildCost10kPerClass: Math.max(0, Number(e.target.value) || 0) })} data-testid="plan-cost-per-class" />
            <Src k="newBuildCost10kPerClass" />
          </label>
        </div>
        <h4>{zh ? '出生人口' : 'Births'}</h4>
        <p className="hint">
          {zh
            ? '默认按全国出生人口的变化比例推算（以人口图层年份的 3–5岁人数为基数）；填写本区出生人口（人）则按绝对数 × 存活率推算。'
            : 'By default children follow the change of national births (scaled to the population layer); local births (persons) are used as absolute numbers × survival.'}
          <Src k="nationalBirths10k" />
        </p>
        <table className="ledger compact" data-testid="births-table">
          <thead>
            <tr>
              <th>{zh ? '年份' : 'Year'}</th>
              <th>{zh ? '全国（万人）' : 'National (10k)'}</th>
              <th>{zh ? '本区（人，可选）' : 'District (persons, optional)'}</th>
            </tr>
          </thead>
          <tbody>
            {years.map((y) => (
              <tr key={y} className={y >= BIRTHS_ASSUMED_FROM ? 'assumed' : ''}>
                <td>
                  {y}
                  {y >= BIRTHS_ASSUMED_FROM ? (zh ? '（假设）' : ' (assumed)') : ''}
                </td>
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
        <h4>{zh ? '各街道出生人口（可选，每行：街道代码,年份,出生人数）' : 'Births per sub-district (optional: code,year,births per line)'}</h4>
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
            {zh ? '应用各街道出生人口' : 'Apply'}
          </button>
          {streetError ? <span className="error">{streetError}</span> : null}
        </div>
      </div>
    </div>
  );
}
