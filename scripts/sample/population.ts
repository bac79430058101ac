/**
 * The 200 m population grid: residents of each community spread over the cells
 * its rectangle covers, plus a background (housing not listed as a 小区) over
 * every inhabited cell, summing exactly to the census population; children by
 * the census age shares, more of them where the housing is new.
 */
import { cellKey, cellOf } from './geo';
import { rectSamples, type GenCommunity } from './communities';
import { apportion, type Rng } from './prng';
import type { Cell, UrbanModel } from './urban-model';

export interface GenCell extends Cell {
  id: string;
  residents: number;
  children0to2: number;
  children3to5: number;
  /** residents-weighted built year (communities + background) */
  meanYear: number;
}

/** relative share of children in housing of a given age (young families move into new housing) */
function childFactor(year: number): number {
  if (year < 1990) return 0.72;
  if (year <= 2010) return 0.95;
  if (year <= 2017) return 1.3;
  return 1.5;
}

export interface PopulationTargets {
  residents: number;
  age3to5: number;
  age0to2: number;
  /** residents of the villages of each 镇 */
  villageResidents: Map<string, number>;
}

export function buildPopulation(model: UrbanModel, communities: GenCommunity[], targets: PopulationTargets, rng: Rng): GenCell[] {
  const idx = new Map<string, number>();
  model.list.forEach((c, i) => idx.set(cellKey(c.row, c.col), i));
  const fromComm = Array.from({ length: model.list.length }, () => 0);
  const yearSum = Array.from({ length: model.list.length }, () => 0);
  const coverage = Array.from({ length: model.list.length }, () => 0);

  for (const c of communities) {
    if (c.underConstruction) continue;
    const samples = rectSamples(c);
    const hits = new Map<number, number>();
    for (const p of samples) {
      const { row, col } = cellOf(p);
      const i = idx.get(cellKey(row, col));
      if (i === undefined) throw new Error(`community ${c.id} outside the inhabited cells`);
      hits.set(i, (hits.get(i) ?? 0) + 1);
    }
    const cellIds = [...hits.keys()];
    const shares = apportion(c.residents, cellIds.map((i) => hits.get(i)!));
    const areaPerSample = (c.w * c.h) / samples.length;
    cellIds.forEach((i, k) => {
      fromComm[i] += shares[k];
      yearSum[i] += shares[k] * c.builtYear;
      coverage[i] += (hits.get(i)! * areaPerSample) / 40000;
    });
  }

  // background: older (unlisted 平房, 宿舍, 城中村) housing weighs more, cells full of 小区 less
  const villageTotal = [...targets.villageResidents.values()].reduce((s, v) => s + v, 0);
  const communityTotal = fromComm.reduce((s, v) => s + v, 0);
  const urbanBackground = targets.residents - communityTotal - villageTotal;
  if (urbanBackground < 0.05 * targets.residents) throw new Error(`communities hold too many residents (${communityTotal})`);
  const urbanIdx = model.list.map((c, i) => (c.kind === 'urban' ? i : -1)).filter((i) => i >= 0);
  const bgWeights = urbanIdx.map((i) => {
    const cell = model.list[i];
    const age = cell.baseYear < 1990 ? 1.5 : cell.baseYear <= 2010 ? 1 : 0.45;
    return age * Math.max(0.08, 1 - 0.85 * Math.min(1, coverage[i])) * rng.range(0.5, 1.5);
  });
  const bg = Array.from({ length: model.list.length }, () => 0);
  apportion(urbanBackground, bgWeights).forEach((v, k) => (bg[urbanIdx[k]] = v));
  for (const [code, total] of targets.villageResidents) {
    const ids = model.list.map((c, i) => (c.kind === 'village' && c.streetCode === code ? i : -1)).filter((i) => i >= 0);
    apportion(total, ids.map(() => rng.range(0.6, 1.4))).forEach((v, k) => (bg[ids[k]] = v));
  }

  const residents = model.list.map((_, i) => fromComm[i] + bg[i]);
  const meanYear = model.list.map((c, i) => {
    const bgYear = c.kind === 'village' ? 1985 : Math.min(2015, c.baseYear);
    return residents[i] > 0 ? (yearSum[i] + bg[i] * bgYear) / residents[i] : bgYear;
  });
  const f3 = model.list.map((c, i) => residents[i] * childFactor(meanYear[i]) * (c.kind === 'village' ? 0.8 : 1) * rng.range(0.85, 1.15));
  const f0 = model.list.map((c, i) => residents[i] * childFactor(meanYear[i]) ** 1.25 * (c.kind === 'village' ? 0.8 : 1) * rng.range(0.85, 1.15));
  const c3 = apportion(targets.age3to5, f3);
  const c0 = apportion(targets.age0to2, f0);

  return model.list
    .map((c, i) => ({
      ...c,
      id: `G${String(c.row).padStart(3, '0')}${String(c.col).padStart(3, '0')}`,
      residents: residents[i],
      children0to2: c0[i],
      children3to5: c3[i],
      meanYear: meanYear[i],
    }))
    .filter((c) => c.residents > 0);
}
