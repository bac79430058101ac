/** What the DOM markers show: 街道 names and plan-project symbols (hollow, dashed, in the colour they will have). */
import type { AdminUnit, PlanProject } from '../data/schema';
import type { Hovered, Picked } from '../state/ui-slice';
import { msg, type Lang } from '../i18n';
import type { MarkerSpec } from './dom-markers';
import { KG_TYPE_COLOR, PLAN_KIND_SYMBOL, STATUS_COLOR, rgbCss } from './palette';

/** Names are proper nouns: shown in Chinese in both languages. */
export function streetLabelSpecs(units: AdminUnit[]): MarkerSpec[] {
  return units.map((u) => ({
    key: `admin-${u.code}`,
    lon: u.lon,
    lat: u.lat,
    text: u.name,
    className: 'map-label',
  }));
}

export function planSymbolSpecs(
  projects: PlanProject[],
  select: (p: Picked) => void,
  hover: (h: Hovered | null) => void,
  lang: Lang,
): MarkerSpec[] {
  return projects.map((p) => ({
    key: `plan-${p.id}`,
    lon: p.lon,
    lat: p.lat,
    text: msg(lang, PLAN_KIND_SYMBOL[p.kind]),
    className: `plan-symbol plan-${p.kind}`,
    vars: { '--c': rgbCss(p.kind === 'closure' ? STATUS_COLOR.neutral : KG_TYPE_COLOR[p.type_after ?? 'public']) },
    onClick: () => select({ layer: 'plan_projects', id: p.id }),
    onEnter: (x, y) => hover({ layer: 'plan_projects', id: p.id, x, y }),
    onLeave: () => hover(null),
  }));
}
