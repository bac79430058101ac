import { useMemo } from 'react';
import { checkProjectScale } from '../../analysis/plan/scale-checks';
import { effectiveYear } from '../../analysis/plan/supply-at';
import { KG_TYPES, PLAN_KINDS, PLAN_STATUSES, enumLabel, fieldLabel, type PlanProject } from '../../data/schema';
import { selectCurrentScenario } from '../../state/selectors';
import { useApp } from '../../state/store';
import { msgOf } from '../messages';
import { useT } from '../use-t';


type NumKey = 'start_year' | 'finish_year' | 'classes_after' | 'places_after' | 'tuo_ban_places_after' | 'land_area_m2' | 'building_area_m2' | 'cost_10k_yuan';
const NUM_COLS: [NumKey, number][] = [
  ['start_year', 62],
  ['finish_year', 62],
  ['classes_after', 46],
  ['places_after', 56],
  ['tuo_ban_places_after', 52],
  ['land_area_m2', 66],
  ['building_area_m2', 66],
  ['cost_10k_yuan', 62],
];

/** The plan projects of the current scenario, edited in place (every edit undoable); scale checks warn, never block. */
export function ProjectTable() {
  const lang = useApp((s) => s.lang);
  const tr = useT();
  const scenario = useApp(selectCurrentScenario);
  const update = useApp((s) => s.updateProject);
  const remove = useApp((s) => s.deleteProject);
  const duplicate = useApp((s) => s.duplicateProject);
  const undo = useApp((s) => s.undoPlan);
  const undoStack = useApp((s) => s.planUndo);
  const adding = useApp((s) => s.addingSite);
  const setAdding = useApp((s) => s.setAddingSite);
  const lag = useApp((s) => s.planSettings.openingLagYears);
  const endYear = useApp((s) => s.planSettings.endYear);
  const planWindow = useMemo(() => ({ endYear, openingLagYears: lag }), [endYear, lag]);
  const selected = useApp((s) => s.selected);
  const select = useApp((s) => s.select);
  const kgIds = useApp((s) => s.layers.kindergartens);
  const kgOptions = useMemo(() => kgIds.map((k) => k.id), [kgIds]);
  const projects = scenario?.projects ?? [];
  const label = (name: string) => fieldLabel(lang, 'plan_projects', name);
  const lastUndo = undoStack[undoStack.length - 1];
  return (
    <div className="table-wrap project-table" data-testid="project-table">
      <div className="table-tools">
        <button type="button" className={adding ? 'primary active' : 'primary'} onClick={() => setAdding(!adding)} data-testid="add-on-map">
          {tr(adding ? 'plan.ui.projects.adding' : 'plan.ui.projects.add')}
        </button>
        <button type="button" disabled={!lastUndo} onClick={undo} data-testid="plan-undo">
          {lastUndo ? tr('plan.ui.projects.undoWhat', { what: lastUndo.label }) : tr('plan.ui.projects.undo')}
        </button>
        <span className="hint">
          {tr('plan.ui.projects.hint', { count: projects.length, lag })}
        </span>
      </div>
      <table className="ledger editable">
        <thead>
          <tr>
            <th>{label('id')}</th>
            <th>{label('kind')}</th>
            <th>{label('name')}</th>
            <th>{label('kindergarten_id')}</th>
            {NUM_COLS.map(([k]) => (
              <th key={k}>{label(k)}</th>
            ))}
            <th>{label('type_after')}</th>
            <th>{label('responsible_unit')}</th>
            <th>{label('status')}</th>
            <th>{tr('plan.ui.projects.suppliesFrom')}</th>
            <th>{tr('plan.ui.projects.checks')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {projects.map((p) => {
            const warn = checkProjectScale(p, planWindow);
            const set = (patch: Partial<PlanProject>) => update(p.id, patch);
            return (
              <tr key={p.id} className={selected?.layer === 'plan_projects' && selected.id === p.id ? 'selected' : ''} data-testid={`project-${p.id}`} onClick={() => select({ layer: 'plan_projects', id: p.id })}>
                <td>{p.id}</td>
                <td>
                  <select value={p.kind} onChange={(e) => set({ kind: e.target.value as PlanProject['kind'] })}>
                    {PLAN_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {enumLabel(lang, 'plan_projects', 'kind', k)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input className="wide" value={p.name} onChange={(e) => set({ name: e.target.value })} />
                </td>
                <td>
                  <input list="kg-ids" value={p.kindergarten_id ?? ''} size={7} onChange={(e) => set({ kindergarten_id: e.target.value || null })} />
                </td>
                {NUM_COLS.map(([k, w]) => (
                  <td key={k}>
                    <input
                      type="number"
                      style={{ width: w }}
                      value={p[k] ?? ''}
                      data-testid={`project-${p.id}-${k}`}
                      onChange={(e) => {
                        const v = e.target.value === '' ? null : Number(e.target.value);
                        if (v !== null && !Number.isFinite(v)) return;
                        set({ [k]: k === 'start_year' || k === 'finish_year' || k === 'classes_after' || k === 'places_after' ? (v ?? 0) : v } as Partial<PlanProject>);
                      }}
                    />
                  </td>
                ))}
                <td>
                  <select value={p.type_after ?? ''} onChange={(e) => set({ type_after: (e.target.value || null) as PlanProject['type_after'] })}>
                    <option value="">—</option>
                    {KG_TYPES.map((k) => (
                      <option key={k} value={k}>
                        {enumLabel(lang, 'plan_projects', 'type_after', k)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input value={p.responsible_unit ?? ''} size={8} onChange={(e) => set({ responsible_unit: e.target.value || null })} />
                </td>
                <td>
                  <select value={p.status} onChange={(e) => set({ status: e.target.value as PlanProject['status'] })}>
                    {PLAN_STATUSES.map((k) => (
                      <option key={k} value={k}>
                        {enumLabel(lang, 'plan_projects', 'status', k)}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="num">{effectiveYear(p, lag)}</td>
                <td className={warn.length ? 'warn-cell' : 'ok-cell'} title={warn.map((m) => msgOf(lang, m)).join('\n')}>
                  {warn.length ? `⚠ ${warn.map((m) => msgOf(lang, m)).join(tr('shell.semicolon'))}` : '✓'}
                </td>
                <td className="actions">
                  <button type="button" className="link" onClick={(e) => (e.stopPropagation(), duplicate(p.id))}>
                    {tr('plan.ui.projects.copy')}
                  </button>
                  <button type="button" className="link danger" onClick={(e) => (e.stopPropagation(), remove(p.id))} data-testid={`project-${p.id}-delete`}>
                    {tr('plan.ui.delete')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <datalist id="kg-ids">
        {kgOptions.map((id) => (
          <option key={id} value={id} />
        ))}
      </datalist>
    </div>
  );
}
