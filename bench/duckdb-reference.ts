/**
 * The same coverage + 2SFCA in DuckDB native (@duckdb/node-api 1.5.5-r.5):
 * grid-bucket join (cells of ≥ radius, kindergartens expanded to the 3×3
 * neighbouring buckets) + haversine filter, then the two 2SFCA steps as GROUP BYs.
 * Loading the tables is not timed; the query is.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const R = 6371008.8;

export interface DuckResult {
  ms: number[];
  covered: number;
  pairs: number;
  /** Σ A_i·P_i plain / Gaussian */
  sumAPPlain: number;
  sumAPGauss: number;
  accessPlain: Float64Array;
  accessGaussian: Float64Array;
  threads: number;
  version: string;
}

function csv(file: string, header: string, cols: ArrayLike<number>[]): void {
  const n = cols[0].length;
  const parts: string[] = [header];
  for (let i = 0; i < n; i++) {
    let line = String(i);
    for (const c of cols) line += `,${c[i]}`;
    parts.push(line);
  }
  writeFileSync(file, `${parts.join('\n')}\n`);
}

export async function duckdbReference(
  kgLon: Float64Array,
  kgLat: Float64Array,
  places: Float64Array,
  cellLon: Float64Array,
  cellLat: Float64Array,
  children: Float64Array,
  radiusM: number,
  runs: number,
): Promise<DuckResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'duckref-'));
  try {
    csv(path.join(dir, 'kg.csv'), 'j,lon,lat,places', [kgLon, kgLat, places]);
    csv(path.join(dir, 'cell.csv'), 'i,lon,lat,p', [cellLon, cellLat, children]);
    const inst = await DuckDBInstance.create(':memory:');
    const con = await inst.connect();
    const one = async (sql: string) => (await con.runAndReadAll(sql)).getRowsJS()[0];
    const version = String((await one('SELECT version()'))[0]);
    const threads = Number((await one("SELECT current_setting('threads')"))[0]);
    await con.run(`CREATE TABLE kg AS SELECT * FROM read_csv('${dir}/kg.csv', columns={'j':'INTEGER','lon':'DOUBLE','lat':'DOUBLE','places':'DOUBLE'}, header=true)`);
    await con.run(`CREATE TABLE cell AS SELECT * FROM read_csv('${dir}/cell.csv', columns={'i':'INTEGER','lon':'DOUBLE','lat':'DOUBLE','p':'DOUBLE'}, header=true)`);
    // bucket sizes in degrees, conservative at the highest latitude (as the engine does)
    let maxAbsLat = 0;
    for (let j = 0; j < kgLat.length; j++) maxAbsLat = Math.max(maxAbsLat, Math.abs(kgLat[j]));
    const cellM = radiusM * 1.000001 + 0.001;
    const dLat = (cellM / R) * (180 / Math.PI);
    const dLon = dLat / Math.cos(((maxAbsLat + dLat + 0.01) * Math.PI) / 180);
    const hav = (a: string, b: string) =>
      `2 * ${R} * asin(sqrt(pow(sin(radians(${b}.lat - ${a}.lat) / 2), 2) + cos(radians(${a}.lat)) * cos(radians(${b}.lat)) * pow(sin(radians(${b}.lon - ${a}.lon) / 2), 2)))`;
    const sql = `
      CREATE OR REPLACE TEMP TABLE pairs AS
      WITH kb AS (
        SELECT j, lon, lat, places, floor(lon / ${dLon})::BIGINT + dx AS bx, floor(lat / ${dLat})::BIGINT + dy AS by
        FROM kg, (SELECT unnest([-1, 0, 1]) AS dx) x, (SELECT unnest([-1, 0, 1]) AS dy) y
      ),
      cb AS (SELECT i, lon, lat, p, floor(lon / ${dLon})::BIGINT AS bx, floor(lat / ${dLat})::BIGINT AS by FROM cell),
      cand AS (SELECT kb.j, cb.i, cb.p, ${hav('kb', 'cb')} AS d FROM kb JOIN cb ON kb.bx = cb.bx AND kb.by = cb.by)
      SELECT j, i, p, d, (exp(-0.5 * pow(d / ${radiusM}, 2)) - exp(-0.5)) / (1 - exp(-0.5)) AS w FROM cand WHERE d <= ${radiusM};
      CREATE OR REPLACE TEMP TABLE ratio AS
        SELECT pairs.j, any_value(kg.places) / sum(p) AS rp,
               CASE WHEN sum(w * p) > 0 THEN any_value(kg.places) / sum(w * p) END AS rg
        FROM pairs JOIN kg USING (j) GROUP BY pairs.j HAVING sum(p) > 0;
      CREATE OR REPLACE TEMP TABLE access AS
        SELECT pairs.i, sum(coalesce(rp, 0)) AS ap, sum(coalesce(w * rg, 0)) AS ag, any_value(pairs.p) AS p
        FROM pairs LEFT JOIN ratio USING (j) GROUP BY pairs.i;
    `;
    const ms: number[] = [];
    for (let k = 0; k < runs; k++) {
      const t = performance.now();
      await con.run(sql);
      ms.push(performance.now() - t);
    }
    const [pairs] = await one('SELECT count(*)::DOUBLE FROM pairs');
    const [covered, sumAPPlain, sumAPGauss] = await one('SELECT count(*)::DOUBLE, sum(ap * p), sum(ag * p) FROM access');
    const accessPlain = new Float64Array(cellLon.length);
    const accessGaussian = new Float64Array(cellLon.length);
    const cols = (await con.runAndReadAll('SELECT i, ap, ag FROM access')).getColumnsJS();
    const ids = cols[0] as number[];
    const ap = cols[1] as number[];
    const ag = cols[2] as number[];
    for (let k = 0; k < ids.length; k++) {
      accessPlain[ids[k]] = ap[k];
      accessGaussian[ids[k]] = ag[k];
    }
    con.closeSync();
    inst.closeSync();
    return {
      ms,
      covered: Number(covered),
      pairs: Number(pairs),
      sumAPPlain: Number(sumAPPlain),
      sumAPGauss: Number(sumAPGauss),
      accessPlain,
      accessGaussian,
      threads,
      version,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
