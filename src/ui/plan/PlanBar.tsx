import { useRef, useState } from 'react';
import { planYears } from '../../analysis/plan/run-plan';
import { downloadBytes, MIME } from '../../data/export/download';
import { selectCurrentPlan } from '../../state/selectors';
import { BASE_SCENARIO_ID } from '../../state/plan-slice';
import { useApp } from '../../state/store';
import { useT } from '../use-t';
import { DemandDialog } from './DemandDialog';
import { scenarioName } from '../../analysis/plan/present';
import { scenarioText } from '../messages';

/** Opens the plan (shown in the drawer's tab row, so it never covers a table). */
export function PlanOpenButton() {
  const tr = useT();
  const setOpen = useApp((s) => s.setPlanOpen);
  return (
    <button type="button" className="primary plan-open" onClick={() => setOpen(true)} data-testid="plan-open">
      {tr('plan.ui.open')}
    </button>
  );
}

/** Along the bottom when the plan is open: scenario, year slider 2025 … 2030, demand settings, run status. */
export function PlanBar() {
  const tr = useT();
  const lang = useApp((s) => s.lang);
  const open = useApp((s) => s.planOpen);
  const setOpen = useApp((s) => s.setPlanOpen);
  const year = useApp((s) => s.planYear);
  const setYear = useApp((s) => s.setPlanYear);
  const settings = useApp((s) => s.planSettings);
  const scenarios = useApp((s) => s.scenarios);
  const currentId = useApp((s) => s.currentScenarioId);
  const select = useApp((s) => s.selectScenario);
  const duplicate = useApp((s) => s.duplicateScenario);
  const rename = useApp((s) => s.renameScenario);
  const remove = useApp((s) => s.deleteScenario);
  const exportText = useApp((s) => s.exportScenarioText);
  const importText = useApp((s) => s.importScenarioText);
  const state = useApp((s) => s.planState);
  const progress = useApp((s) => s.planProgress);
  const error = useApp((s) => s.planError);
  const plan = useApp(selectCurrentPlan);
  const [demandOpen, setDemandOpen] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  if (!open) return null;
  const years = planYears(settings);
  const cur = scenarios.find((x) => x.id === currentId);
  const eventsOf = (y: number) => plan?.years.find((s) => s.year === y)?.events.length ?? 0;
  return (
    <div className="planbar" data-testid="planbar">
      <button type="button" onClick={() => setOpen(false)} title={tr('plan.ui.backTitle')}>
        {tr('plan.ui.back')}
      </button>
      <label className="scenario">
        {tr('plan.ui.scenario')}
        <select value={currentId} onChange={(e) => select(e.target.value)} data-testid="scenario-select">
          {scenarios.map((x) => (
            <option key={x.id} value={x.id}>
              {tr('plan.ui.scenarioOption', { name: scenarioName(x), count: x.projects.length })}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => duplicate(currentId)} data-testid="scenario-duplicate">{tr('plan.ui.duplicate')}</button>
      <button
        type="button"
        onClick={() => {
          const name = window.prompt(tr('plan.ui.renamePrompt'), scenarioText(lang, cur));
          if (name) rename(currentId, name);
        }}
      >
        {tr('plan.ui.rename')}
      </button>
      <button
        type="button"
        disabled={currentId === BASE_SCENARIO_ID}
        onClick={() => {
          if (window.confirm(tr('plan.ui.deleteConfirm', { name: scenarioName(cur) }))) remove(currentId);
        }}
      >
        {tr('plan.ui.delete')}
      </button>
      <button
        type="button"
        onClick={() => downloadBytes(`${scenarioText(lang, cur) || 'scenario'}.xwgh-scenario.json`, exportText(currentId), MIME.json)}
        data-testid="scenario-export"
      >
        {tr('plan.ui.exportScenario')}
      </button>
      <button type="button" onClick={() => fileRef.current?.click()}>{tr('plan.ui.importScenario')}</button>
      <input
        ref={fileRef}
        type="file"
        accept=".json"
        hidden
        data-testid="scenario-file"
        onChange={async (e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) importText(await f.text(), f.name);
        }}
      />
      <div className="year-slider" role="group" aria-label={tr('plan.ui.yearSlider')}>
        <input
          type="range"
          min={settings.baseYear}
          max={settings.endYear}
          step={1}
          value={year}
          onChange={(e) => setYear(Number(e.target.value))}
          data-testid="year-slider"
          aria-valuetext={`${year}`}
        />
        <div className="year-ticks">
          {years.map((y) => (
            <button key={y} type="button" className={y === year ? 'active' : ''} onClick={() => setYear(y)} data-testid={`year-${y}`}>
              {y === settings.baseYear ? tr('plan.ui.baseYearTick', { year: y }) : y}
              {eventsOf(y) > 0 ? <small> ·{eventsOf(y)}</small> : null}
            </button>
          ))}
        </div>
      </div>
      <button type="button" onClick={() => setDemandOpen(true)} data-testid="demand-settings">
        {tr('plan.ui.demandButton', { method: tr(`method.${settings.demand.method}`) })}
      </button>
      <span className="plan-status" data-testid="plan-status" data-state={state}>
        {state === 'running' ? tr('plan.ui.computingPct', { pct: Math.round(progress * 100) }) : state === 'error' ? tr('plan.ui.failed', { error: error ?? '' }) : ''}
      </span>
      {demandOpen ? <DemandDialog onClose={() => setDemandOpen(false)} /> : null}
    </div>
  );
}
