import { useEffect, useMemo } from 'react';
import { distanceLabel } from '../../analysis/params';
import { render } from '../../i18n';
import { plotCandidatesFromGeoJson } from '../../analysis/siting/plot-candidates';
import type { ChosenSite, SitingAnswer } from '../../analysis/siting/siting-types';
import { useApp } from '../../state/store';
import { DataTable, type Column } from '../DataTable';
import { formatInt, formatMoney10k, formatPct } from '../format';
import { describeBasis } from '../messages';
import { selectCurrentResult } from '../../state/selectors';
import type { NearbyFlag } from '../../analysis/siting/site-checks';

function AnswerLine({ a, total, zh, solving = false }: { a: SitingAnswer; total: number; zh: boolean; solving?: boolean }) {
  const share = (x: number) => (total > 0 ? formatPct(x / total) : '—');
  const objective = a.goal === 'lscp' ? `${formatInt(a.objective)} ${zh ? '所' : 'sites'}` : `${formatInt(a.objective)} ${zh ? '人' : 'children'}`;
  const exact = a.method === 'exact';
  return (
    <p className={`siting-answer ${a.method}`} data-testid={`siting-${a.method}`} data-objective={a.objective} data-after={a.servedAfter} data-proved={a.provedOptimal ? '1' : '0'}>
      <b>{exact ? (zh ? '精确结果' : 'Exact') : zh ? '即时结果' : 'Instant'}</b>（{(a.ms / 1000).toFixed(2)} {zh ? '秒' : 's'}）：{objective}；
      {zh ? '覆盖幼儿 ' : 'covered '}
      {formatInt(a.servedBefore)}（{share(a.servedBefore)}）→ <b>{formatInt(a.servedAfter)}</b>（{share(a.servedAfter)}）；
      <span className={a.provedOptimal ? 'ok' : 'warn'}>
        {exact ? (a.provedOptimal ? (zh ? '已证明最优' : 'proved optimal') : `${render(zh ? 'zh' : 'en', a.status)}${Number.isFinite(a.gap) ? `，${zh ? '距上界差距' : 'gap'} ${(a.gap * 100).toFixed(2)}%` : ''}`) : zh ? `启发式（贪心 + 交换）${solving ? '，正在求精确解…' : ''}` : `heuristic${solving ? '; solving exactly…' : ''}`}
      </span>
    </p>
  );
}

