import { useEffect, useMemo } from 'react';
import { distanceLabel } from '../../analysis/params';
import { m, render } from '../../i18n';
import { messageOfError } from '../../i18n/message-error';
import { plotCandidatesFromGeoJson } from '../../analysis/siting/plot-candidates';
import { PLACES_PER_CLASS, type ChosenSite, type SitingAnswer } from '../../analysis/siting/siting-types';
import { useApp } from '../../state/store';
import { DataTable, type Column } from '../DataTable';
import { formatInt, formatMoney10k, formatPct } from '../format';
import { describeBasis } from '../messages';
import { useRender, useT } from '../use-t';
import { selectCurrentResult } from '../../state/selectors';
import type { NearbyFlag } from '../../analysis/siting/site-checks';
import { richText } from './rich-text';
import { statusOf, summaryText } from './siting-text';
import { scenarioName } from '../../analysis/plan/present';


function AnswerLine({ a, total, timeLimitS, solving = false }: { a: SitingAnswer; total: number; timeLimitS: number; solving?: boolean }) {
  const tr = useT();
  const show = useRender();
  const share = (x: number) => (total > 0 ? formatPct(x / total) : '—');
  const objective = tr(a.goal === 'lscp' ? 'siting.ui.objective.sites' : 'siting.ui.objective.children', { n: formatInt(a.objective) });
  const text = tr('siting.ui.answer', { seconds: (a.ms / 1000).toFixed(2), objective, before: formatInt(a.servedBefore), beforeShare: share(a.servedBefore), afterShare: share(a.servedAfter) });
  return (
    <p className={`siting-answer ${a.method}`} data-testid={`siting-${a.method}`} data-objective={a.objective} data-after={a.servedAfter} data-proved={a.provedOptimal ? '1' : '0'}>
      {richText(text, {
        method: <b>{tr(a.method === 'exact' ? 'siting.ui.method.exact' : 'siting.ui.method.heuristic')}</b>,
        after: <b>{formatInt(a.servedAfter)}</b>,
        status: <span className={a.provedOptimal ? 'ok' : 'warn'}>{show(statusOf(a, timeLimitS, solving))}</span>,
      })}
    </p>
  );
}

