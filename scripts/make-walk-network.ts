/**
 * Writes data/walk-network.geojson, the sample's generated walking network (from the generated
 * basemap): `npm run make-walk-network [-- --seed N]`. Run it after `npm run make-basemap`.
 * Same inputs and seed → identical file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readBasemapInputs } from './basemap/read-inputs';
import { DEFAULT_WALK_SEED, generateWalkNetwork } from './basemap/walk-network';
import { REPO_ROOT } from './sample/inputs';

const i = process.argv.indexOf('--seed');
const seed = i < 0 ? DEFAULT_WALK_SEED : Number(process.argv[i + 1]);
if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed needs a non-negative integer, got ${process.argv[i + 1]}`);
const dataDir = path.join(REPO_ROOT, 'data');
const basemap = JSON.parse(readFileSync(path.join(dataDir, 'basemap.geojson'), 'utf8'));
const { text, summary } = generateWalkNetwork(basemap, readBasemapInputs(dataDir).cells, seed);
writeFileSync(path.join(dataDir, 'walk-network.geojson'), text);
console.log(`data/walk-network.geojson  ${(Buffer.byteLength(text) / 1024).toFixed(0)} KB`);
console.log(JSON.stringify(summary, null, 2));
