/**
 * Makes the CJK font subset the PDF export embeds (jsPDF needs TrueType glyf outlines).
 * Source: Noto Sans SC Regular (OFL 1.1), the TrueType file of the npm package
 * @expo-google-fonts/noto-sans-sc@0.4.3 — not a dependency; fetch it once with
 *   npm pack @expo-google-fonts/noto-sans-sc@0.4.3 && tar xzf expo-google-fonts-noto-sans-sc-0.4.3.tgz
 * then: npx tsx scripts/make-pdf-font.ts package/400Regular/NotoSansSC_400Regular.ttf
 * Characters: ASCII and common punctuation, GB2312 level-1 hanzi (the 3,755 most common),
 * and every other character of the app's sources and sample data (message catalogue,
 * street names). Text with characters outside it is drawn as an image in the PDF (see pdf-text.ts).
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import subsetFont from 'subset-font';

const OUT = path.resolve('src/ui/present/export/font/noto-sans-sc-subset.ttf');

/** GB2312 level 1: rows 0xB0–0xD7, cells 0xA1–0xFE (0xD7FA–0xD7FE are unassigned). */
function gb2312Level1(): string {
  const dec = new TextDecoder('gbk');
  let s = '';
  for (let hi = 0xb0; hi <= 0xd7; hi++) {
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      if (hi === 0xd7 && lo > 0xf9) break;
      s += dec.decode(new Uint8Array([hi, lo]));
    }
  }
  return s;
}

function filesUnder(dir: string, exts: string[]): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p, exts));
    else if (exts.some((e) => name.endsWith(e))) out.push(p);
  }
  return out;
}

async function main(): Promise<void> {
  const src = process.argv[2];
  if (!src) throw new Error('usage: tsx scripts/make-pdf-font.ts <NotoSansSC-Regular.ttf>');
  const chars = new Set<string>();
  const add = (text: string) => {
    for (const ch of text) if (ch.codePointAt(0)! >= 0x20) chars.add(ch);
  };
  for (let c = 0x20; c < 0x7f; c++) add(String.fromCharCode(c));
  add('，。、；：？！“”‘’（）《》【】—…·～％＋－×÷≥≤±→←↑↓▲▼●○■□✓✗㎡℃°²³−–　');
  add(gb2312Level1());
  const sources = [...filesUnder('src', ['.ts', '.tsx']), ...filesUnder('data', ['.csv', '.json', '.geojson', '.md'])];
  for (const f of sources) if (statSync(f).size < 20_000_000) add(readFileSync(f, 'utf8'));
  const text = [...chars].sort().join('');
  const out = await subsetFont(readFileSync(src), text, { targetFormat: 'truetype' });
  writeFileSync(OUT, out);
  console.log(`${chars.size} characters → ${OUT} (${(out.length / 1024).toFixed(0)} KB)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
