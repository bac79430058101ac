/**
 * Guessing the CRS of imported coordinates: from the .prj, from value ranges
 * (Gauss–Krüger with/without zone prefix, swapped columns), from hints in file,
 * sheet and column names (百度/bd09/高德/gcj …), and — since GCJ-02, BD-09 and
 * WGS84 cannot be told apart from values — from a reference area: the
 * interpretation that puts more points inside it wins; otherwise 'uncertain'.
 */
import { referenceBbox, referenceContains, type ReferenceArea } from './area';
import { m, type Message, type MessageKey } from '../../i18n';
import { crsName, epsgOf, isProjected, toWgs84Fn, type CrsId } from './crs';
import { gkEpsgOfZone, gkZoneForLon, gkZoneOfEpsg } from './gauss-kruger';
import { readPrj } from './prj';

export type CrsConfidence = 'certain' | 'likely' | 'uncertain';

export interface CrsGuess {
  /** best guess; null when the values fit no supported CRS */
  crs: CrsId | null;
  confidence: CrsConfidence;
  /** the x (longitude) column actually holds latitude / northing */
  swapXY: boolean;
  /** why: the evidence for the guess */
  reason: Message;
  /** CRSs worth offering first when the guess is uncertain */
  candidates: CrsId[];
}

export interface DetectCrsInput {
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
  /** .prj WKT, GeoJSON crs name or 'EPSG:xxxx' */
  prj?: string | null;
  /** file name, sheet name, column headers … */
  hints?: string[];
  reference?: ReferenceArea;
}

type ValueClass = 'geo' | 'geoSwapped' | 'gkPrefixed' | 'gkPrefixedSwapped' | 'gkPlain' | 'gkPlainSwapped' | 'gk6' | 'other';

const isLon = (v: number): boolean => v >= 73 && v <= 136;
const isLat = (v: number): boolean => v >= 3 && v <= 54;
const isPrefixedE = (v: number): boolean => v >= 25e6 && v < 46e6;
const isNorthing = (v: number): boolean => v >= 3e5 && v <= 6.2e6;
const isPlainE = (v: number): boolean => v > 0 && v < 1e6;
const isPlainN = (v: number): boolean => v >= 1.5e6 && v <= 6.2e6;

function classify(x: number, y: number): ValueClass {
  if (isLon(x) && isLat(y)) return 'geo';
  if (isLat(x) && isLon(y)) return 'geoSwapped';
  if (isPrefixedE(x) && isNorthing(y)) return 'gkPrefixed';
  if (isPrefixedE(y) && isNorthing(x)) return 'gkPrefixedSwapped';
  if (isPlainE(x) && isPlainN(y)) return 'gkPlain';
  if (isPlainE(y) && isPlainN(x)) return 'gkPlainSwapped';
  if ((x >= 13e6 && x < 24e6 && isNorthing(y)) || (y >= 13e6 && y < 24e6 && isNorthing(x))) return 'gk6';
  return 'other';
}

const HINTS: { crs: CrsId; re: RegExp }[] = [
  { crs: 'bd09', re: /百度|baidu|bd[-_ ]?09|bmap/i },
  { crs: 'gcj02', re: /高德|gaode|amap|gcj[-_ ]?0?2|火星|腾讯|tencent/i },
  { crs: 'cgcs2000', re: /cgcs|国家\s*2000|2000\s*国家|天地图|tianditu/i },
  { crs: 'wgs84', re: /wgs[-_ ]?(19)?84|gps/i },
];
const CM_HINT = /(?:cm|中央经线|中央子午线)[\s_:：]*(\d{2,3})|(\d{2,3})\s*°?\s*E(?![a-z])|(\d{2})\s*带/i;

