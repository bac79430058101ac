/**
 * A generated province-size case: kindergartens and demand points clustered in
 * ~100 city-size clusters over a 9° × 6° region of northern China (≈ 770 × 670 km).
 * Within a city both are Gaussian around the centre (σ 1.5–4 km), so the core is
 * dense (several kindergartens within 300 m) and the edge sparse.
 */
import type { AdminUnit, Kindergarten, PopulationCell } from '../src/data/schema';
import { mulberry32 } from '../scripts/sample/prng';

export interface Province {
  admin_units: AdminUnit[];
  kgLon: Float64Array;
  kgLat: Float64Array;
  kgPlaces: Float64Array;
  cellLon: Float64Array;
  cellLat: Float64Array;
  cellChildren: Float64Array;
  /** per kindergarten: classes, enrolled, type (0 public, 1 inclusive, 2 private), cluster street */
  kgClasses: Float64Array;
  kgEnrolled: Float64Array;
  kgType: Uint8Array;
  kgStreet: string[];
  cellResidents: Float64Array;
  cellStreet: string[];
}

export interface ProvinceRows {
  kindergartens: Kindergarten[];
  population: PopulationCell[];
  communities: [];
  admin_units: AdminUnit[];
}

const M_PER_DEG = (6371008.8 * Math.PI) / 180;

export function generateProvince(seed: number, nKg: number, nCells: number, nClusters = 100): Province {
  const r = mulberry32(seed);
  const gauss = () => {
    const u = Math.max(1e-12, r());
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r());
  };
  // city centres, sizes (weights) and spreads
  const cx: number[] = [];
  const cy: number[] = [];
  const sigma: number[] = [];
  const weight: number[] = [];
  for (let c = 0; c < nClusters; c++) {
    cx.push(106 + r() * 9);
    cy.push(35 + r() * 6);
    const w = Math.exp(gauss() * 0.8);
    weight.push(w);
    sigma.push(1500 + 2500 * Math.min(1, w / 4));
  }
  const total = weight.reduce((a, b) => a + b, 0);
  const cum: number[] = [];
  let acc = 0;
  for (const w of weight) cum.push((acc += w / total));
  const pick = () => {
    const u = r();
    let lo = 0;
    let hi = nClusters - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const place = (c: number): [number, number] => {
    const dy = gauss() * sigma[c];
    const dx = gauss() * sigma[c];
    const lat = cy[c] + dy / M_PER_DEG;
    const lon = cx[c] + dx / (M_PER_DEG * Math.cos((lat * Math.PI) / 180));
    return [lon, lat];
  };
  const street = (c: number, lon: number, lat: number) => `C${c}-${lon >= cx[c] ? 'E' : 'W'}${lat >= cy[c] ? 'N' : 'S'}`;
  const admin_units: AdminUnit[] = [];
  for (let c = 0; c < nClusters; c++) {
    for (const q of ['EN', 'ES', 'WN', 'WS']) {
      admin_units.push({ code: `C${c}-${q}`, name: `城${c}${q}街道`, level: 'street', lon: cx[c], lat: cy[c], geometry: null, geometry_generated: true });
    }
  }
  const kgLon = new Float64Array(nKg);
  const kgLat = new Float64Array(nKg);
  const kgPlaces = new Float64Array(nKg);
  const kgClasses = new Float64Array(nKg);
  const kgEnrolled = new Float64Array(nKg);
  const kgType = new Uint8Array(nKg);
  const kgStreet: string[] = [];
  for (let j = 0; j < nKg; j++) {
    const c = pick();
    const [lon, lat] = place(c);
    const classes = 3 + Math.floor(r() * 10);
    const places = classes * 30;
    const u = r();
    kgLon[j] = lon;
    kgLat[j] = lat;
    kgPlaces[j] = places;
    kgClasses[j] = classes;
    kgType[j] = u < 0.5 ? 0 : u < 0.8 ? 1 : 2;
    kgEnrolled[j] = Math.round(places * (0.6 + 0.4 * r()));
    kgStreet.push(street(c, lon, lat));
  }
  const cellLon = new Float64Array(nCells);
  const cellLat = new Float64Array(nCells);
  const cellChildren = new Float64Array(nCells);
  const cellResidents = new Float64Array(nCells);
  const cellStreet: string[] = [];
  for (let i = 0; i < nCells; i++) {
    const c = pick();
    const [lon, lat] = place(c);
    const residents = Math.round(20 + r() * 600);
    const ch = Math.round(residents * 0.03 * r() * 2);
    cellLon[i] = lon;
    cellLat[i] = lat;
    cellChildren[i] = ch;
    cellResidents[i] = residents;
    cellStreet.push(street(c, lon, lat));
  }
  return {
    admin_units,
    kgLon,
    kgLat,
    kgPlaces,
    cellLon,
    cellLat,
    cellChildren,
    kgClasses,
    kgEnrolled,
    kgType,
    kgStreet,
    cellResidents,
    cellStreet,
  };
}

const TYPES = ['public', 'inclusive_private', 'private'] as const;

/** The province as schema rows (the input of runAnalysis): 1M objects, build only when needed. */
export function provinceRows(p: Province): ProvinceRows {
  const kindergartens: Kindergarten[] = [];
  for (let j = 0; j < p.kgLon.length; j++) {
    const classes = p.kgClasses[j];
    kindergartens.push({
      id: `K${j}`,
      name: `幼儿园${j}`,
      type: TYPES[p.kgType[j]],
      lon: p.kgLon[j],
      lat: p.kgLat[j],
      classes,
      places: p.kgPlaces[j],
      enrolled: p.kgEnrolled[j],
      staff_total: Math.round(classes * 4.5),
      teachers: classes * 2,
      carers: classes,
      tuo_ban_places: 0,
      land_area_m2: null,
      building_area_m2: null,
      street_code: p.kgStreet[j],
      community_id: null,
      status: 'existing',
      operator: null,
    });
  }
  const population: PopulationCell[] = [];
  for (let i = 0; i < p.cellLon.length; i++) {
    population.push({
      id: `P${i}`,
      lon: p.cellLon[i],
      lat: p.cellLat[i],
      cell_size_m: 0,
      residents: p.cellResidents[i],
      children_0_2: 0,
      children_3_5: p.cellChildren[i],
      year: 2025,
      street_code: p.cellStreet[i],
    });
  }
  return { kindergartens, population, communities: [], admin_units: p.admin_units };
}
