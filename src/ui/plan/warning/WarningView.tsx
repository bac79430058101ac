import { useMemo, useState } from 'react';
import { WARNING_PARAM_SOURCES } from '../../../analysis/plan/place-warning';
import { useApp } from '../../../state/store';
import { render } from '../../../i18n';
import { formatInt } from '../../format';
import { msg } from '../../../i18n';
import { usePlanView } from '../use-plan-view';
import { LEVEL_FILL, LEVEL_TEXT, levelLabel, methodLabel, pctText, reasonsText, ruleLines, yearLabel } from './warning-doc';
import { warningDocFrom } from './warning-of-state';
import { scenarioText } from '../../messages';

/** 学位预警: red / yellow / green per 街道 and plan year, the thresholds (editable, with sources), Word and Excel exports. */
export function WarningView() {
  const { lang, plan, scenario, year, stale } = usePlanView();
  const params = useApp((s) => s.warningParams);
  const setParams = useApp((s) => s.setWarningParams);
  const setYear = useApp((s) => s.setPlanYear);
  const meta = useApp((s) => s.meta);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const doc = useMemo(() => warningDocFrom(plan, scenarioText(lang, scenario), params, lang, meta), [plan, scenario, params, lang, meta]);
  if (!plan || !doc) return <p className="hint">{msg(lang, 'warn.computing')}</p>;
  const t = doc.table;
  const run = async (kind: 'docx' | 'xlsx') => {
    setBusy(kind);
    setError(null);
    try {
      const m = await import('./export-warning');
      const r = kind === 'docx' ? await m.exportWarningDocx(doc) : await m.exportWarningXlsx(doc);
      (window as unknown as { __xwghLastExportMs?: number }).__xwghLastExportMs = r.ms;
    } catch (e) {
      setError(msg(lang, 'plan.ui.warn.failed', { error: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(null);
    }
  };
  const src = WARNING_PARAM_SOURCES;
  return (
    <div className={stale ? 'table-wrap stale' : 'table-wrap'} data-testid="warning-view">
      <div className="table-tools">
        <strong>{msg(lang, 'warn.tab')}</strong>
        <label title={render(lang, src.utilisationYellowPct.source)}>
          {msg(lang, 'warn.param.utilisation')}{' '}
          <input type="number" min={0} max={200} step={1} value={params.utilisationYellowPct} style={{ width: 56 }} onChange={(e) => setParams({ utilisationYellowPct: Number(e.target.value) })} data-testid="warn-utilisation" />
        </label>
        <label title={render(lang, src.leadYears.source)}>
          {msg(lang, 'warn.param.lead')}{' '}
          <input type="number" min={0} max={10} step={1} value={params.leadYears} style={{ width: 44 }} onChange={(e) => setParams({ leadYears: Number(e.target.value) })} data-testid="warn-lead" />
        </label>
        <button type="button" disabled={busy !== null} onClick={() => void run('docx')} data-testid="warn-docx">
          {busy === 'docx' ? msg(lang, 'warn.exporting') : msg(lang, 'warn.exportDocx')}
        </button>
        <button type="button" disabled={busy !== null} onClick={() => void run('xlsx')} data-testid="warn-xlsx">
          {busy === 'xlsx' ? msg(lang, 'warn.exporting') : msg(lang, 'warn.exportXlsx')}
        </button>
        {error ? <span className="bad">{error}</span> : null}
      </div>
      <details className="warn-rules">
        <summary>
          {msg(lang, 'warn.summary', { pct: params.utilisationYellowPct, years: params.leadYears })}
          {msg(lang, 'warn.method', { method: methodLabel(doc), scenario: doc.scenario, dataYear: doc.dataYear })}
        </summary>
        <ul>
          {ruleLines(lang, t).map((r) => (
            <li key={r.rule}>
              {r.rule}
              {r.source ? <small className={r.isDefault ? 'src unverified' : 'src'}>{msg(lang, 'plan.ui.warn.source', { source: r.source })}</small> : null}
            </li>
          ))}
        </ul>
      </details>
      <table className="ledger compact warn-table" data-testid="warning-table">
        <thead>
          <tr>
            <th>{msg(lang, 'warn.street')}</th>
            {t.years.map((y) => (
              <th key={y} className={y === year ? 'selected' : ''}>
                {yearLabel(lang, doc, y)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {t.rows.map((r) => (
            <tr key={r.code} data-code={r.code}>
              <td>{r.nameZh}</td>
              {r.cells.map((c) => (
                <td
                  key={c.year}
                  className={`warn-level ${c.level}${c.year === year ? ' current' : ''}`}
                  style={{ background: `#${LEVEL_FILL[c.level]}`, color: `#${LEVEL_TEXT[c.level]}` }}
                  data-level={c.level}
                  data-year={c.year}
                  title={msg(lang, 'plan.ui.warn.cellTitle', { street: r.nameZh, year: c.year, places: formatInt(c.places), demand: formatInt(c.demand), pct: pctText(c.utilisationPct), reasons: reasonsText(lang, c) })}
                  onClick={() => setYear(c.year)}
                >
                  {levelLabel(lang, c.level)}
                  <small>
                    {formatInt(c.places)} / {formatInt(c.demand)}
                  </small>
                </td>
              ))}
            </tr>
          ))}
          <tr className="warn-counts">
            <td>{msg(lang, 'warn.total')}</td>
            {t.counts.map((c) => (
              <td key={c.year} className="num">
                {c.red} / {c.yellow} / {c.green}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      <p className="hint">{msg(lang, 'warn.cellHint')}</p>
    </div>
  );
}