function sample(xs: ArrayLike<number>, ys: ArrayLike<number>, max = 5000): [number[], number[]] {
  const ox: number[] = [];
  const oy: number[] = [];
  const n = Math.min(xs.length, ys.length);
  const step = Math.max(1, Math.floor(n / max));
  for (let i = 0; i < n; i += step) {
    if (Number.isFinite(xs[i]) && Number.isFinite(ys[i])) {
      ox.push(xs[i]);
      oy.push(ys[i]);
    }
  }
  return [ox, oy];
}

function guess(crs: CrsId | null, confidence: CrsConfidence, swapXY: boolean, reason: Message, candidates: CrsId[] = []): CrsGuess {
  return { crs, confidence, swapXY, reason, candidates: candidates.length ? candidates : crs ? [crs] : [] };
}

function hintFor(hints: string[], list = HINTS): { crs: CrsId; hint: string; word: string } | null {
  for (const h of list) {
    for (const text of hints) {
      const hit = h.re.exec(text);
      if (hit) return { crs: h.crs, hint: text, word: hit[0] };
    }
  }
  return null;
}

/** Count points inside the reference under each geographic interpretation (and which ones). */
function referenceTest(xs: number[], ys: number[], ref: ReferenceArea): { crs: CrsId; n: number; inside: Uint8Array }[] {
  const out = (['wgs84', 'gcj02', 'bd09'] as CrsId[]).map((crs) => {
    const f = toWgs84Fn(crs);
    const inside = new Uint8Array(xs.length);
    let n = 0;
    for (let i = 0; i < xs.length; i++) {
      const [lon, lat] = f(xs[i], ys[i]);
      if (referenceContains(ref, lon, lat)) {
        inside[i] = 1;
        n++;
      }
    }
    return { crs, n, inside };
  });
  return out.sort((a, b) => b.n - a.n);
}

/**
 * Whether `best` wins the reference test clearly. Only points inside under one
 * interpretation and outside under the other tell them apart: under the right CRS
 * the shift moves points out of the area on one side only, so nearly all of those
 * points favour it; a near tie (points spread well beyond the area) decides nothing.
 */
function winsClearly(best: Uint8Array, second: Uint8Array): boolean {
  let forBest = 0;
  let forSecond = 0;
  for (let i = 0; i < best.length; i++) {
    if (best[i] && !second[i]) forBest++;
    else if (second[i] && !best[i]) forSecond++;
  }
  return forBest >= 1 && forBest >= 3 * forSecond;
}

function detectGeographic(xs: number[], ys: number[], swap: boolean, input: DetectCrsInput): CrsGuess {
  const withSwap = (reason: Message): Message => (swap ? m('data.crs.lonLatSwapped', { reason }) : reason);
  const hint = hintFor(input.hints ?? []);
  if (hint) {
    return guess(hint.crs, 'likely', swap, withSwap(m('data.crs.hint', { hint: hint.hint, word: hint.word, crs: crsName(hint.crs) })));
  }
  const all: CrsId[] = ['wgs84', 'gcj02', 'bd09', 'cgcs2000'];
  if (input.reference && (input.reference.bbox || input.reference.polygon)) {
    const [sx, sy] = swap ? [ys, xs] : [xs, ys];
    const res = referenceTest(sx, sy, input.reference);
    const [best, second] = res;
    const [a, b, c] = res.map((r) => m('data.crs.count', { crs: m(`data.crs.short.${r.crs}` as MessageKey), n: r.n }));
    const counts = m('data.crs.list3', { a, b, c });
    if (best.n > second.n && winsClearly(best.inside, second.inside)) {
      return guess(best.crs, 'likely', swap, withSwap(m('data.crs.reference', { counts, total: sx.length, crs: crsName(best.crs) })), [best.crs, ...all.filter((c) => c !== best.crs)]);
    }
    return guess('wgs84', 'uncertain', swap, withSwap(m('data.crs.referenceTie', { counts })), all);
  }
  return guess('wgs84', 'uncertain', swap, withSwap(m('data.crs.geoUndecided')), all);
}

