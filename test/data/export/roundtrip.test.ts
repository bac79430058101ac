import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { render } from '../../../src/i18n';
import { exportLayerCsv, exportTableCsv } from '../../../src/data/export/csv';
import { exportLayerGeojson } from '../../../src/data/export/geojson';
import { exportLayerShapefileZip } from '../../../src/data/export/shapefile';
import { exportLayerXlsx, exportTableXlsx } from '../../../src/data/export/xlsx';
import { buildImport } from '../../../src/data/import/build-import';
import { readTabular } from '../../../src/data/import/read-file';
import type { LayerId, LayerRows } from '../../../src/data/schema';
import { SAMPLE } from './sample-rows';

async function reimport<L extends LayerId>(layer: L, name: string, bytes: Uint8Array): Promise<LayerRows[L]> {
  const parsed = await readTabular({ name, bytes });
  const res = buildImport(layer, parsed, { crs: 'wgs84' });
  expect(res.issues.filter((i) => i.severity === 'error'), res.issues.map((i) => render('zh', i.message)).join('\n')).toEqual([]);
  return res.rows;
}

describe('export → import round trip gives identical rows', () => {
  for (const layer of Object.keys(SAMPLE) as LayerId[]) {
    it(`${layer}: CSV`, async () => {
      expect(await reimport(layer, `${layer}.csv`, exportLayerCsv(layer, SAMPLE[layer]))).toEqual(SAMPLE[layer]);
    });
    it(`${layer}: XLSX`, async () => {
      expect(await reimport(layer, `${layer}.xlsx`, exportLayerXlsx(layer, SAMPLE[layer]))).toEqual(SAMPLE[layer]);
    });
    it(`${layer}: GeoJSON`, async () => {
      const text = exportLayerGeojson(layer, SAMPLE[layer]);
      expect(await reimport(layer, `${layer}.geojson`, new TextEncoder().encode(text))).toEqual(SAMPLE[layer]);
    });
  }
  it('kindergartens: zipped shapefile keeps names, numbers and positions', async () => {
    const parsed = await readTabular({ name: 'kg.zip', bytes: exportLayerShapefileZip('kindergartens', SAMPLE.kindergartens) });
    const res = buildImport('kindergartens', parsed);
    expect(res.rows.map((r) => [r.id, r.name, r.places, r.lon, r.lat])).toEqual(SAMPLE.kindergartens.map((r) => [r.id, r.name, r.places, r.lon, r.lat]));
  });
});

describe('CSV/XLSX export safety and format', () => {
  it('CSV starts with a BOM, has Chinese headers and labels, and escapes formulas', () => {
    const bytes = exportLayerCsv('kindergartens', SAMPLE.kindergartens);
    expect(Array.from(bytes.subarray(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\r\n')[0]).toMatch(/^编号,幼儿园名称,办园性质,经度,纬度,班级数,学位数/);
    expect(text).toContain('普惠性民办');
    expect(text).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(text).toContain("'+86");
    expect(text).toContain("'@SUM(A1)");
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
  });
  it('generic CSV escapes tab/CR-led cells and keeps numbers numeric', () => {
    const text = new TextDecoder().decode(exportTableCsv(['街道', '缺口'], [['\t=1', -5], ['\r+2', 3.5], ['-x', null]]));
    expect(text).toContain(`'\t=1,-5`);
    expect(text).toContain(`"'\r+2",3.5`);
    expect(text).toContain(`'-x,`);
  });
  it('XLSX writes text as string cells, never formulas', () => {
    const wb = XLSX.read(exportTableXlsx('缺口分析', ['名称', '值'], [['=1+1', 2], ['@x', -3]]), { type: 'array', cellFormula: true });
    const ws = wb.Sheets['缺口分析'];
    expect(ws.A2).toMatchObject({ t: 's', v: '=1+1' });
    expect(ws.A2.f).toBeUndefined();
    expect(ws.A3).toMatchObject({ t: 's', v: '@x' });
    expect(ws.B3).toMatchObject({ t: 'n', v: -3 });
    expect(ws.A1.v).toBe('名称');
  });
  it('XLSX layer export names the sheet after the layer and uses Chinese enum labels', () => {
    const wb = XLSX.read(exportLayerXlsx('plan_projects', SAMPLE.plan_projects), { type: 'array' });
    expect(wb.SheetNames).toEqual(['规划项目']);
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets['规划项目']);
    expect(rows[0]['建设类型']).toBe('新建');
  });
});
