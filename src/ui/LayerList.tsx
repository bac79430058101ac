import type { ReactNode } from 'react';
import { KG_TYPES, PLAN_KINDS, enumLabel } from '../data/schema';
import { MAX_CELL_SQUARES } from '../map/build-layers';
import { ESCALATION_RGBA, type EscalationLevel, type EscalationThresholds } from '../analysis/ledger/escalation';
import { DENSITY_STOPS, KG_TYPE_COLOR, PLAN_KIND_SYMBOL, STATUS_COLOR, rgbCss } from '../map/palette';
import { selectCurrentResult } from '../state/selectors';
import { useApp } from '../state/store';
import { WALK_BAND_RGBA, WALK_DETACHED_RGBA, WALK_NETWORK_RGBA } from '../map/walk-layers';
import type { MapLayerKey } from '../state/ui-slice';
import { msg, type Lang, type MessageKey } from '../i18n';


function Swatch({ color, hollow, dashed, symbol }: { color: string; hollow?: boolean; dashed?: boolean; symbol?: string }) {
  return (
    <span className={`swatch${hollow ? ' hollow' : ''}${dashed ? ' dashed' : ''}`} style={hollow ? { borderColor: color, color } : { background: color }}>
      {symbol}
    </span>
  );
}

function LayerRow({ k, label, children }: { k: MapLayerKey; label: MessageKey; children?: ReactNode }) {
  const on = useApp((s) => s.visible[k]);
  const toggle = useApp((s) => s.toggleLayer);
  const lang = useApp((s) => s.lang);
  return (
    <li className="layer-row">
      <label>
        <input type="checkbox" checked={on} onChange={() => toggle(k)} data-testid={`toggle-${k}`} />
        {msg(lang, label)}
      </label>
      {on && children ? <div className="legend">{children}</div> : null}
    </li>
  );
}

/** Legend text of an escalation level, from the thresholds in use. */
function overdueLegend(lv: Exclude<EscalationLevel, 'none'>, t: EscalationThresholds, lang: Lang): string {
  const values = { orange: t.orangeDays, redBefore: t.redDays - 1, red: t.redDays };
  if (lv === 'amber') return msg(lang, 'map.legend.overdueAmber', values);
  if (lv === 'orange') return msg(lang, 'map.legend.overdueOrange', values);
  return msg(lang, 'map.legend.overdueRed', values);
}

