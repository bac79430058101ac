/**
 * Writes data/basemap.geojson, the generated "示例矢量底图" of the sample district:
 * `npm run make-basemap [-- --seed N]`. Run it after `npm run make-sample` (it reads the
 * sample's cells and 小区 so streets avoid them). Same inputs and seed → identical file.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_BASEMAP_SEED, generateBasemap } from './basemap/generate-basemap';
import { readBasemapInputs } from './basemap/read-inputs';
import { REPO_ROOT } from './sample/inputs';

const i = process.argv.indexOf('--seed');
const seed = i < 0 ? DEFAULT_BASEMAP_SEED : Number(process.argv[i + 1]);
if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed needs a non-negative integer, got ${process.argv[i + 1]}`);
const dataDir = path.join(REPO_ROOT, 'data');
const { text, summary } = generateBasemap(readBasemapInputs(dataDir), seed);
writeFileSync(path.join(dataDir, 'basemap.geojson'), text);
console.log(`data/basemap.geojson  ${(Buffer.byteLength(text) / 1024).toFixed(0)} KB`);
console.log(JSON.stringify(summary, null, 2));
