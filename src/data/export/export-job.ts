/**
 * Exports as jobs on packed columns, so they can run in a worker: a layer as CSV,
 * Excel or GeoJSON, or the whole project file. Rows are made from the columns here,
 * not on the page (a million rows take seconds to write; SheetJS far longer).
 */
import { unpackRows, type PackedRows } from '../import/packed-rows';
import { serializeProject } from '../project/project-file';
import { LAYER_IDS, layerLabel, type LayerId, type LayerRows } from '../schema';
import { exportLayerCsv } from './csv';
import { exportLayerGeojson } from './geojson';

export type ExportFormat = 'csv' | 'xlsx' | 'geojson';

export type ExportJob =
  | { kind: 'layer'; format: ExportFormat; layer: LayerId; packed: PackedRows }
  | { kind: 'project'; packed: Record<string, PackedRows>; settingsJson: string; name?: string; savedAt?: string };

/** Data rows an Excel sheet can hold (1,048,576 rows less the header). */
export const XLSX_MAX_ROWS = 1_048_575;

/** Why a job cannot be done (Chinese), or null. */
export function exportJobProblem(job: ExportJob): string | null {
  if (job.kind === 'layer' && job.format === 'xlsx' && job.packed.length > XLSX_MAX_ROWS) {
    return `“${layerLabel('zh', job.layer)}”有 ${job.packed.length.toLocaleString('en-US')} 行，超过 Excel 单表上限（1,048,575 行），请导出为 CSV`;
  }
  return null;
}

/** Run an export job: the file's bytes (or text). Throws with a Chinese message when it cannot be done. */
export async function runExportJob(job: ExportJob): Promise<Uint8Array | string> {
  const problem = exportJobProblem(job);
  if (problem) throw new Error(problem);
  if (job.kind === 'project') {
    const layers = {} as Record<LayerId, unknown[]>;
    for (const id of LAYER_IDS) layers[id] = job.packed[id] ? (unpackRows(job.packed[id]) as unknown[]) : [];
    return serializeProject({ layers: layers as unknown as LayerRows, settings: JSON.parse(job.settingsJson), name: job.name, savedAt: job.savedAt });
  }
  const rows = unpackRows(job.packed);
  if (job.format === 'csv') return exportLayerCsv(job.layer, rows);
  if (job.format === 'geojson') return exportLayerGeojson(job.layer, rows);
  // SheetJS is large: loaded only for an Excel export
  const { exportLayerXlsx } = await import('./xlsx');
  return exportLayerXlsx(job.layer, rows);
}
