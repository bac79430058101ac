/** Start-up: DuckDB-WASM and the sample dataset under data/, loaded in parallel with the map. */
import kgUrl from '../../data/kindergartens.csv?url';
import comUrl from '../../data/communities.geojson?url';
import popUrl from '../../data/population.csv?url';
import adminUrl from '../../data/admin_units.geojson?url';
import planUrl from '../../data/plan_projects.csv?url';
import districtUrl from '../../data/district.geojson?url';
import metaUrl from '../../data/sample-meta.json?url';
import type { RowIssue } from '../data/issues';
import { parseLayerText } from '../data/parse-layer';
import { LAYERS, type LayerId, type LayerRows } from '../data/schema';
import { emptyLayers, type DatasetMeta, type GeoJsonFC } from './data-slice';
import type { AppStore } from './store';
import { m } from '../i18n';
import { messageOfError } from '../i18n/message-error';

// the sample has no 托育机构 layer: planners import their own (卫健 register)
const URLS: Partial<Record<LayerId, string>> = {
  kindergartens: kgUrl,
  communities: comUrl,
  population: popUrl,
  admin_units: adminUrl,
  plan_projects: planUrl,
};

async function fetchText(url: string): Promise<string> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`无法读取 ${url}（HTTP ${res.status}）`);
  return res.text();
}

/** Fetch and parse the sample files; rows with problems are reported, not loaded. */
export async function fetchSample(): Promise<{ layers: LayerRows; district: GeoJsonFC; meta: DatasetMeta; issues: RowIssue[] }> {
  const layers = emptyLayers();
  const issues: RowIssue[] = [];
  const ids = Object.keys(URLS) as LayerId[];
  const [texts, district, meta] = await Promise.all([
    Promise.all(ids.map((id) => fetchText(URLS[id]!))),
    fetchText(districtUrl).then((t) => JSON.parse(t) as GeoJsonFC),
    fetchText(metaUrl).then((t) => JSON.parse(t) as DatasetMeta),
  ]);
  ids.forEach((id, i) => {
    const res = parseLayerText(id, LAYERS[id].file, texts[i]);
    (layers as unknown as Record<string, unknown>)[id] = res.rows;
    issues.push(...res.issues);
  });
  return { layers, district, meta, issues };
}

function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 300)));
}

/** Start-up timings (ms since startApp), read by the browser tests and the README figures. */
export const timings: Record<string, number> = {};

/**
 * Start-up: the sample is drawn as soon as it is parsed; DuckDB-WASM starts in parallel
 * and receives the tables when ready (the SQL totals follow a moment later).
 */
export async function startApp(store: AppStore): Promise<void> {
  store.getState().setLoadState('loading');
  const t0 = performance.now();
  try {
    // the project saved in this browser wins over the sample
    const restored = await store.getState().restoreSaved();
    // copies set aside at an earlier start stay offered until discarded
    await store.getState().refreshRescued();
    if (!restored) {
      const sample = await fetchSample();
      await store.getState().setDataset(sample);
    }
    timings.sampleParsedMs = performance.now() - t0;
    store.getState().setLoadState('ready');
  } catch (e) {
    store.getState().setLoadState('error', (e as Error).message);
    return;
  }
  // DuckDB is for the SQL console and statistics: when it fails the map, the analysis and
  // the autosave go on (loadState stays 'ready'), and the user is told
  try {
    // DuckDB's 34 MB wasm compiles on the same two cores: let the map draw first
    await afterFirstPaint();
    const { openBrowserDb } = await import('../data/duckdb-browser');
    const db = await openBrowserDb();
    timings.duckdbReadyMs = performance.now() - t0;
    await store.getState().attachDb(db);
    timings.sqlSummaryMs = performance.now() - t0;
  } catch (e) {
    store.getState().setProjectMessage(m('state.duckdbFailed', { error: messageOfError(e) }));
  }
}