/** 选址: candidates, goal, radius / p / scale / capacity / budget; instant then exact answer; add to the plan. */
export function SitingPanel() {
  const lang = useApp((s) => s.lang);
  const tr = useT();
  const st = useApp((s) => s);
  const p = st.sitingParams;
  const setOpen = st.setSitingOpen;
  useEffect(() => {
    setOpen(true);
    return () => setOpen(false);
  }, [setOpen]);
  const answer = st.sitingExact ?? st.sitingHeuristic;
  const total = st.sitingSummary?.childrenTotal ?? 0;
  const cols = useMemo<Column<ChosenSite & { rank: number; near?: NearbyFlag }>[]>(
    () => [
      { key: 'rank', label: tr('siting.ui.col.rank'), num: true, value: (r) => r.rank },
      { key: 'name', label: tr('siting.ui.col.name'), value: (r) => r.name },
      { key: 'lon', label: tr('siting.ui.col.lon'), num: true, value: (r) => Math.round(r.lon * 1e6) / 1e6 },
      { key: 'lat', label: tr('siting.ui.col.lat'), num: true, value: (r) => Math.round(r.lat * 1e6) / 1e6 },
      { key: 'served', label: tr('siting.ui.col.served'), num: true, value: (r) => Math.round(r.newlyServed), render: (r) => formatInt(r.newlyServed) },
      { key: 'places', label: tr('siting.ui.col.places'), num: true, value: (r) => r.places, render: (r) => formatInt(r.places) },
      {
        key: 'near',
        label: tr('siting.ui.col.near'),
        value: (r) => (r.near ? `${r.near.nearestName} ${Math.round(r.near.distanceM)}` : ''),
        render: (r) =>
          r.near ? (
            <span className="warn" title={tr('siting.ui.near.title')}>
              {tr(r.near.kind === 'existing' ? 'siting.ui.near.existing' : 'siting.ui.near.planned', { name: r.near.nearestName, distance: Math.round(r.near.distanceM) })}
            </span>
          ) : (
            ''
          ),
      },
    ],
    [tr],
  );
  const near = new Map(st.sitingNearby.map((f) => [f.siteId, f]));
  const rows = (answer?.sites ?? []).map((s, k) => ({ ...s, rank: k + 1, near: near.get(s.id) }));
  const shownResult = useApp(selectCurrentResult);
  const stale = st.sitingFor !== null && st.sitingFor.result !== shownResult;
  const basis = st.sitingFor && st.presentPlan ? st.sitingFor : null;
  const costOf = (k: number) => st.currentCandidates().find((c) => c.id === answer?.sites[k]?.id)?.cost10k ?? p.cost10kPerSite;
  const totalCost = answer ? answer.sites.reduce((a, _s, k) => a + costOf(k), 0) : 0;
  const running = st.sitingState === 'running';
  return (
    <div className="siting" data-testid="siting-panel">
      <div className="siting-form">
        <label>
          {tr('siting.ui.goal')}{' '}
          <select value={p.goal} onChange={(e) => st.setSitingParams({ goal: e.target.value as 'mclp' | 'lscp' })} data-testid="siting-goal">
            <option value="mclp">{tr('siting.ui.goal.mclp')}</option>
            <option value="lscp">{tr('siting.ui.goal.lscp')}</option>
          </select>
        </label>
        {p.goal === 'mclp' ? (
          <label>
            p <input type="number" min={1} max={200} value={p.p} onChange={(e) => st.setSitingParams({ p: Math.max(1, Math.round(Number(e.target.value) || 1)) })} data-testid="siting-p" className="short" />
          </label>
        ) : null}
        <label>
          {tr('siting.ui.scale')}{' '}
          <select value={p.classes} onChange={(e) => st.setSitingParams({ classes: Number(e.target.value) as 6 | 9 | 12 })}>
            {[6, 9, 12].map((c) => (
              <option key={c} value={c}>{tr('siting.ui.scale.option', { classes: c, places: c * PLACES_PER_CLASS })}</option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={p.capacity} onChange={(e) => st.setSitingParams({ capacity: e.target.checked })} data-testid="siting-capacity" /> {tr('siting.ui.capacity')}
        </label>
        <label>
          {tr('siting.ui.budget')} <input type="number" min={0} className="short" value={p.budget10k ?? ''} placeholder={tr('siting.ui.budget.none')} onChange={(e) => st.setSitingParams({ budget10k: e.target.value === '' ? null : Math.max(0, Number(e.target.value)) })} />
        </label>
        <label>
          {tr('siting.ui.costPerSite')} <input type="number" min={0} className="short" value={p.cost10kPerSite} onChange={(e) => st.setSitingParams({ cost10kPerSite: Math.max(0, Number(e.target.value) || 0) })} />
        </label>
        <span className="hint">{tr('siting.ui.reach', { reach: render(lang, distanceLabel(st.params)) })}</span>
      </div>
      <div className="siting-form">
        <span>{tr('siting.ui.candidates')}</span>
        <label>
          <input type="radio" checked={st.candidateMode === 'grid'} onChange={() => st.setCandidateMode('grid')} /> {tr('siting.ui.cand.grid')}{' '}
          <input type="number" min={50} className="short" value={st.gridSpacingM} onChange={(e) => st.setCandidateMode('grid', Math.max(50, Number(e.target.value) || 300))} /> {tr('siting.ui.metres')}
        </label>
        <label>
          <input type="radio" checked={st.candidateMode === 'click'} onChange={() => st.setCandidateMode('click')} /> {tr('siting.ui.cand.click', { n: st.clickCandidates.length })}
        </label>
        <button type="button" className={st.pickingCandidate ? 'active' : ''} onClick={() => st.setPickingCandidate(!st.pickingCandidate)} data-testid="siting-pick">
          {tr(st.pickingCandidate ? 'siting.ui.cand.picking' : 'siting.ui.cand.pick')}
        </button>
        <label>
          <input type="radio" checked={st.candidateMode === 'plot'} onChange={() => st.setCandidateMode('plot')} /> {tr('siting.ui.cand.plots', { n: st.plotCandidates.length })}
        </label>
        <input
          type="file"
          accept=".geojson,.json"
          aria-label={tr('siting.ui.cand.plotsFile')}
          onChange={async (e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (!f) return;
            try {
              st.setPlotCandidates(plotCandidatesFromGeoJson(JSON.parse(await f.text())));
            } catch (err) {
              st.setProjectMessage(m('siting.ui.cand.plotsUnreadable', { file: f.name, error: messageOfError(err) }));
            }
          }}
        />
        {st.clickCandidates.length || st.plotCandidates.length ? <button type="button" onClick={() => st.clearCandidates()}>{tr('siting.ui.cand.clear')}</button> : null}
        {running ? (
          <button type="button" onClick={() => st.cancelSiting()} data-testid="siting-cancel">{tr('shell.cancel')}</button>
        ) : (
          <button type="button" className="primary" onClick={() => st.runSiting()} data-testid="siting-run">{tr('siting.ui.run')}</button>
        )}
      </div>
      {basis ? (
        <p className="hint" data-testid="siting-basis">
          {tr('siting.ui.basis', { scenario: scenarioName({ name: basis.scenarioName }), basis: describeBasis(lang, st.planOpen ? (st.planResults[basis.scenarioId] ?? st.presentPlan!) : st.presentPlan!, basis.year) })}
        </p>
      ) : (
        <p className="hint">{tr('siting.ui.basis.map')}</p>
      )}
      {stale ? <p className="warn" data-testid="siting-stale">{tr('siting.ui.stale')}</p> : null}
      {st.sitingError ? <p className="error" role="alert">{render(lang, st.sitingError)}</p> : null}
      {st.sitingState === 'cancelled' ? <p className="hint">{tr('siting.ui.cancelled')}</p> : null}
      {st.sitingSummary ? (
        <p className="hint" data-testid="siting-summary">
          {summaryText(lang, st.sitingSummary)}
        </p>
      ) : null}
      {st.sitingHeuristic ? <AnswerLine a={st.sitingHeuristic} total={total} timeLimitS={p.timeLimitS} solving={running} /> : null}
      {running && st.sitingProgress ? <p className="hint">{tr('siting.ui.progress', { objective: formatInt(st.sitingProgress.objective), bound: formatInt(st.sitingProgress.bound), seconds: st.sitingProgress.seconds.toFixed(1) })}</p> : null}
      {st.sitingExact ? <AnswerLine a={st.sitingExact} total={total} timeLimitS={p.timeLimitS} /> : null}
      {answer && answer.sites.length > 0 ? (
        <p className="hint" data-testid="siting-cost">
          {tr(st.sitingNearby.length ? 'siting.ui.costNearby' : 'siting.ui.cost', { n: answer.sites.length, cost: formatMoney10k(totalCost, lang), near: st.sitingNearby.length })}
        </p>
      ) : null}
      {answer && answer.sites.length > 0 ? (
        <>
          <button
            type="button"
            className="primary"
            data-testid="siting-add"
            disabled={stale}
            onClick={() => {
              const ids = st.addSitesToPlan();
              if (ids.length > 0) st.setProjectMessage(m('siting.ui.added', { n: ids.length, ids: ids.join(tr('siting.ui.listSep')) }));
            }}
          >
            {tr('siting.ui.add', { n: answer.sites.length })}
          </button>
          <DataTable rows={rows} columns={cols} rowKey={(r) => r.id} testId="siting-table" exportName={tr('siting.ui.fileName')} />
        </>
      ) : null}
    </div>
  );
}
