import { useRef } from 'react';
import { DEFAULT_WALK_SPEED_KMH, walkMinutes } from '../analysis/params';
import type { DistanceMode } from '../analysis/reach';
import { useApp } from '../state/store';
import { render } from '../i18n';
import { ParamSource } from './ParamSource';


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
  const zh = useApp((s) => s.lang) === 'zh';
  const file = useRef<HTMLInputElement>(null);
  const mode: DistanceMode = params.distanceMode ?? 'straight';
  const speed = params.walkSpeedKmh ?? DEFAULT_WALK_SPEED_KMH;
  const st = net?.graph.stats;
  return (
    <div className="distance-controls" data-testid="distance-controls">
      <label className="field">
        <span>{zh ? '距离' : 'Distance'}</span>
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
          <option value="straight">{zh ? '直线' : 'Straight line'}</option>
          <option value="walking">{zh ? '步行路网' : 'Walking network'}</option>
        </select>
      </label>
      <ParamSource k="distanceMode" />
      {mode === 'walking' ? (
        <>
          <label className="field">
            <span>{zh ? '步行速度（km/h）' : 'Walking speed (km/h)'}</span>
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
            {zh
              ? `${params.radiusM} 米步行约 ${walkMinutes(params.radiusM, speed).toFixed(1)} 分钟`
              : `${params.radiusM} m ≈ ${walkMinutes(params.radiusM, speed).toFixed(1)} min on foot`}
          </div>
          <ParamSource k="walkSpeedKmh" />
        </>
      ) : null}
      {mode === 'walking' && net ? <NetworkEditsPanel /> : null}
      {net && st ? (
        <div className="hint" data-testid="walk-network-info">
          {zh ? '路网：' : 'Network: '}
          {net.nameZh}
          {zh
            ? `，${st.edges.toLocaleString('zh-CN')} 段、${(st.lengthM / 1000).toFixed(0)} 公里，${st.components} 个连通部分`
            : `, ${st.edges} segments, ${(st.lengthM / 1000).toFixed(0)} km, ${st.components} connected parts`}
          {net.notes.map((n) => render(zh ? 'zh' : 'en', n)).map((n) => (
            <div key={n} className={n.includes('互不连通') ? 'warn' : undefined}>
              {n}
            </div>
          ))}
        </div>
      ) : null}
      <button type="button" className="params-button" disabled={loading} onClick={() => file.current?.click()}>
        {zh ? '导入步行路网…（GeoJSON / Shapefile）' : 'Import walking network… (GeoJSON / Shapefile)'}
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
      {loading ? <div className="hint">{zh ? '正在读取路网…' : 'Reading the network…'}</div> : null}
      {error ? (
        <div className="error" data-testid="walk-network-error">
          {render(zh ? 'zh' : 'en', error)}
        </div>
      ) : null}
    </div>
  );
}

/** Network edits of the current scenario: a new path / bridge (two clicks on the map), a closed segment (one click). */
function NetworkEditsPanel() {
  const zh = useApp((s) => s.lang) === 'zh';
  const scenario = useApp((s) => s.scenarios.find((x) => x.id === s.currentScenarioId));
  const tool = useApp((s) => s.networkTool);
  const start = useApp((s) => s.networkPathStart);
  const setTool = useApp((s) => s.setNetworkTool);
  const remove = useApp((s) => s.removeNetworkEdit);
  const edits = scenario?.networkEdits ?? [];
  return (
    <div className="network-edits" data-testid="network-edits">
      <div className="hint">
        {zh ? `路网修改（方案“${scenario?.name ?? ''}”）：` : `Network edits (scenario "${scenario?.name ?? ''}"): `}
      </div>
      <button type="button" className={tool === 'add' ? 'active' : undefined} data-testid="network-add" onClick={() => setTool(tool === 'add' ? 'none' : 'add')}>
        {tool === 'add' ? (start ? (zh ? '点击终点…' : 'Click the end…') : zh ? '点击起点…' : 'Click the start…') : zh ? '＋ 新建步行道/桥' : '+ New path / bridge'}
      </button>{' '}
      <button type="button" className={tool === 'close' ? 'active' : undefined} data-testid="network-close" onClick={() => setTool(tool === 'close' ? 'none' : 'close')}>
        {tool === 'close' ? (zh ? '点击要关闭的路段…' : 'Click the segment…') : zh ? '✕ 关闭路段' : '✕ Close a segment'}
      </button>
      {edits.length ? (
        <ul className="network-edit-list">
          {edits.map((e) => (
            <li key={e.id}>
              {e.nameZh}{' '}
              <button type="button" className="link" onClick={() => remove(e.id)} aria-label={zh ? '删除' : 'Remove'}>
                {zh ? '删除' : 'remove'}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
