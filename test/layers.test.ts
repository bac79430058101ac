/**
 * The layer rules of the code (docs: /README "Layout"), checked on every import
 * statement under src/: ui/map → state → analysis/data, never back.
 *   - src/analysis: pure — no React, zustand, MapLibre, deck.gl, DuckDB, and nothing of src/data, state, map or ui;
 *   - src/data: nothing of state, map or ui (it may use analysis' pure types and rules);
 *   - src/state: nothing of map or ui;
 *   - src/map: nothing of ui.
 * A static `import`/`export … from` and a dynamic `import()` count alike; `import type` too.
 * `npm run lint` enforces the same rules (.oxlintrc.json: no-restricted-imports per folder), as
 * the code is typed; this test stays as the second check and for what the lint rule does not
 * read: worker entries, `new URL('…', import.meta.url)`.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve('src');

type Layer = 'analysis' | 'data' | 'state' | 'map' | 'ui' | 'i18n';

/** What each layer must not import: folders of src/ and package names (prefixes). */
const FORBIDDEN: Record<Layer, { folders: Layer[]; packages: string[] }> = {
  analysis: {
    folders: ['data', 'state', 'map', 'ui'],
    packages: ['react', 'react-dom', 'zustand', 'maplibre-gl', '@vis.gl/', '@deck.gl/', 'deck.gl', '@duckdb/', 'echarts'],
  },
  data: { folders: ['state', 'map', 'ui'], packages: ['react', 'react-dom', 'zustand', 'maplibre-gl', '@vis.gl/', '@deck.gl/', 'echarts'] },
  state: { folders: ['map', 'ui'], packages: ['maplibre-gl', '@vis.gl/', '@deck.gl/', 'echarts'] },
  map: { folders: ['ui'], packages: [] },
  ui: { folders: [], packages: [] },
  // the catalogue is a leaf: every layer may use it, it uses none
  i18n: { folders: ['analysis', 'data', 'state', 'map', 'ui'], packages: ['react', 'react-dom', 'zustand', 'maplibre-gl', '@deck.gl/', '@duckdb/', 'echarts'] },
};

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p));
    else if (/\.(ts|tsx|mts)$/.test(name)) out.push(p);
  }
  return out;
}

/** Module specifiers of a source text: import … from, export … from, bare import '…', import('…'), new URL('…', import.meta.url). */
export function importsOf(text: string): string[] {
  // comments out, so examples in TSDoc do not count
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const specs: string[] = [];
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?[\w*{}\s,$]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\bnew\s+URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url/g,
  ];
  for (const re of patterns) for (const m of code.matchAll(re)) specs.push(m[1]);
  return specs;
}

/** The first folder under src/ of a file (or '' for src/main.tsx). */
const layerOf = (file: string): string => {
  const rel = path.relative(SRC, file).split(path.sep);
  return rel.length > 1 ? rel[0] : '';
};

/** Every import that breaks a rule, as "file → specifier". */
function violations(): string[] {
  const bad: string[] = [];
  for (const file of filesUnder(SRC)) {
    const from = layerOf(file) as Layer;
    const rule = FORBIDDEN[from];
    if (!rule) continue;
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      let broken = false;
      if (spec.startsWith('.')) {
        const target = path.resolve(path.dirname(file), spec);
        broken = target.startsWith(SRC + path.sep) && (rule.folders as string[]).includes(layerOf(target));
      } else {
        broken = rule.packages.some((p) => (p.endsWith('/') ? spec.startsWith(p) : spec === p || spec.startsWith(`${p}/`)));
      }
      if (broken) bad.push(`${path.relative(SRC, file)} → ${spec}`);
    }
  }
  return bad;
}

describe('layer rules (ui/map → state → analysis/data)', () => {
  it('finds imports of every form', () => {
    expect(
      importsOf(`import a from '../x';\nimport type { B } from "../y";\nexport * from './z';\nexport { c } from '../w';\nimport './side';\nconst m = await import('../lazy');\nnew Worker(new URL('../analysis/w.ts', import.meta.url));\n// import x from '../comment'\n/* import y from '../block' */`),
    ).toEqual(['../x', '../y', './z', '../w', './side', '../lazy', '../analysis/w.ts']);
  });

  it('no file under src/ imports against the layer order', () => {
    expect(violations()).toEqual([]);
  });
});