function detectPlainGk(swap: boolean, input: DetectCrsInput): CrsGuess {
  const hints = input.hints ?? [];
  for (const text of hints) {
    const hit = CM_HINT.exec(text);
    if (!hit) continue;
    const v = Number(hit[1] ?? hit[2] ?? hit[3]);
    const zone = hit[3] ? v : v % 3 === 0 ? v / 3 : NaN;
    const epsg = gkEpsgOfZone(zone, false);
    if (epsg) return guess(`epsg:${epsg}`, 'likely', swap, hit[3] ? m('data.crs.gkHintZone', { text, zone, epsg }) : m('data.crs.gkHintCm', { text, cm: v, epsg }));
  }
  const rb = referenceBbox(input.reference);
  const swapped = swap ? m('data.crs.gkSwapped') : '';
  if (rb) {
    const zone = gkZoneForLon((rb[0] + rb[2]) / 2);
    const epsg = gkEpsgOfZone(zone, false)!;
    return guess(`epsg:${epsg}`, 'likely', swap, m('data.crs.gkReference', { swapped, cm: zone * 3, epsg }));
  }
  const cands: CrsId[] = [];
  for (let z = 25; z <= 45; z++) cands.push(`epsg:${gkEpsgOfZone(z, false) ?? 0}`);
  return guess(null, 'uncertain', swap, m('data.crs.gkUndecided', { swapped }), cands);
}

/** Guess the CRS of coordinate pairs (x = the column mapped to longitude). */
export function detectCrs(input: DetectCrsInput): CrsGuess {
  const [xs, ys] = sample(input.xs, input.ys);
  const prj = readPrj(input.prj);
  if (xs.length === 0) {
    if (prj?.crs) return guess(prj.crs, 'certain', false, prj.reason);
    return guess(null, 'uncertain', false, m('data.crs.noCoords'));
  }
  const counts = new Map<ValueClass, number>();
  for (let i = 0; i < xs.length; i++) {
    const c = classify(xs[i], ys[i]);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  const [cls] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  const swap = cls.endsWith('Swapped');
  if (prj?.crs) {
    const projected = isProjected(prj.crs);
    if (projected === cls.startsWith('gk') || cls === 'other') {
      const zone = gkZoneOfEpsg(epsgOf(prj.crs) ?? 0);
      const prefixMismatch = zone && ((zone.prefixed && cls.startsWith('gkPlain')) || (!zone.prefixed && cls.startsWith('gkPrefixed')));
      if (!prefixMismatch) return guess(prj.crs, 'certain', swap, swap ? m('data.crs.xySwapped', { reason: prj.reason }) : prj.reason);
    }
  }
  let g: CrsGuess;
  switch (cls) {
    case 'geo':
    case 'geoSwapped':
      g = detectGeographic(xs, ys, swap, input);
      break;
    case 'gkPrefixed':
    case 'gkPrefixedSwapped': {
      const zones = new Map<number, number>();
      for (let i = 0; i < xs.length; i++) {
        const e = swap ? ys[i] : xs[i];
        const z = Math.floor(e / 1e6);
        zones.set(z, (zones.get(z) ?? 0) + 1);
      }
      const zone = [...zones.entries()].sort((a, b) => b[1] - a[1])[0][0];
      const epsg = gkEpsgOfZone(zone, true)!;
      g = guess(`epsg:${epsg}`, 'likely', swap, m(swap ? 'data.crs.gkPrefixedSwapped' : 'data.crs.gkPrefixed', { zone, cm: zone * 3, epsg }));
      break;
    }
    case 'gkPlain':
    case 'gkPlainSwapped':
      g = detectPlainGk(swap, input);
      break;
    case 'gk6':
      g = guess(null, 'uncertain', false, m('data.crs.gk6'));
      break;
    default:
      g = guess(null, 'uncertain', false, m('data.crs.unknownValues'));
  }
  if (prj) g = { ...g, confidence: 'uncertain', reason: m('data.crs.prjIgnored', { reason: g.reason, prj: prj.reason }) };
  return g;
}
