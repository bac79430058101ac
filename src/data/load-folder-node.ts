/** Read a data folder (the layout of data/) in Node: one file per layer, names from LAYERS[..].file. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { RowIssue } from './issues';
import { parseLayerText } from './parse-layer';
import { LAYERS, LAYER_IDS, type LayerId, type LayerRows } from './schema';

export interface FolderData {
  data: LayerRows;
  issues: RowIssue[];
  /** layers whose file was absent (loaded as empty) */
  missing: LayerId[];
}

export function loadDataFolder(dir: string): FolderData {
  const data = {} as LayerRows;
  const issues: RowIssue[] = [];
  const missing: LayerId[] = [];
  for (const id of LAYER_IDS) {
    const file = path.join(dir, LAYERS[id].file);
    if (!existsSync(file)) {
      missing.push(id);
      (data as unknown as Record<string, unknown[]>)[id] = [];
      continue;
    }
    const res = parseLayerText(id, LAYERS[id].file, readFileSync(file, 'utf8'));
    (data as unknown as Record<string, unknown[]>)[id] = res.rows as unknown[];
    issues.push(...res.issues);
  }
  return { data, issues, missing };
}