/** 选址: candidates, goal, radius / p / scale / capacity / budget; instant then exact answer; add to the plan. */
export function SitingPanel() {
  const lang = useApp((s) => s.lang);
  const zh = lang === 'zh';
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
      { key: 'rank', label: zh ? '序号' : '#', num: true, value: (r) => r.rank },
      { key: 'name', label: zh ? '候选点' : 'Candidate', value: (r) => r.name },
      { key: 'lon', label: zh ? '经度' : 'Lon', num: true, value: (r) => Math.round(r.lon * 1e6) / 1e6 },
      { key: 'lat', label: zh ? '纬度' : 'Lat', num: true, value: (r) => Math.round(r.lat * 1e6) / 1e6 },
      { key: 'served', label: zh ? '新增服务幼儿' : 'Newly served', num: true, value: (r) => Math.round(r.newlyServed), render: (r) => formatInt(r.newlyServed) },
      { key: 'places', label: zh ? '学位' : 'Places', num: true, value: (r) => r.places, render: (r) => formatInt(r.places) },
      {
        key: 'near',
        label: zh ? '附近现有/规划园' : 'Nearby kindergarten',
        value: (r) => (r.near ? `${r.near.nearestName} ${Math.round(r.near.distanceM)}` : ''),
        render: (r) =>
          r.near ? (
            <span className="warn" title={zh ? '在其服务半径内：新园与之服务范围大部分重叠' : 'within its radius: catchments overlap'}>
              ⚠ {r.near.nearestName}（{r.near.kind === 'existing' ? (zh ? '现有' : 'existing') : zh ? '规划' : 'planned'}，{Math.round(r.near.distanceM)} {zh ? '米' : 'm'}）
            </span>
          ) : (
            ''
          ),
      },
    ],
    [zh],
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
          {zh ? '目标' : 'Goal'}{' '}
          <select value={p.goal} onChange={(e) => st.setSitingParams({ goal: e.target.value as 'mclp' | 'lscp' })} data-testid="siting-goal">
            <option value="mclp">{zh ? '新建 p 所，覆盖最多未覆盖幼儿（MCLP）' : 'p sites covering most children (MCLP)'}</option>
            <option value="lscp">{zh ? '最少园数覆盖全部幼儿（LSCP）' : 'fewest sites covering all (LSCP)'}</option>
          </select>
        </label>
        {p.goal === 'mclp' ? (
          <label>
            p <input type="number" min={1} max={200} value={p.p} onChange={(e) => st.setSitingParams({ p: Math.max(1, Math.round(Number(e.target.value) || 1)) })} data-testid="siting-p" className="short" />
          </label>
        ) : null}
        <label>
          {zh ? '规模' : 'Scale'}{' '}
          <select value={p.classes} onChange={(e) => st.setSitingParams({ classes: Number(e.target.value) as 6 | 9 | 12 })}>
            {[6, 9, 12].map((c) => (
              <option key={c} value={c}>{c} {zh ? `班（${c * 30} 个学位）` : `classes (${c * 30})`}</option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={p.capacity} onChange={(e) => st.setSitingParams({ capacity: e.target.checked })} data-testid="siting-capacity" /> {zh ? '按学位计覆盖（现有园空余学位优先）' : 'capacity-aware'}
        </label>
        <label>
          {zh ? '预算（万元）' : 'Budget (10k yuan)'} <input type="number" min={0} className="short" value={p.budget10k ?? ''} placeholder={zh ? '不限' : 'none'} onChange={(e) => st.setSitingParams({ budget10k: e.target.value === '' ? null : Math.max(0, Number(e.target.value)) })} />
        </label>
        <label>
          {zh ? '每所造价（万元）' : 'Cost per site'} <input type="number" min={0} className="short" value={p.cost10kPerSite} onChange={(e) => st.setSitingParams({ cost10kPerSite: Math.max(0, Number(e.target.value) || 0) })} />
        </label>
        <span className="hint">{zh ? `服务半径：${render('zh', distanceLabel(st.params))}（左侧“分析”中修改）` : `reach: ${render('en', distanceLabel(st.params))}`}</span>
      </div>
      <div className="siting-form">
        <span>{zh ? '候选点：' : 'Candidates: '}</span>
        <label>
          <input type="radio" checked={st.candidateMode === 'grid'} onChange={() => st.setCandidateMode('grid')} /> {zh ? '人口网格，间距' : 'grid, spacing'}{' '}
          <input type="number" min={50} className="short" value={st.gridSpacingM} onChange={(e) => st.setCandidateMode('grid', Math.max(50, Number(e.target.value) || 300))} /> {zh ? '米' : 'm'}
        </label>
        <label>
          <input type="radio" checked={st.candidateMode === 'click'} onChange={() => st.setCandidateMode('click')} /> {zh ? `地图点选（${st.clickCandidates.length} 个）` : `clicked (${st.clickCandidates.length})`}
        </label>
        <button type="button" className={st.pickingCandidate ? 'active' : ''} onClick={() => st.setPickingCandidate(!st.pickingCandidate)} data-testid="siting-pick">
          {st.pickingCandidate ? (zh ? '点选中…（再点结束）' : 'picking… (click to stop)') : zh ? '在地图上点选' : 'Pick on map'}
        </button>
        <label>
          <input type="radio" checked={st.candidateMode === 'plot'} onChange={() => st.setCandidateMode('plot')} /> {zh ? `教育用地（${st.plotCandidates.length} 块）` : `plots (${st.plotCandidates.length})`}
        </label>
        <input
          type="file"
          accept=".geojson,.json"
          aria-label={zh ? '导入教育用地 GeoJSON' : 'Import plots GeoJSON'}
          onChange={async (e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (!f) return;
            try {
              st.setPlotCandidates(plotCandidatesFromGeoJson(JSON.parse(await f.text())));
            } catch (err) {
              st.setProjectMessage(zh ? `教育用地文件“${f.name}”无法读取：${(err as Error).message}` : `Cannot read ${f.name}`);
            }
          }}
        />
        {st.clickCandidates.length || st.plotCandidates.length ? <button type="button" onClick={() => st.clearCandidates()}>{zh ? '清除候选点' : 'Clear'}</button> : null}
        {running ? (
          <button type="button" onClick={() => st.cancelSiting()} data-testid="siting-cancel">{zh ? '取消' : 'Cancel'}</button>
        ) : (
          <button type="button" className="primary" onClick={() => st.runSiting()} data-testid="siting-run">{zh ? '开始选址' : 'Run'}</button>
        )}
      </div>
      {basis ? (
        <p className="hint" data-testid="siting-basis">
          {zh ? '选址依据：' : 'Based on: '}
          {basis.scenarioName} · {describeBasis(lang, st.planOpen ? (st.planResults[basis.scenarioId] ?? st.presentPlan!) : st.presentPlan!, basis.year)}
          {zh ? '（需求与供给均为该年份，含已规划项目）' : ' (demand and supply of that year, planned projects included)'}
        </p>
      ) : (
        <p className="hint">{zh ? '选址按地图当前显示的年份与方案计算（打开十五五规划可选年份）' : 'Siting uses the year and scenario on the map'}</p>
      )}
      {stale ? <p className="warn" data-testid="siting-stale">{zh ? '数据、方案或年份已变化：结果已过期，请重新选址' : 'Inputs changed: run again'}</p> : null}
      {st.sitingError ? <p className="error" role="alert">{render(zh ? 'zh' : 'en', st.sitingError)}</p> : null}
      {st.sitingState === 'cancelled' ? <p className="hint">{zh ? '已取消（保留即时结果）' : 'Cancelled'}</p> : null}
      {st.sitingSummary ? (
        <p className="hint" data-testid="siting-summary">
          {zh
            ? `3–5 岁幼儿 ${formatInt(total)}，现有园服务半径内 ${formatInt(st.sitingSummary.coveredByExisting)}，任何候选点都达不到 ${formatInt(st.sitingSummary.unreachable)}（${st.sitingSummary.unreachableCells.length} 个网格）；候选点 ${st.sitingSummary.nCandidates} 个${st.sitingSummary.dropped.length ? `，剔除 ${st.sitingSummary.dropped.length} 个（${st.sitingSummary.dropped.slice(0, 3).map((d) => `${d.name}：${render('zh', d.reason)}`).join('；')}${st.sitingSummary.dropped.length > 3 ? '…' : ''}）` : ''}`
            : `${formatInt(total)} children; ${formatInt(st.sitingSummary.coveredByExisting)} covered now; ${formatInt(st.sitingSummary.unreachable)} unreachable; ${st.sitingSummary.nCandidates} candidates`}
        </p>
      ) : null}
      {st.sitingHeuristic ? <AnswerLine a={st.sitingHeuristic} total={total} zh={zh} solving={running} /> : null}
      {running && st.sitingProgress ? <p className="hint">{zh ? `精确求解中：当前 ${formatInt(st.sitingProgress.objective)}，上界 ${formatInt(st.sitingProgress.bound)}，${st.sitingProgress.seconds.toFixed(1)} 秒` : 'solving…'}</p> : null}
      {st.sitingExact ? <AnswerLine a={st.sitingExact} total={total} zh={zh} /> : null}
      {answer && answer.sites.length > 0 ? (
        <p className="hint" data-testid="siting-cost">
          {zh ? `${answer.sites.length} 所新园总造价 ${formatMoney10k(totalCost)}` : `${answer.sites.length} sites, total cost ${formatMoney10k(totalCost, 'en')}`}
          {st.sitingNearby.length ? (zh ? `；${st.sitingNearby.length} 处在现有或规划幼儿园的服务半径内（表中 ⚠）` : `; ${st.sitingNearby.length} within the radius of an existing or planned kindergarten`) : ''}
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
              if (ids.length > 0) st.setProjectMessage(zh ? `已将 ${ids.length} 处选址作为新建项目加入当前规划方案（${ids.join('、')}）` : `Added ${ids.length} new builds to the plan`);
            }}
          >
            {zh ? `将 ${answer.sites.length} 处选址加入规划方案（新建）` : `Add ${answer.sites.length} sites to the plan`}
          </button>
          <DataTable rows={rows} columns={cols} rowKey={(r) => r.id} testId="siting-table" exportName={zh ? '选址结果' : 'siting'} />
        </>
      ) : null}
    </div>
  );
}
