/**
 * Writes the sample data folder data/ (昆都仑区, partly real, partly generated):
 * `npm run make-sample [-- --seed N]`. All content comes from generateSample();
 * this script only writes the files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_SEED, generateSample } from './sample/generate-sample';
import { REPO_ROOT } from './sample/inputs';

function seedArg(argv: string[]): number {
  const i = argv.indexOf('--seed');
  if (i < 0) return DEFAULT_SEED;
  const n = Number(argv[i + 1]);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--seed needs a non-negative integer, got ${argv[i + 1]}`);
  return n;
}

const seed = seedArg(process.argv.slice(2));
const outDir = path.join(REPO_ROOT, 'data');
const { files, summary } = generateSample(seed);
mkdirSync(outDir, { recursive: true });
for (const [name, text] of Object.entries(files)) {
  writeFileSync(path.join(outDir, name), text);
  console.log(`data/${name}  ${(Buffer.byteLength(text) / 1024).toFixed(0)} KB`);
}
console.log(JSON.stringify(summary, null, 2));
