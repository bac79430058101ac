import { useState } from 'react';
import { ALTERNATIVE_RADIUS_M, RULE_TABLES, ruleTableLabel } from '../analysis/params';
import { render } from '../i18n';
import { useApp } from '../state/store';
import { ParamSource } from './ParamSource';
import { DistanceControls } from './DistanceControls';
import { ParamsDialog } from './ParamsDialog';
import { useT } from './use-t';


/** Service radius, decay form and 配套园 rule table, each with its source; progress and cancel. */
export function AnalysisControls() {
  const params = useApp((s) => s.params);
  const setParams = useApp((s) => s.setParams);
  const state = useApp((s) => s.analysisState);
  const progress = useApp((s) => s.progress);
  const stage = useApp((s) => s.stage);
  const cancel = useApp((s) => s.cancelAnalysis);
  const error = useApp((s) => s.analysisError);
  const tr = useT();
  const lang = useApp((s) => s.lang);
  const preset = params.radiusM === 300 || params.radiusM === ALTERNATIVE_RADIUS_M;
  const [custom, setCustom] = useState(preset ? '' : String(params.radiusM));
  const [showParams, setShowParams] = useState(false);
  const toggleLayer = useApp((s) => s.toggleLayer);
  const visible = useApp((s) => s.visible);
  // a planner who changes the radius wants to see it: show the catchments unless a result layer is already on
  const setRadius = (radiusM: number): void => {
    setParams({ radiusM });
    if (!visible.catchments && !visible.uncovered) toggleLayer('catchments', true);
  };
  return (
    <div className="analysis-controls" data-testid="analysis-controls">
      <label className="field">
        <span>{tr('shell.analysis.radius')}</span>
        <select
          data-testid="radius-select"
          value={preset ? String(params.radiusM) : 'custom'}
          onChange={(e) => {
            if (e.target.value !== 'custom') setRadius(Number(e.target.value));
            else setCustom(String(params.radiusM));
          }}
        >
          <option value="300">{tr('shell.analysis.radiusDefault')}</option>
          <option value={String(ALTERNATIVE_RADIUS_M)}>{tr('shell.unit.m', { n: ALTERNATIVE_RADIUS_M })}</option>
          <option value="custom">{tr('shell.analysis.custom')}</option>
        </select>
      </label>
      {!preset || custom ? (
        <label className="field">
          <span>{tr('shell.analysis.radiusM')}</span>
          <input
            type="number"
            min={50}
            max={5000}
            step={50}
            value={custom || params.radiusM}
            data-testid="radius-input"
            onChange={(e) => setCustom(e.target.value)}
            onBlur={() => {
              const v = Number(custom);
              if (v >= 50 && v <= 5000) setRadius(v);
            }}
          />
        </label>
      ) : null}
      <ParamSource k="radiusM" />
      <DistanceControls />
      <label className="field">
        <span>{tr('shell.analysis.decay')}</span>
        <select value={params.decay} onChange={(e) => setParams({ decay: e.target.value as 'uniform' | 'gaussian' })}>
          <option value="gaussian">{tr('shell.analysis.gaussian')}</option>
          <option value="uniform">{tr('shell.analysis.uniform')}</option>
        </select>
      </label>
      <label className="field">
        <span>{tr('shell.analysis.rule')}</span>
        <select
          value={params.ruleTable.id}
          onChange={(e) => {
            const rt = RULE_TABLES.find((r) => r.id === e.target.value);
            if (rt) setParams({ ruleTable: structuredClone(rt) });
          }}
        >
          {RULE_TABLES.map((r) => (
            <option key={r.id} value={r.id}>
              {render(lang, ruleTableLabel(r))}
            </option>
          ))}
        </select>
      </label>
      <ParamSource k="ruleTable" />
      <label className="field">
        <span>{tr('shell.analysis.handover')}</span>
        <input
          type="number"
          min={0}
          max={60}
          value={params.handoverMonths}
          onChange={(e) => {
            const v = Number(e.target.value);
            if (v >= 0 && v <= 60) setParams({ handoverMonths: v });
          }}
        />
      </label>
      <ParamSource k="handoverMonths" />
      <button type="button" className="params-button" onClick={() => setShowParams(true)} data-testid="params-button">
        {tr('shell.analysis.allParams')}
      </button>
      {showParams ? <ParamsDialog onClose={() => setShowParams(false)} /> : null}
      {state === 'running' ? (
        <div className="progress" data-testid="analysis-progress">
          <progress value={progress} max={1} /> <span>{stage ? render(lang, stage) : ''}</span>
          <button type="button" onClick={cancel}>
            {tr('shell.cancel')}
          </button>
        </div>
      ) : null}
      {state === 'error' ? <div className="error">{error ? render(lang, error) : ''}</div> : null}
    </div>
  );
}
