/**
 * DuckDB kept offline (issue 20), on the real engine (duckdb-wasm's Node build):
 * the settings hold on every connection, cannot be changed, block files and URLs
 * even when the console's guard is bypassed, and the app's own loading still works.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbConnector, SqlSession } from '../../src/data/db';
import { OFFLINE_SETTINGS, offlineSettingsSql } from '../../src/data/duckdb-offline';
import { openNodeDb } from '../../src/data/duckdb-node';
import { runConsoleSql } from '../../src/data/sql-console';
import { replaceLayerTable } from '../../src/data/tables';
import type { Kindergarten } from '../../src/data/schema';

const kg = (id: string, places: number): Kindergarten =>
  ({
    id, name: `${id}园`, type: 'public', lon: 109.8, lat: 40.65, classes: 6, places, enrolled: places - 10, staff_total: 20, teachers: 12,
    carers: 6, tuo_ban_places: 0, land_area_m2: null, building_area_m2: null, street_code: '150203001', community_id: null, status: 'existing', operator: null,
  });

describe('DuckDB offline settings (Node connector, real DuckDB)', () => {
  let db: DbConnector;
  let session: SqlSession;
  let server: http.Server;
  let base = '';
  const hits: string[] = [];
  const localFile = path.resolve('package.json');

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      hits.push(`${req.method} ${req.url}`);
      res.end('a,b\n1,2\n');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    db = await openNodeDb();
    session = await db.openSession!();
  });
  afterAll(async () => {
    await session.close();
    await db.close();
    await new Promise((r) => server.close(r));
  });

  it('applies the settings, the lock last', () => {
    expect(offlineSettingsSql().at(-1)).toBe('SET lock_configuration = true');
    expect(offlineSettingsSql()).toContain('SET enable_external_access = false');
    expect(offlineSettingsSql()).toContain('SET autoinstall_known_extensions = false');
    expect(offlineSettingsSql()).toContain('SET autoload_known_extensions = false');
  });

  it('holds on the main connection and on a console session', async () => {
    const sql = `SELECT name, value FROM duckdb_settings() WHERE name IN (${OFFLINE_SETTINGS.map(([n]) => `'${n}'`).join(', ')}) ORDER BY name`;
    const want = OFFLINE_SETTINGS.map(([name, value]) => ({ name, value })).sort((a, b) => a.name.localeCompare(b.name));
    expect(await db.query(sql)).toEqual(want);
    const res = await session.run(sql, 100);
    expect(res.rows.map(([name, value]) => ({ name, value }))).toEqual(want);
  });

  it('refuses to change or reset them, on either connection', async () => {
    for (const sql of [
      'SET enable_external_access = true',
      'RESET enable_external_access',
      'SET lock_configuration = false',
      'SET autoinstall_known_extensions = true',
      'SET GLOBAL autoload_known_extensions = true',
      'PRAGMA enable_external_access = true',
    ]) {
      await expect(db.query(sql), sql).rejects.toThrow(/locked/);
      await expect(session.run(sql, 0), sql).rejects.toThrow(/locked/);
    }
    expect((await db.query("SELECT current_setting('enable_external_access') AS v"))[0].v).toBe(false);
  });

  it('blocks files and URLs inside DuckDB even without the console guard', async () => {
    for (const sql of [
      `SELECT * FROM read_csv(['${base}/x.csv'])`,
      `SELECT * FROM '${base}/x.csv'`,
      `SELECT * FROM read_csv('${localFile}')`,
      `SELECT * FROM read_text('${localFile}')`,
      `SELECT * FROM glob('${path.dirname(localFile)}/*')`,
      `ATTACH '${base}/x.db' AS x`,
      `COPY (SELECT 1) TO '${path.resolve('test-results/never.csv')}'`,
    ]) {
      await expect(session.run(sql, 10), sql).rejects.toThrow(/disabled by configuration/);
    }
    await expect(session.run('LOAD spatial', 0)).rejects.toThrow(/disabled through configuration/);
    expect(hits).toEqual([]);
  });

  it('the console refuses them in both modes before DuckDB sees them', async () => {
    for (const allowWrite of [false, true]) {
      for (const sql of [`SELECT * FROM read_csv(['${base}/x.csv'])`, `ATTACH '${localFile}'`, 'SET enable_external_access = true', `COPY kindergartens TO '${base}/y.csv'`]) {
        const out = await runConsoleSql(session, sql, { allowWrite });
        expect(out.status, `${sql} (allowWrite ${allowWrite})`).toBe('refused');
      }
    }
    expect(hits).toEqual([]);
  });

  it("the app's own loading (Arrow IPC buffers) still works", async () => {
    await replaceLayerTable(db, 'kindergartens', [kg('k1', 180), kg('k2', 270)]);
    expect(await db.query('SELECT id, places FROM kindergartens ORDER BY id')).toEqual([
      { id: 'k1', places: 180 },
      { id: 'k2', places: 270 },
    ]);
    const out = await runConsoleSql(session, 'SELECT sum(places)::INTEGER AS s FROM kindergartens');
    expect(out.status === 'done' && out.result.rows).toEqual([[450]]);
  });
});
