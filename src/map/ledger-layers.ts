/**
 * The 配套园 ledger on the map: community names (a deck.gl TextLayer drawn with the
 * browser's CJK fonts — its character set is built from the names) and the overdue
 * communities ringed in their escalation colour (amber / orange / red).
 */
import { PathLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import { DEFAULT_ESCALATION, ESCALATION_RGBA, escalationLevel, type EscalationThresholds } from '../analysis/ledger/escalation';
import type { CommunityGapRow } from '../analysis/types';
import type { Community } from '../data/schema';
import type { OverdueMark } from '../state/map-overlay';
import { ringsOf } from './geometry';

export type { OverdueMark } from '../state/map-overlay';

/** Community names are drawn from this zoom on (below it they would pile up). */
export const LABEL_MIN_ZOOM = 13.5;

/** Font stack users have (ui-guide); no web font is shipped. */
export const LABEL_FONT = 'system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';

/** The overdue rows of the ledger result, placed on their communities (rows without a community row or coordinates are skipped). */
export function overdueMarks(
  communities: Community[],
  gapRows: CommunityGapRow[],
  thresholds: EscalationThresholds = DEFAULT_ESCALATION,
): OverdueMark[] {
  const byId = new Map(communities.map((c) => [c.id, c]));
  const out: OverdueMark[] = [];
  for (const g of gapRows) {
    if (!g.overdue) continue;
    const level = escalationLevel(g.daysOverdue, thresholds);
    const c = byId.get(g.communityId);
    if (level === 'none' || !c || !Number.isFinite(c.lon) || !Number.isFinite(c.lat)) continue;
    out.push({ communityId: c.id, name: c.name, lon: c.lon, lat: c.lat, rings: ringsOf(c.geometry), daysOverdue: g.daysOverdue, level, color: ESCALATION_RGBA[level] });
  }
  // most overdue drawn last (on top)
  return out.sort((a, b) => a.daysOverdue - b.daysOverdue);
}

/** Every distinct character of the names (the TextLayer's atlas; the default holds ASCII only). */
export function labelCharacterSet(names: readonly string[]): string[] {
  return [...new Set(names.join(''))].sort();
}

/** Communities that have a name to show. */
export const namedCommunities = (rows: Community[]): Community[] => rows.filter((c) => c.name && c.name.trim() !== '' && Number.isFinite(c.lon) && Number.isFinite(c.lat));

const labelData = new WeakMap<Community[], { data: Community[]; chars: string[] }>();

/** Named rows and their character set, once per communities array (a new set would rebuild the font atlas). */
function labelDataOf(rows: Community[]): { data: Community[]; chars: string[] } {
  let v = labelData.get(rows);
  if (!v) {
    const data = namedCommunities(rows);
    v = { data, chars: labelCharacterSet(data.map((d) => d.name.trim())) };
    labelData.set(rows, v);
  }
  return v;
}

/** Name labels of communities: dark text with a white halo, readable over any basemap. */
export function communityLabelLayer(rows: Community[]): Layer {
  const { data, chars } = labelDataOf(rows);
  return new TextLayer<Community>({
    id: 'community-labels',
    data,
    getPosition: (d) => [d.lon, d.lat],
    getText: (d) => d.name.trim(),
    getSize: 13,
    sizeUnits: 'pixels',
    getColor: [35, 45, 60, 255],
    getTextAnchor: 'middle',
    // under the centroid, clear of the overdue ring marker
    getAlignmentBaseline: 'top',
    getPixelOffset: [0, 12],
    characterSet: chars,
    fontFamily: LABEL_FONT,
    fontWeight: 600,
    fontSettings: { sdf: true, fontSize: 48, buffer: 8, radius: 12 },
    outlineWidth: 4,
    outlineColor: [255, 255, 255, 235],
  });
}

/** Overdue communities: a thick ring of the polygon and a ring marker at the centroid (visible at any zoom). */
export function overdueLayers(marks: OverdueMark[]): Layer[] {
  const outlines = marks.flatMap((m) => m.rings.map((path) => ({ path, color: m.color })));
  return [
    new PathLayer<{ path: [number, number][]; color: [number, number, number, number] }>({
      id: 'ledger_overdue-outline',
      data: outlines,
      getPath: (d) => d.path,
      getColor: (d) => d.color,
      getWidth: 3.5,
      widthUnits: 'pixels',
    }),
    new ScatterplotLayer<OverdueMark>({
      id: 'ledger_overdue',
      data: marks,
      getPosition: (d) => [d.lon, d.lat],
      getRadius: 9,
      radiusUnits: 'pixels',
      // hollow, so the 配套园 point under it stays visible
      filled: false,
      stroked: true,
      getLineColor: (d) => d.color,
      getLineWidth: 3.5,
      lineWidthUnits: 'pixels',
    }),
  ];
}