/** Layer list grouped 现状 / 规划 / 分析, a legend under each visible layer. */
export function LayerList() {
  const hasNetwork = useApp((s) => !!s.walkNetwork && s.params.distanceMode === 'walking');
  const networkGenerated = useApp((s) => !!s.walkNetwork?.generated);
  const walkingShown = useApp((s) => !!selectCurrentResult(s)?.walking);
  const radiusM = useApp((s) => s.params.radiusM);
  const lang = useApp((s) => s.lang);
  const populationRows = useApp((s) => s.layers.population.length);
  const orangeDays = useApp((s) => s.params.escalationOrangeDays);
  const redDays = useApp((s) => s.params.escalationRedDays);
  const escalation = { orangeDays, redDays };
  const typeLabel = (i: number) => enumLabel(lang, 'kindergartens', 'type', KG_TYPES[i]);
  return (
    <nav className="layer-list" aria-label={msg(lang, 'layers')}>
      <h4>{msg(lang, 'groupExisting')}</h4>
      <ul>
        <LayerRow k="kindergartens" label="layerKindergartens">
          {KG_TYPES.map((ty, i) => (
            <div key={ty}>
              <Swatch color={rgbCss(KG_TYPE_COLOR[ty])} /> {typeLabel(i)}
            </div>
          ))}
        </LayerRow>
        <LayerRow k="communities" label="layerCommunities">
          <div>
            <Swatch color={rgbCss(STATUS_COLOR.ok)} /> {msg(lang, 'legendOk')}
          </div>
          <div>
            <Swatch color={rgbCss(STATUS_COLOR.warn)} /> {msg(lang, 'legendWarn')}
          </div>
          <div>
            <Swatch color={rgbCss(STATUS_COLOR.bad)} /> {msg(lang, 'legendBad')}
          </div>
          <div>
            <Swatch color={rgbCss(STATUS_COLOR.neutral, 0.4)} /> {msg(lang, 'legendNotRequired')}
          </div>
        </LayerRow>
        <LayerRow k="population" label="layerPopulation">
          <div className="ramp">
            {DENSITY_STOPS.map((s) => (
              <span key={s.min} style={{ background: rgbCss(s.color) }} title={`≥${s.min}`}>
                {s.min}
              </span>
            ))}
          </div>
          <small>{msg(lang, 'residentsPerCell')}</small>
          {populationRows > MAX_CELL_SQUARES ? <small className="block">{msg(lang, 'populationBinned')}</small> : null}
        </LayerRow>
        <LayerRow k="childcare_centres" label="layerChildcare">
          <div>
            <Swatch color="rgb(233, 120, 160)" /> {msg(lang, 'legendChildcare')}
          </div>
        </LayerRow>
        <LayerRow k="admin_units" label="layerAdmin">
          <small>{msg(lang, 'generatedBoundary')}</small>
        </LayerRow>
      </ul>
      <h4>{msg(lang, 'groupPlanned')}</h4>
      <ul>
        <LayerRow k="plan_projects" label="layerPlan">
          {PLAN_KINDS.map((k, i) => (
            <div key={k}>
              <Swatch color={rgbCss(k === 'closure' ? STATUS_COLOR.neutral : KG_TYPE_COLOR.public)} hollow dashed symbol={msg(lang, PLAN_KIND_SYMBOL[k])} />{' '}
              {enumLabel(lang, 'plan_projects', 'kind', PLAN_KINDS[i])}
            </div>
          ))}
        </LayerRow>
      </ul>
      <h4>{msg(lang, 'groupAnalysis')}</h4>
      <ul>
        <LayerRow k="catchments" label="layerCatchments">
          {walkingShown ? <small>{msg(lang, 'map.legend.walkIsochrones')}</small> : null}
        </LayerRow>
        {hasNetwork ? (
          <LayerRow k="walk_network" label="layerWalkNetwork">
            <div>
              <Swatch color={rgbCss([WALK_NETWORK_RGBA[0], WALK_NETWORK_RGBA[1], WALK_NETWORK_RGBA[2]])} /> {msg(lang, 'map.legend.segments')}
            </div>
            <div>
              <Swatch color={rgbCss([WALK_DETACHED_RGBA[0], WALK_DETACHED_RGBA[1], WALK_DETACHED_RGBA[2]])} /> {msg(lang, 'map.legend.detached')}
            </div>
            {networkGenerated ? <small className="block">{msg(lang, 'map.legend.sampleNetwork')}</small> : null}
          </LayerRow>
        ) : null}
        {walkingShown ? (
          <LayerRow k="walk_nearest" label="layerWalkNearest">
            {WALK_BAND_RGBA.map((c, k) => (
              <div key={k}>
                <Swatch color={rgbCss([c[0], c[1], c[2]])} /> {msg(lang, 'map.legend.walkBand', { m: radiusM * 2 ** k })}
              </div>
            ))}
          </LayerRow>
        ) : null}
        <LayerRow k="kg_status" label="layerKgStatus">
          <div>
            <Swatch color={rgbCss(STATUS_COLOR.ok)} hollow /> {msg(lang, 'ragGreen')}
          </div>
          <div>
            <Swatch color={rgbCss(STATUS_COLOR.warn)} hollow /> {msg(lang, 'ragAmber')}
          </div>
          <div>
            <Swatch color={rgbCss(STATUS_COLOR.bad)} hollow /> {msg(lang, 'ragRed')}
          </div>
        </LayerRow>
        <LayerRow k="ledger_overdue" label="layerLedgerOverdue">
          {(['amber', 'orange', 'red'] as const).map((lv) => (
            <div key={lv}>
              <Swatch color={rgbCss([ESCALATION_RGBA[lv][0], ESCALATION_RGBA[lv][1], ESCALATION_RGBA[lv][2]])} hollow /> {overdueLegend(lv, escalation, lang)}
            </div>
          ))}
        </LayerRow>
        <LayerRow k="uncovered" label="layerUncovered">
          <div>
            <Swatch color={rgbCss(STATUS_COLOR.bad)} /> {msg(lang, 'layerUncovered')}
          </div>
        </LayerRow>
      </ul>
    </nav>
  );
}
