/** Export jobs on packed columns give the same files as exporting the rows directly. */
import { describe, expect, it } from 'vitest';
import { render } from '../../../src/i18n';
import { exportLayerCsv } from '../../../src/data/export/csv';
import { exportJobProblem, runExportJob, XLSX_MAX_ROWS } from '../../../src/data/export/export-job';
import { exportLayerGeojson } from '../../../src/data/export/geojson';
import { packRows, type PackedRows } from '../../../src/data/import/packed-rows';
import { parseProject } from '../../../src/data/project/project-file';
import { LAYER_IDS, type LayerId } from '../../../src/data/schema';
import { SAMPLE } from './sample-rows';

describe('export jobs', () => {
  it('a layer job writes the same CSV and GeoJSON as the rows', async () => {
    for (const layer of Object.keys(SAMPLE) as LayerId[]) {
      const packed = packRows(layer, SAMPLE[layer]);
      expect(await runExportJob({ kind: 'layer', format: 'csv', layer, packed })).toEqual(exportLayerCsv(layer, SAMPLE[layer]));
      expect(await runExportJob({ kind: 'layer', format: 'geojson', layer, packed })).toEqual(exportLayerGeojson(layer, SAMPLE[layer]));
    }
  });

  it('an Excel job writes a workbook; over the Excel row limit it is refused with the reason', async () => {
    const bytes = await runExportJob({ kind: 'layer', format: 'xlsx', layer: 'kindergartens', packed: packRows('kindergartens', SAMPLE.kindergartens) });
    expect(typeof bytes).not.toBe('string');
    expect([...(bytes as Uint8Array).slice(0, 2)]).toEqual([0x50, 0x4b]); // a zip (xlsx) file
    const huge = { layer: 'population', length: XLSX_MAX_ROWS + 1, columns: {} } as PackedRows;
    const job = { kind: 'layer' as const, format: 'xlsx' as const, layer: 'population' as const, packed: huge };
    expect(exportJobProblem(job)).toMatch(/超过 Excel 单表上限.*请导出为 CSV/);
    await expect(runExportJob(job)).rejects.toThrow(/超过 Excel 单表上限/);
  });

  it('a project job writes a project file that opens to identical tables and settings', async () => {
    const packed = Object.fromEntries(LAYER_IDS.map((id) => [id, packRows(id, SAMPLE[id])]));
    const settings = { params: { radiusM: 500 }, note: '<b>文本</b>' };
    const text = await runExportJob({ kind: 'project', packed, settingsJson: JSON.stringify(settings), name: '测试区' });
    const res = parseProject(text as string, 'p.xwgh.json');
    if ('error' in res) throw new Error(render('zh', res.error));
    expect(res.project.layers).toEqual(SAMPLE);
    expect(res.project.settings).toEqual(settings);
    expect(res.project.name).toBe('测试区');
  });
});
