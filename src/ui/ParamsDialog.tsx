import { DEFAULT_WALK_SNAP_MAX_M, DEFAULT_WALK_SPEED_KMH, defaultAnalysisParams, PARAM_SOURCES, ruleSource, ruleTableLabel, ruleTableSource, validateParams } from '../analysis/params';
import type { AnalysisParams, IndicatorThresholds, SupportingKgRule } from '../analysis/types';
import { todayIso } from '../state/analysis-slice';
import { useApp } from '../state/store';
import { useRender, useT } from './use-t';

function Source({ k }: { k: string }) {
  const tr = useT();
  const s = PARAM_SOURCES[k];
  const r = useRender();
  if (!s) return null;
  return (
    <span className="param-source">
      {r(s.source)}
      {s.verified ? null : <em className="unverified">{tr('shell.params.unverified')}</em>}
    </span>
  );
}

function NumberRow({ k, value, step = 1, onChange }: { k: string; value: number; step?: number; onChange: (v: number) => void }) {
  const r = useRender();
  const s = PARAM_SOURCES[k];
  const label = s ? r(s.label) : k;
  return (
    <tr>
      <th>{label}</th>
      <td>
        <input
          type="number"
          step={step}
          value={Number.isFinite(value) ? value : ''}
          aria-label={label}
          data-testid={`param-${k}`}
          onChange={(e) => {
            const v = Number(e.target.value);
            if (e.target.value !== '' && Number.isFinite(v)) onChange(v);
          }}
        />
      </td>
      <td>
        <Source k={k} />
      </td>
    </tr>
  );
}

const THRESHOLD_KEYS: [keyof IndicatorThresholds, number][] = [
  ['grossEnrolmentRatePct', 0.5],
  ['inclusiveCoveragePct', 0.5],
  ['publicSharePct', 0.5],
  ['childrenPerStaffMax', 0.5],
  ['childrenPerCareStaffMax', 0.5],
  ['childrenPerTeacherMax', 0.5],
  ['classSizeMax', 1],
  ['classSizeCompliancePct', 0.5],
];

/** Every default of the analysis, editable, with its source beside it; changes re-run the analysis. */
export function ParamsDialog({ onClose }: { onClose: () => void }) {
  const params = useApp((s) => s.params);
  const setParams = useApp((s) => s.setParams);
  const show = useRender();
  const tr = useT();
  const errors = validateParams(params).map(show);
  const set = (p: Partial<AnalysisParams>) => setParams(p);
  const setRule = (i: number, r: Partial<SupportingKgRule>) =>
    set({ ruleTable: { ...params.ruleTable, rules: params.ruleTable.rules.map((x, k) => (k === i ? { ...x, ...r } : x)) } });
  return (
    <div className="modal-back" role="dialog" aria-modal="true" aria-label={tr('shell.params.aria')}>
      <div className="modal params" data-testid="params-dialog">
        <header>
          <h3>{tr('shell.params.title')}</h3>
          <button type="button" onClick={onClose}>
            {tr('close')}
          </button>
        </header>
        {errors.length > 0 ? <div className="error">{errors.join(tr('shell.semicolon'))}</div> : null}
        <table className="params-table">
          <tbody>
            <tr className="group">
              <td colSpan={3}>{tr('shell.params.groupRadius')}</td>
            </tr>
            <NumberRow k="radiusM" value={params.radiusM} step={50} onChange={(radiusM) => radiusM > 0 && set({ radiusM })} />
            <NumberRow k="statusThresholds.green" value={params.statusThresholds.green} step={0.05} onChange={(green) => set({ statusThresholds: { ...params.statusThresholds, green } })} />
            <NumberRow k="statusThresholds.amber" value={params.statusThresholds.amber} step={0.05} onChange={(amber) => set({ statusThresholds: { ...params.statusThresholds, amber } })} />
            <NumberRow k="nearestMaxM" value={params.nearestMaxM} step={100} onChange={(nearestMaxM) => set({ nearestMaxM })} />
            <NumberRow k="walkSpeedKmh" value={params.walkSpeedKmh ?? DEFAULT_WALK_SPEED_KMH} step={0.5} onChange={(walkSpeedKmh) => walkSpeedKmh > 0 && set({ walkSpeedKmh })} />
            <NumberRow k="walkSnapMaxM" value={params.walkSnapMaxM ?? DEFAULT_WALK_SNAP_MAX_M} step={25} onChange={(walkSnapMaxM) => walkSnapMaxM > 0 && set({ walkSnapMaxM })} />
            <tr className="group">
              <td colSpan={3}>{tr('shell.params.groupSupporting')}</td>
            </tr>
            <NumberRow k="handoverMonths" value={params.handoverMonths} onChange={(handoverMonths) => set({ handoverMonths })} />
            <NumberRow k="escalationOrangeDays" value={params.escalationOrangeDays} onChange={(escalationOrangeDays) => set({ escalationOrangeDays })} />
            <NumberRow k="escalationRedDays" value={params.escalationRedDays} onChange={(escalationRedDays) => set({ escalationRedDays })} />
            <tr>
              <th>{show(PARAM_SOURCES.asOfDate.label)}</th>
              <td>
                <input type="date" value={params.asOfDate} onChange={(e) => e.target.value && set({ asOfDate: e.target.value })} />
              </td>
              <td>
                <Source k="asOfDate" />
              </td>
            </tr>
            <tr>
              <th>
                {tr('shell.params.ruleBasis', {
                  label: show(ruleTableLabel(params.ruleTable)),
                  basis: tr(params.ruleTable.basis === 'residents' ? 'shell.params.basisResidents' : 'shell.params.basisHouseholds'),
                })}
              </th>
              <td colSpan={2}>
                <table className="rules" data-testid="rule-table">
                  <tbody>
                    {params.ruleTable.rules.map((r, i) => (
                      <tr key={i}>
                        <td>
                          <select value={r.op} onChange={(e) => setRule(i, { op: e.target.value as '>=' | '>' })}>
                            <option value=">=">≥</option>
                            <option value=">">&gt;</option>
                          </select>
                        </td>
                        <td>
                          <input type="number" value={r.min} onChange={(e) => setRule(i, { min: Number(e.target.value) })} aria-label={tr('shell.params.ruleMin', { i: i + 1 })} />{' '}
                          {tr(params.ruleTable.basis === 'residents' ? 'shell.params.unitResidents' : 'shell.params.unitHouseholds')}
                        </td>
                        <td>
                          → <input type="number" value={r.classes} onChange={(e) => setRule(i, { classes: Number(e.target.value) })} aria-label={tr('shell.params.ruleClasses', { i: i + 1 })} /> {tr('shell.params.classes')}
                        </td>
                        <td className="param-source">{show(ruleSource(r.sourceZh))}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <span className="param-source">{show(ruleTableSource(params.ruleTable))}</span>
              </td>
            </tr>
            <tr className="group">
              <td colSpan={3}>{tr('shell.params.groupThresholds')}</td>
            </tr>
            {THRESHOLD_KEYS.map(([k, step]) => (
              <NumberRow
                key={k}
                k={`indicatorThresholds.${k}`}
                value={params.indicatorThresholds[k]}
                step={step}
                onChange={(v) => set({ indicatorThresholds: { ...params.indicatorThresholds, [k]: v } })}
              />
            ))}
          </tbody>
        </table>
        <footer>
          <button type="button" onClick={() => set(defaultAnalysisParams(todayIso()))}>
            {tr('shell.params.reset')}
          </button>
        </footer>
      </div>
    </div>
  );
}
