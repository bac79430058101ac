import { useRef } from 'react';
import { DEFAULT_WALK_SPEED_KMH, walkMinutes } from '../analysis/params';
import type { DistanceMode } from '../analysis/reach';
import { useApp } from '../state/store';
import { render } from '../i18n';
import { ParamSource } from './ParamSource';
import { formatInt } from './format';
import { useT } from './use-t';
import { scenarioName } from '../analysis/plan/present';


/** 距离: 直线 / 步行路网, walking speed, the network in use (with its disconnected pieces) and its import. */
export function DistanceControls() {
  const params = useApp((s) => s.params);
  const setParams = useApp((s) => s.setParams);
  const setDistanceMode = useApp((s) => s.setDistanceMode);
  const net = useApp((s) => s.walkNetwork);
  const loading = useApp((s) => s.networkLoading);
  const error = useApp((s) => s.networkError);
  const importNet = useApp((s) => s.importWalkNetwork);
  const visible = useApp((s) => s.visible);
  const toggleLayer = useApp((s) => s.toggleLayer);
  const tr = useT();
  const lang = useApp((s) => s.lang);
  const file = useRef<HTMLInputElement>(null);
  const mode: DistanceMode = params.distanceMode ?? 'straight';
  const speed = params.walkSpeedKmh ?? DEFAULT_WALK_SPEED_KMH;
  const st = net?.graph.stats;
  return (
    <div className="distance-controls" data-testid="distance-controls">
      <label className="field">
        <span>{tr('shell.dist.label')}</span>
        <select
          data-testid="distance-select"
          value={mode}
          disabled={loading}
          onChange={(e) => {
            void setDistanceMode(e.target.value as DistanceMode).then(() => {
              if (e.target.value === 'walking' && !visible.catchments && !visible.uncovered) toggleLayer('catchments', true);
            });
          }}
        >
          <option value="straight">{tr('shell.dist.straight')}</option>
          <option value="walking">{tr('shell.dist.walking')}</option>
        </select>
      </label>
      <ParamSource k="distanceMode" />
      {mode === 'walking' ? (
        <>
          <label className="field">
            <span>{tr('shell.dist.speed')}</span>
            <input
              type="number"
              min={1}
              max={10}
              step={0.5}
              value={speed}
              data-testid="walk-speed"
              onChange={(e) => {
                const v = Number(e.target.value);
                if (v >= 1 && v <= 10) setParams({ walkSpeedKmh: v });
              }}
            />
          </label>
          <div className="hint" data-testid="walk-minutes">
            {tr('shell.dist.minutes', { radius: params.radiusM, minutes: walkMinutes(params.radiusM, speed).toFixed(1) })}
          </div>
          <ParamSource k="walkSpeedKmh" />
        </>
      ) : null}
      {mode === 'walking' && net ? <NetworkEditsPanel /> : null}
      {net && st ? (
        <div className="hint" data-testid="walk-network-info">
          {tr('shell.dist.network', { name: net.generated ? tr('shell.dist.sampleNetwork') : net.nameZh, edges: formatInt(st.edges), km: (st.lengthM / 1000).toFixed(0), parts: st.components })}
          {net.notes.map((n) => (
            <div key={render(lang, n)} className={n.key === 'state.network.components' ? 'warn' : undefined}>
              {render(lang, n)}
            </div>
          ))}
        </div>
      ) : null}
      <button type="button" className="params-button" disabled={loading} onClick={() => file.current?.click()}>
        {tr('shell.dist.import')}
      </button>
      <input
        ref={file}
        type="file"
        hidden
        accept=".geojson,.json,.zip,.shp"
        data-testid="walk-network-input"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void importNet(f);
          e.target.value = '';
        }}
      />
      {loading ? <div className="hint">{tr('shell.dist.reading')}</div> : null}
      {error ? (
        <div className="error" data-testid="walk-network-error">
          {render(lang, error)}
        </div>
      ) : null}
    </div>
  );
}

/** Network edits of the current scenario: a new path / bridge (two clicks on the map), a closed segment (one click). */
function NetworkEditsPanel() {
  const tr = useT();
  const scenario = useApp((s) => s.scenarios.find((x) => x.id === s.currentScenarioId));
  const tool = useApp((s) => s.networkTool);
  const start = useApp((s) => s.networkPathStart);
  const setTool = useApp((s) => s.setNetworkTool);
  const remove = useApp((s) => s.removeNetworkEdit);
  const edits = scenario?.networkEdits ?? [];
  return (
    <div className="network-edits" data-testid="network-edits">
      <div className="hint">
        {tr('shell.net.edits', { name: scenarioName(scenario) })}
      </div>
      <button type="button" className={tool === 'add' ? 'active' : undefined} data-testid="network-add" onClick={() => setTool(tool === 'add' ? 'none' : 'add')}>
        {tr(tool === 'add' ? (start ? 'shell.net.clickEnd' : 'shell.net.clickStart') : 'shell.net.add')}
      </button>{' '}
      <button type="button" className={tool === 'close' ? 'active' : undefined} data-testid="network-close" onClick={() => setTool(tool === 'close' ? 'none' : 'close')}>
        {tr(tool === 'close' ? 'shell.net.clickSegment' : 'shell.net.close')}
      </button>
      {edits.length ? (
        <ul className="network-edit-list">
          {edits.map((e) => (
            <li key={e.id}>
              {e.nameZh}{' '}
              <button type="button" className="link" onClick={() => remove(e.id)} aria-label={tr('shell.net.remove')}>
                {tr('shell.net.remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
