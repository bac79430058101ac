/**
 * Level of detail for very large population layers: rows are summed into square
 * bins (at most `maxBins` over the data's extent, never smaller than 200 m), so the
 * map draws thousands of squares instead of a million dots — which a GPU manages,
 * but software rendering (virtual desktops without a GPU, headless browsers) does not.
 */
import type { PopulationCell } from '../data/schema';
import { M_PER_DEG_LAT } from './geometry';

export interface PopulationBin {
  polygon: [number, number][];
  residents: number;
  children: number;
  /** population rows summed here */
  rows: number;
}

export interface PopulationBins {
  /** edge of a bin in metres */
  binM: number;
  bins: PopulationBin[];
  /** bin index of every row (-1 for rows without valid coordinates) */
  binOf: Int32Array;
}

/** Sum population rows into square bins (sizes in metres, on a local equirectangular grid). */
export function binPopulation(rows: readonly PopulationCell[], maxBins = 10_000): PopulationBins {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (const r of rows) {
    if (!Number.isFinite(r.lon) || !Number.isFinite(r.lat)) continue;
    if (r.lon < minLon) minLon = r.lon;
    if (r.lon > maxLon) maxLon = r.lon;
    if (r.lat < minLat) minLat = r.lat;
    if (r.lat > maxLat) maxLat = r.lat;
  }
  const binOf = new Int32Array(rows.length).fill(-1);
  if (!(maxLon >= minLon)) return { binM: 200, bins: [], binOf };
  const mPerDegLon = M_PER_DEG_LAT * Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const widthM = (maxLon - minLon) * mPerDegLon;
  const heightM = (maxLat - minLat) * M_PER_DEG_LAT;
  let binM = Math.max(200, Math.ceil(Math.sqrt((widthM * heightM) / maxBins) / 50) * 50);
  // the edges add a row and a column of bins: grow until the whole grid fits
  while ((Math.floor(widthM / binM) + 1) * (Math.floor(heightM / binM) + 1) > maxBins) binM += 50;
  const nx = Math.floor(widthM / binM) + 1;
  const dLon = binM / mPerDegLon;
  const dLat = binM / M_PER_DEG_LAT;
  const index = new Map<number, number>();
  const bins: PopulationBin[] = [];
  rows.forEach((r, i) => {
    if (!Number.isFinite(r.lon) || !Number.isFinite(r.lat)) return;
    const ix = Math.floor((r.lon - minLon) / dLon);
    const iy = Math.floor((r.lat - minLat) / dLat);
    const key = iy * nx + ix;
    let b = index.get(key);
    if (b === undefined) {
      b = bins.length;
      index.set(key, b);
      const x0 = minLon + ix * dLon;
      const y0 = minLat + iy * dLat;
      bins.push({ polygon: [[x0, y0], [x0 + dLon, y0], [x0 + dLon, y0 + dLat], [x0, y0 + dLat]], residents: 0, children: 0, rows: 0 });
    }
    const bin = bins[b];
    bin.residents += Number.isFinite(r.residents) ? r.residents : 0;
    bin.children += Number.isFinite(r.children_3_5) ? r.children_3_5 : 0;
    bin.rows++;
    binOf[i] = b;
  });
  return { binM, bins, binOf };
}

/** Children 3–5 outside every catchment, per bin (`covered`: per row, 1 = inside a catchment). */
export function uncoveredChildrenByBin(p: PopulationBins, rows: readonly PopulationCell[], covered: ArrayLike<number>): Float64Array {
  const out = new Float64Array(p.bins.length);
  for (let i = 0; i < rows.length; i++) {
    const b = p.binOf[i];
    if (b >= 0 && covered[i] === 0) {
      const c = rows[i].children_3_5;
      out[b] += Number.isFinite(c) ? c : 0;
    }
  }
  return out;
}
