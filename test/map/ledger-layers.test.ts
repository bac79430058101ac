import { PathLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import { describe, expect, it } from 'vitest';
import { ESCALATION_RGBA } from '../../src/analysis/ledger/escalation';
import type { CommunityGapRow } from '../../src/analysis/types';
import type { Community } from '../../src/data/schema';
import { buildDeckLayers, prepareDrawData } from '../../src/map/build-layers';
import { focusTarget } from '../../src/map/focus-target';
import { communityLabelLayer, labelCharacterSet, overdueMarks } from '../../src/map/ledger-layers';
import { emptyLayers } from '../../src/state/data-slice';
import { createAppStore } from '../../src/state/store';

const square = (lon: number, lat: number) =>
  JSON.stringify({ type: 'Polygon', coordinates: [[[lon, lat], [lon + 0.004, lat], [lon + 0.004, lat + 0.003], [lon, lat + 0.003], [lon, lat]]] });

const com = (id: string, name: string, geometry: string | null = null): Community => ({
  id, name, lon: 109.8, lat: 40.65, geometry, households: 1200, residents: 3600, built_year: 2020, developer: null, street_code: '150203001',
  supporting_kg_required: true, supporting_kg_classes: 6, supporting_kg_status: 'accepted_not_handed_over', supporting_kg_id: null,
  completion_date: '2024-01-01', handover_due: null, responsible_unit: null, responsible_line: null, deadline: null, status_date: null, opened_date: null,
});

const gap = (communityId: string, daysOverdue: number) => ({ communityId, overdue: daysOverdue > 0, daysOverdue }) as CommunityGapRow;

describe('ledger layers on the map', () => {
  const rows = [com('c1', '阳光花园', square(109.8, 40.65)), com('c2', '钢城·新苑'), com('c3', ''), com('c4', '北梁小区'), com('c5', '青山郡')];

  it('labels every named community, with the names’ characters in the atlas', () => {
    const layer = communityLabelLayer(rows) as TextLayer<Community>;
    expect(layer).toBeInstanceOf(TextLayer);
    const data = layer.props.data as Community[];
    expect(data.map((d) => d.name)).toEqual(['阳光花园', '钢城·新苑', '北梁小区', '青山郡']);
    const set = new Set(layer.props.characterSet as string[]);
    for (const ch of '阳光花园钢城·新苑北梁小区青山郡') expect(set.has(ch)).toBe(true);
    // a white halo (outline needs SDF glyphs)
    expect(layer.props.outlineWidth).toBeGreaterThan(0);
    expect(layer.props.outlineColor).toEqual([255, 255, 255, 235]);
    expect(layer.props.fontSettings).toMatchObject({ sdf: true });
    expect(labelCharacterSet(['园园', 'a园'])).toEqual(['a', '园']);
  });

  it('marks overdue communities in their escalation colour', () => {
    const marks = overdueMarks(rows, [gap('c1', 10), gap('c2', 45), gap('c4', 200), gap('c5', 0), gap('missing', 99)]);
    expect(marks.map((m) => [m.communityId, m.level])).toEqual([
      ['c1', 'amber'],
      ['c2', 'orange'],
      ['c4', 'red'],
    ]);
    expect(marks.find((m) => m.communityId === 'c4')!.color).toEqual(ESCALATION_RGBA.red);
    expect(marks[0].rings).toHaveLength(1);
    // custom thresholds
    expect(overdueMarks(rows, [gap('c2', 45)], { orangeDays: 60, redDays: 120 })[0].level).toBe('amber');
  });

  it('buildDeckLayers draws the rings when toggled on and the labels when zoomed in', () => {
    const layers = { ...emptyLayers(), communities: rows };
    const draw = prepareDrawData(layers, []);
    const visible = createAppStore().getState().visible;
    expect(visible.ledger_overdue).toBe(true);
    const ledgerOverdue = overdueMarks(rows, [gap('c1', 10), gap('c4', 200)]);
    const built = buildDeckLayers(layers, draw, visible, { ledgerOverdue }, { labels: true });
    const ring = built.find((l) => l.id === 'ledger_overdue') as ScatterplotLayer<(typeof ledgerOverdue)[number]>;
    expect(ring).toBeInstanceOf(ScatterplotLayer);
    const getLine = ring.props.getLineColor as unknown as (d: (typeof ledgerOverdue)[number]) => number[];
    expect((ring.props.data as typeof ledgerOverdue).map((d) => getLine(d))).toEqual([ESCALATION_RGBA.amber, ESCALATION_RGBA.red]);
    expect(built.find((l) => l.id === 'ledger_overdue-outline')).toBeInstanceOf(PathLayer);
    expect(built.at(-1)!.id).toBe('community-labels');
    const off = buildDeckLayers(layers, draw, { ...visible, ledger_overdue: false }, { ledgerOverdue }).map((l) => l.id);
    expect(off).not.toContain('ledger_overdue');
    expect(off).not.toContain('community-labels');
  });

  it('focus targets: polygon bounds, else the point; unknown ids give nothing', () => {
    const layers = { ...emptyLayers(), communities: rows };
    expect(focusTarget(layers, { layer: 'communities', id: 'c1' })).toEqual({ kind: 'bounds', bounds: [109.8, 40.65, 109.804, 40.653] });
    expect(focusTarget(layers, { layer: 'communities', id: 'c2' })).toEqual({ kind: 'point', center: [109.8, 40.65] });
    expect(focusTarget(layers, { layer: 'communities', id: 'nope' })).toBeNull();
  });
});
