import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbConnector, SqlSession } from '../../src/data/db';
import { openNodeDb } from '../../src/data/duckdb-node';
import { listTables, runConsoleSql } from '../../src/data/sql-console';
import { decimalText } from '../../src/data/sql-result';
import { replaceLayerTable } from '../../src/data/tables';
import type { Kindergarten } from '../../src/data/schema';

const kg = (id: string, places: number, street: string): Kindergarten =>
  ({
    id, name: `${id}园`, type: 'public', lon: 109.8, lat: 40.65, classes: 6, places, enrolled: places - 10, staff_total: 20, teachers: 12,
    carers: 6, tuo_ban_places: 0, land_area_m2: null, building_area_m2: null, street_code: street, community_id: null, status: 'existing', operator: null,
  });

describe('SQL console on real DuckDB', () => {
  let db: DbConnector;
  let session: SqlSession;
  const snapshot = async () => JSON.stringify(await db.query('SELECT id, places FROM kindergartens ORDER BY id'));
  beforeAll(async () => {
    db = await openNodeDb();
    await replaceLayerTable(db, 'kindergartens', [kg('k1', 180, '150203001'), kg('k2', 270, '150203001'), kg('k3', 90, '150203002')]);
    session = await db.openSession!();
  });
  afterAll(async () => {
    await session.close();
    await db.close();
  });

  it('runs a query with columns in order, duplicates kept, and the time taken', async () => {
    const out = await runConsoleSql(
      session,
      'SELECT street_code, sum(places) AS places, count(*) AS n, 1 AS n FROM kindergartens GROUP BY street_code ORDER BY street_code',
    );
    expect(out.status).toBe('done');
    if (out.status !== 'done') return;
    expect(out.result.columns).toEqual(['street_code', 'places', 'n', 'n']);
    // sum() is HUGEINT (an Arrow decimal): shown as its integer
    expect(out.result.rows).toEqual([
      ['150203001', '450', 2, 1],
      ['150203002', '90', 1, 1],
    ]);
    expect(out.result.totalRows).toBe(2);
    expect(out.ms).toBeGreaterThanOrEqual(0);
  });

  it('shows decimals, dates and timestamps as text and caps kept rows', async () => {
    const out = await runConsoleSql(session, "SELECT 1.5::DECIMAL(10,2) AS d, -0.05::DECIMAL(6,3) AS neg, DATE '2025-03-31' AS day, TIMESTAMP '2025-03-31 08:05:09' AS ts, [1,2] AS l");
    expect(out.status === 'done' && out.result.rows[0]).toEqual(['1.50', '-0.050', '2025-03-31', '2025-03-31 08:05:09', '[1,2]']);
    const many = await runConsoleSql(session, 'SELECT * FROM range(25000)', { maxRows: 10 });
    expect(many.status === 'done' && [many.result.rows.length, many.result.totalRows]).toEqual([10, 25000]);
    expect(decimalText(-5n, 3)).toBe('-0.005');
  });

  it('a write attempt is refused and the table is unchanged', async () => {
    const before = await snapshot();
    for (const sql of ['DELETE FROM kindergartens', 'UPDATE kindergartens SET places = 0', 'DROP TABLE kindergartens', 'SELECT 1; DELETE FROM kindergartens']) {
      const out = await runConsoleSql(session, sql);
      expect(out.status).toBe('refused');
    }
    expect(await snapshot()).toBe(before);
  });

  it('a statement that slips past the guard still cannot write (read-only transaction, rolled back)', async () => {
    const before = await snapshot();
    // nextval on a sequence writes; the READ ONLY transaction refuses it
    await db.query('CREATE SEQUENCE IF NOT EXISTS seq_console');
    const out = await runConsoleSql(session, "SELECT nextval('seq_console') AS v");
    expect(out.status).toBe('error');
    expect(out.status === 'error' && out.message).toMatch(/read-only/);
    expect(await snapshot()).toBe(before);
    // the session is usable afterwards (the transaction was rolled back)
    expect((await runConsoleSql(session, 'SELECT count(*) AS n FROM kindergartens')).status).toBe('done');
  });

  const RECURSIVE = 'WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t) SELECT count(*) FROM t';

  it('stops a runaway query at the time limit; the session and the database keep working', async () => {
    const out = await runConsoleSql(session, RECURSIVE, { timeoutMs: 400 });
    expect(out).toMatchObject({ status: 'cancelled', reason: 'timeout', timeoutMs: 400 });
    // the read-only transaction was rolled back: the next read-only run can open its own
    const next = await runConsoleSql(session, 'SELECT count(*)::INTEGER AS n FROM kindergartens');
    expect(next.status === 'done' && next.result.rows).toEqual([[3]]);
    expect(await db.query('SELECT count(*)::INTEGER AS n FROM kindergartens')).toEqual([{ n: 3 }]);
  });

  it('stops a query when its signal aborts (取消), in both modes', async () => {
    for (const allowWrite of [false, true]) {
      const stop = new AbortController();
      setTimeout(() => stop.abort(), 300);
      const out = await runConsoleSql(session, RECURSIVE, { allowWrite, signal: stop.signal, timeoutMs: 0 });
      expect(out, `allowWrite ${allowWrite}`).toMatchObject({ status: 'cancelled', reason: 'user' });
      const next = await runConsoleSql(session, 'SELECT 41 + 1 AS x', { allowWrite });
      expect(next.status === 'done' && next.result.rows).toEqual([[42]]);
    }
    // aborted before it starts: stopped too
    const early = new AbortController();
    early.abort();
    expect(await runConsoleSql(session, RECURSIVE, { signal: early.signal })).toMatchObject({ status: 'cancelled', reason: 'user' });
    expect((await runConsoleSql(session, 'SELECT 1 AS x')).status).toBe('done');
  });

  it('a cancel with nothing running changes nothing; a query that ends in time keeps its result', async () => {
    await session.cancel();
    const out = await runConsoleSql(session, 'SELECT count(*)::INTEGER AS n FROM range(100000)', { timeoutMs: 10_000 });
    expect(out.status === 'done' && out.result.rows).toEqual([[100000]]);
  });

  it("reports DuckDB's message for a bad query", async () => {
    const out = await runConsoleSql(session, 'SELECT * FROM no_such_table');
    expect(out.status).toBe('error');
    expect(out.status === 'error' && out.message).toMatch(/no_such_table/);
  });

  it('allowWrite runs a change (kept in DuckDB)', async () => {
    const out = await runConsoleSql(session, "DELETE FROM kindergartens WHERE id = 'k3'", { allowWrite: true });
    expect(out.status).toBe('done');
    expect(await db.query('SELECT id FROM kindergartens ORDER BY id')).toEqual([{ id: 'k1' }, { id: 'k2' }]);
  });

  it('lists tables with their columns, staging tables left out', async () => {
    await db.query('CREATE TABLE __stage_x (a INT)');
    await db.query('CREATE TABLE ledger_events (community_id VARCHAR, event_date DATE)');
    const tables = await listTables(session);
    expect(tables.map((t) => t.name)).toEqual(['kindergartens', 'ledger_events']);
    expect(tables[1].columns).toEqual([
      { name: 'community_id', type: 'VARCHAR' },
      { name: 'event_date', type: 'DATE' },
    ]);
    expect(tables[0].columns.map((c) => c.name)).toContain('places');
  });
});

describe('SQL console examples on the sample data', () => {
  it('every example runs read-only and returns rows', async () => {
    const { loadDataFolder } = await import('../../src/data/load-folder-node');
    const { loadAllLayers } = await import('../../src/data/tables');
    const { sqlExamples } = await import('../../src/data/sql-examples');
    const db = await openNodeDb();
    await loadAllLayers(db, loadDataFolder('data').data);
    const session = await db.openSession!();
    for (const ex of [...sqlExamples('zh'), ...sqlExamples('en')]) {
      const out = await runConsoleSql(session, ex.sql);
      expect(out.status, `${ex.title}: ${out.status === 'error' ? out.message : ''}`).toBe('done');
      expect(out.status === 'done' && out.result.totalRows, ex.title).toBeGreaterThan(0);
    }
    await session.close();
    await db.close();
  }, 60_000);
});
