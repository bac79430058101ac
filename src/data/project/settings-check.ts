/**
 * Validation of a project's settings (file or saved state), with migration:
 * missing parameters are filled from the defaults (older versions lack them);
 * present but wrong values are refused with a Chinese message naming the field
 * path (e.g. settings.params.ruleTable.rules[0].min). Unknown keys are kept.
 */
import { defaultAnalysisParams, validateParams } from '../../analysis/params';
import type { AnalysisParams, IndicatorThresholds } from '../../analysis/types';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export interface CheckedSettings {
  params?: AnalysisParams;
  visible?: Record<string, boolean>;
  meta?: unknown;
  district?: unknown;
  plan?: unknown;
  [k: string]: unknown;
}

class Bad extends Error {}
const bad = (path: string, what: string): never => {
  throw new Bad(`${path} ${what}`);
};

function num(o: Obj, key: string, path: string, fallback: number): number {
  const v = o[key];
  if (v === undefined) return fallback;
  return isNum(v) ? v : bad(`${path}.${key}`, '应为数字');
}

function checkParams(raw: unknown, asOf: string): AnalysisParams {
  const d = defaultAnalysisParams(asOf);
  if (raw === undefined || raw === null) return d;
  if (!isObj(raw)) return bad('settings.params', '应为对象');
  const p = 'settings.params';
  const out: AnalysisParams = { ...d };
  out.radiusM = num(raw, 'radiusM', p, d.radiusM);
  out.handoverMonths = num(raw, 'handoverMonths', p, d.handoverMonths);
  out.escalationOrangeDays = num(raw, 'escalationOrangeDays', p, d.escalationOrangeDays);
  out.escalationRedDays = num(raw, 'escalationRedDays', p, d.escalationRedDays);
  out.nearestMaxM = num(raw, 'nearestMaxM', p, d.nearestMaxM);
  if (raw.decay !== undefined) out.decay = raw.decay === 'uniform' || raw.decay === 'gaussian' ? raw.decay : bad(`${p}.decay`, '应为 uniform 或 gaussian');
  if (raw.asOfDate !== undefined) out.asOfDate = typeof raw.asOfDate === 'string' ? raw.asOfDate : bad(`${p}.asOfDate`, '应为日期文本 YYYY-MM-DD');
  if (raw.statusThresholds !== undefined) {
    const t = isObj(raw.statusThresholds) ? raw.statusThresholds : bad(`${p}.statusThresholds`, '应为对象');
    out.statusThresholds = { green: num(t, 'green', `${p}.statusThresholds`, d.statusThresholds.green), amber: num(t, 'amber', `${p}.statusThresholds`, d.statusThresholds.amber) };
  }
  if (raw.indicatorThresholds !== undefined) {
    const t = isObj(raw.indicatorThresholds) ? raw.indicatorThresholds : bad(`${p}.indicatorThresholds`, '应为对象');
    const it = { ...d.indicatorThresholds };
    for (const k of Object.keys(it) as (keyof IndicatorThresholds)[]) it[k] = num(t, k, `${p}.indicatorThresholds`, it[k]);
    out.indicatorThresholds = it;
  }
  if (raw.ruleTable !== undefined) {
    const rp = `${p}.ruleTable`;
    const rt = isObj(raw.ruleTable) ? raw.ruleTable : bad(rp, '应为对象');
    if (rt.basis !== 'residents' && rt.basis !== 'households') bad(`${rp}.basis`, '应为 residents 或 households');
    if (!Array.isArray(rt.rules)) bad(`${rp}.rules`, '应为数组');
    const rules = (rt.rules as unknown[]).map((r, k) => {
      const q = `${rp}.rules[${k}]`;
      if (!isObj(r)) return bad(q, '应为对象');
      if (r.op !== '>=' && r.op !== '>') bad(`${q}.op`, '应为 ">=" 或 ">"');
      return { op: r.op as '>=' | '>', min: num(r, 'min', q, Number.NaN), classes: num(r, 'classes', q, Number.NaN), sourceZh: typeof r.sourceZh === 'string' ? r.sourceZh : '' };
    });
    rules.forEach((r, k) => {
      if (!Number.isFinite(r.min)) bad(`${rp}.rules[${k}].min`, '缺失');
      if (!Number.isFinite(r.classes)) bad(`${rp}.rules[${k}].classes`, '缺失');
    });
    out.ruleTable = {
      id: typeof rt.id === 'string' ? rt.id : 'custom',
      labelZh: typeof rt.labelZh === 'string' ? rt.labelZh : '自定义规则',
      basis: rt.basis as 'residents' | 'households',
      rules,
      sourceZh: typeof rt.sourceZh === 'string' ? rt.sourceZh : '',
      verified: rt.verified === true,
    };
  }
  const problems = validateParams(out);
  if (problems.length > 0) bad(p, `无效：${problems.join('；')}`);
  return out;
}

/**
 * Check and migrate settings. `asOf` is today's date (parameters saved without one use it).
 * Returns the settings to apply, or a message naming the field.
 */
export function checkSettings(raw: unknown, asOf: string): { settings: CheckedSettings } | { error: string } {
  try {
    if (raw === undefined || raw === null) return { settings: {} };
    if (!isObj(raw)) return bad('settings', '应为对象');
    const out: CheckedSettings = { ...raw };
    if (raw.params !== undefined) out.params = checkParams(raw.params, asOf);
    if (raw.visible !== undefined) {
      if (!isObj(raw.visible)) bad('settings.visible', '应为对象');
      const v: Record<string, boolean> = {};
      for (const [k, x] of Object.entries(raw.visible as Obj)) {
        if (typeof x !== 'boolean') bad(`settings.visible.${k}`, '应为 true 或 false');
        v[k] = x as boolean;
      }
      out.visible = v;
    }
    if (raw.meta !== undefined && raw.meta !== null) {
      const m = isObj(raw.meta) ? raw.meta : bad('settings.meta', '应为对象');
      if (m.name !== undefined && typeof m.name !== 'string') bad('settings.meta.name', '应为文本');
      if (m.generated !== undefined && !(Array.isArray(m.generated) && m.generated.every((g) => typeof g === 'string'))) bad('settings.meta.generated', '应为文本数组');
    }
    if (raw.district !== undefined && raw.district !== null) {
      const dd = isObj(raw.district) ? raw.district : bad('settings.district', '应为 GeoJSON 对象');
      if (dd.type !== 'FeatureCollection' || !Array.isArray(dd.features)) bad('settings.district', '应为 GeoJSON FeatureCollection');
      (dd.features as unknown[]).forEach((f, k) => {
        if (!isObj(f) || !isObj(f.geometry) || !Array.isArray((f.geometry as Obj).coordinates)) bad(`settings.district.features[${k}].geometry`, '无效');
      });
    }
    return { settings: out };
  } catch (e) {
    if (e instanceof Bad) return { error: e.message };
    throw e;
  }
}
