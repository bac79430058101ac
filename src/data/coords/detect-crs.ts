/**
 * Guessing the CRS of imported coordinates: from the .prj, from value ranges
 * (Gauss–Krüger with/without zone prefix, swapped columns), from hints in file,
 * sheet and column names (百度/bd09/高德/gcj …), and — since GCJ-02, BD-09 and
 * WGS84 cannot be told apart from values — from a reference area: the
 * interpretation that puts more points inside it wins; otherwise 'uncertain'.
 */
import { referenceBbox, referenceContains, type ReferenceArea } from './area';
import { crsLabel, epsgOf, isProjected, toWgs84Fn, type CrsId } from './crs';
import { gkEpsgOfZone, gkZoneForLon, gkZoneOfEpsg } from './gauss-kruger';
import { readPrj } from './prj';

export type CrsConfidence = 'certain' | 'likely' | 'uncertain';

export interface CrsGuess {
  /** best guess; null when the values fit no supported CRS */
  crs: CrsId | null;
  confidence: CrsConfidence;
  /** the x (longitude) column actually holds latitude / northing */
  swapXY: boolean;
  reasonZh: string;
  reasonEn: string;
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

function guess(crs: CrsId | null, confidence: CrsConfidence, swapXY: boolean, zh: string, en: string, candidates: CrsId[] = []): CrsGuess {
  return { crs, confidence, swapXY, reasonZh: zh, reasonEn: en, candidates: candidates.length ? candidates : crs ? [crs] : [] };
}

function hintFor(hints: string[], list = HINTS): { crs: CrsId; hint: string; word: string } | null {
  for (const h of list) {
    for (const text of hints) {
      const m = h.re.exec(text);
      if (m) return { crs: h.crs, hint: text, word: m[0] };
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
  const swapZh = swap ? '；经度、纬度两列疑似互换，已自动交换' : '';
  const swapEn = swap ? '; longitude and latitude columns look swapped and were swapped back' : '';
  const hint = hintFor(input.hints ?? []);
  if (hint) {
    return guess(hint.crs, 'likely', swap, `“${hint.hint}”中含“${hint.word}”，判定为 ${crsLabel(hint.crs)}${swapZh}`, `"${hint.hint}" contains "${hint.word}": ${crsLabel(hint.crs, 'en')}${swapEn}`);
  }
  const all: CrsId[] = ['wgs84', 'gcj02', 'bd09', 'cgcs2000'];
  if (input.reference && (input.reference.bbox || input.reference.polygon)) {
    const [sx, sy] = swap ? [ys, xs] : [xs, ys];
    const res = referenceTest(sx, sy, input.reference);
    const [best, second] = res;
    const counts = res.map((r) => `${crsLabel(r.crs).split('（')[0]} ${r.n} 个`).join('，');
    const countsEn = res.map((r) => `${r.crs} ${r.n}`).join(', ');
    if (best.n > second.n && winsClearly(best.inside, second.inside)) {
      return guess(best.crs, 'likely', swap, `按各坐标系解释，落在参考范围内的点数：${counts}（共 ${sx.length} 个），判定为 ${crsLabel(best.crs)}${swapZh}`, `points inside the reference area: ${countsEn} of ${sx.length}; ${crsLabel(best.crs, 'en')}${swapEn}`, [best.crs, ...all.filter((c) => c !== best.crs)]);
    }
    return guess('wgs84', 'uncertain', swap, `经纬度坐标，无法仅凭数值区分 WGS84、GCJ-02 与 BD-09；参考范围检验不分胜负（${counts}），请选择坐标系${swapZh}`, `lon/lat values cannot tell WGS84, GCJ-02 and BD-09 apart; the reference test is a tie (${countsEn}): please choose${swapEn}`, all);
  }
  return guess('wgs84', 'uncertain', swap, `经纬度坐标，无法仅凭数值区分 WGS84、GCJ-02（高德）与 BD-09（百度），请选择坐标系（默认按 WGS84）${swapZh}`, `lon/lat values cannot tell WGS84, GCJ-02 and BD-09 apart: please choose (WGS84 assumed)${swapEn}`, all);
}

function detectPlainGk(swap: boolean, input: DetectCrsInput): CrsGuess {
  const hints = input.hints ?? [];
  for (const text of hints) {
    const m = CM_HINT.exec(text);
    if (!m) continue;
    const v = Number(m[1] ?? m[2] ?? m[3]);
    const zone = m[3] ? v : v % 3 === 0 ? v / 3 : NaN;
    const epsg = gkEpsgOfZone(zone, false);
    if (epsg) return guess(`epsg:${epsg}`, 'likely', swap, `投影坐标（x 不带带号），“${text}”指明${m[3] ? `第 ${zone} 带` : `中央经线 ${v}°E`}：EPSG:${epsg}`, `projected (no zone prefix); "${text}" names ${m[3] ? `zone ${zone}` : `CM ${v}°E`}: EPSG:${epsg}`);
  }
  const rb = referenceBbox(input.reference);
  const swapZh = swap ? '（x 列为北坐标，已交换）' : '';
  if (rb) {
    const zone = gkZoneForLon((rb[0] + rb[2]) / 2);
    const epsg = gkEpsgOfZone(zone, false)!;
    return guess(`epsg:${epsg}`, 'likely', swap, `高斯-克吕格投影坐标（x 不带带号）${swapZh}，参考范围位于中央经线 ${zone * 3}°E 的 3° 带：EPSG:${epsg}`, `Gauss–Krüger without zone prefix; the reference area lies in the CM ${zone * 3}°E zone: EPSG:${epsg}`);
  }
  const cands: CrsId[] = [];
  for (let z = 25; z <= 45; z++) cands.push(`epsg:${gkEpsgOfZone(z, false) ?? 0}`);
  return guess(null, 'uncertain', swap, `高斯-克吕格投影坐标（x 不带带号）${swapZh}，无法判断所在的 3° 带，请选择中央经线（EPSG:4534–4554）`, 'Gauss–Krüger without zone prefix: the zone cannot be told, please choose the central meridian (EPSG:4534–4554)', cands);
}

/** Guess the CRS of coordinate pairs (x = the column mapped to longitude). */
export function detectCrs(input: DetectCrsInput): CrsGuess {
  const [xs, ys] = sample(input.xs, input.ys);
  const prj = readPrj(input.prj);
  if (xs.length === 0) {
    if (prj?.crs) return guess(prj.crs, 'certain', false, prj.reasonZh, prj.reasonEn);
    return guess(null, 'uncertain', false, '没有有效的坐标值，无法判断坐标系', 'no valid coordinates');
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
      if (!prefixMismatch) return guess(prj.crs, 'certain', swap, prj.reasonZh + (swap ? '；x、y 两列互换' : ''), prj.reasonEn);
    }
  }
  const prjNote = prj ? `（${prj.reasonZh}，与坐标值不符或不支持，改按数值判断）` : '';
  const prjNoteEn = prj ? ` (${prj.reasonEn}; ignored)` : '';
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
      g = guess(`epsg:${epsg}`, 'likely', swap, `投影坐标，${swap ? 'y 列（东坐标）' : 'x 坐标'}前两位为带号 ${zone}：CGCS2000 3° 带第 ${zone} 带（中央经线 ${zone * 3}°E，EPSG:${epsg}）${swap ? '；测量习惯 X 为北坐标，两列已交换' : ''}`, `projected; easting starts with zone number ${zone}: EPSG:${epsg}${swap ? ' (X/Y survey order swapped)' : ''}`);
      break;
    }
    case 'gkPlain':
    case 'gkPlainSwapped':
      g = detectPlainGk(swap, input);
      break;
    case 'gk6':
      g = guess(null, 'uncertain', false, '坐标像 6° 带高斯投影（带号 13–23），暂不支持，请先转换为 3° 带或经纬度', 'looks like a 6° Gauss–Krüger zone (13–23): not supported');
      break;
    default:
      g = guess(null, 'uncertain', false, '坐标值既不是中国范围内的经纬度，也不像高斯-克吕格投影坐标', 'values are neither lon/lat in China nor Gauss–Krüger metres');
  }
  if (prj) g = { ...g, confidence: 'uncertain', reasonZh: g.reasonZh + prjNote, reasonEn: g.reasonEn + prjNoteEn };
  return g;
}
