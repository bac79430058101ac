import { describe, expect, it } from 'vitest';
import { checkStatement, scanStatements } from '../../src/data/sql-guard';

const kind = (sql: string) => {
  const r = checkStatement(sql);
  return r.ok ? r.kind : `refused:${r.code}`;
};

describe('checkStatement (SQL console guard)', () => {
  it('accepts every read-only kind', () => {
    expect(kind('SELECT * FROM kindergartens')).toBe('select');
    expect(kind('  select 1;  ')).toBe('select');
    expect(kind('WITH t AS (SELECT 1 AS x) SELECT * FROM t')).toBe('select');
    expect(kind('FROM kindergartens LIMIT 3')).toBe('select');
    expect(kind('VALUES (1), (2)')).toBe('select');
    expect(kind('(SELECT 1) UNION ALL (SELECT 2)')).toBe('select');
    expect(kind('DESCRIBE kindergartens')).toBe('describe');
    expect(kind('DESC kindergartens')).toBe('describe');
    expect(kind('SHOW TABLES')).toBe('show');
    expect(kind('EXPLAIN SELECT * FROM communities')).toBe('explain');
    expect(kind('EXPLAIN ANALYZE SELECT 1')).toBe('explain');
    expect(kind('SUMMARIZE population')).toBe('summarize');
    expect(kind("PRAGMA table_info('kindergartens')")).toBe('pragma');
    expect(kind('PRAGMA show_tables')).toBe('pragma');
  });

  it('refuses statements that are not queries, naming the keyword', () => {
    for (const [sql, kw] of [
      ['DELETE FROM kindergartens', 'DELETE'],
      ["UPDATE kindergartens SET places = 0", 'UPDATE'],
      ["INSERT INTO kindergartens (id) VALUES ('x')", 'INSERT'],
      ['DROP TABLE kindergartens', 'DROP'],
      ['CREATE TABLE x AS SELECT 1', 'CREATE'],
      ['ALTER TABLE kindergartens ADD COLUMN x INT', 'ALTER'],
      ['TRUNCATE kindergartens', 'TRUNCATE'],
      ['SET threads = 1', 'SET'],
      ['BEGIN TRANSACTION', 'BEGIN'],
      ['CHECKPOINT', 'CHECKPOINT'],
    ] as const) {
      expect(checkStatement(sql)).toEqual({ ok: false, code: 'notQuery', keyword: kw });
    }
  });

  it('refuses a write hidden inside a query-looking statement', () => {
    expect(checkStatement('WITH t AS (SELECT 1) DELETE FROM kindergartens')).toEqual({ ok: false, code: 'writeInside', keyword: 'DELETE' });
    expect(checkStatement('EXPLAIN ANALYZE UPDATE kindergartens SET places = 0')).toEqual({ ok: false, code: 'writeInside', keyword: 'UPDATE' });
    expect(checkStatement('DESCRIBE DROP TABLE x')).toMatchObject({ ok: false, code: 'writeInside' });
  });

  it('refuses PRAGMAs that may change settings', () => {
    expect(checkStatement('PRAGMA threads = 1')).toEqual({ ok: false, code: 'pragma', keyword: 'THREADS' });
    expect(checkStatement('PRAGMA enable_profiling')).toEqual({ ok: false, code: 'pragma', keyword: 'ENABLE_PROFILING' });
    expect(checkStatement('PRAGMA show = 1')).toMatchObject({ ok: false, code: 'pragma' });
  });

  it('ignores keywords and semicolons inside comments, strings and quoted names', () => {
    expect(kind("SELECT * FROM kindergartens WHERE name = 'x; DELETE FROM kindergartens'")).toBe('select');
    expect(kind("SELECT 'it''s; DROP TABLE t' AS s")).toBe('select');
    expect(kind("SELECT E'a\\'; DROP TABLE t' AS s")).toBe('select');
    expect(kind('SELECT "delete" FROM t')).toBe('select');
    expect(kind('SELECT 1 -- ; DELETE FROM kindergartens')).toBe('select');
    expect(kind('/* DELETE FROM kindergartens; */ SELECT 1')).toBe('select');
    expect(kind('SELECT $$ ; DELETE $$ AS s')).toBe('select');
    expect(kind('SELECT $x$ ; DROP $x$ AS s')).toBe('select');
    expect(kind('SELECT update_time, deleted FROM t')).toBe('select');
    // a comment in front of a write does not make it a query
    expect(checkStatement('-- 查询\nDELETE FROM kindergartens')).toMatchObject({ ok: false, code: 'notQuery', keyword: 'DELETE' });
    expect(checkStatement('/* SELECT */ DROP TABLE kindergartens')).toMatchObject({ ok: false, code: 'notQuery', keyword: 'DROP' });
  });

  it('refuses more than one statement and empty input', () => {
    expect(checkStatement('SELECT 1; SELECT 2')).toEqual({ ok: false, code: 'multiple', count: 2 });
    expect(checkStatement('SELECT 1; DELETE FROM kindergartens;')).toEqual({ ok: false, code: 'multiple', count: 2 });
    expect(checkStatement('SELECT 1;;  ;')).toMatchObject({ ok: true, statement: 'SELECT 1' });
    expect(checkStatement('  -- 只有注释\n ')).toEqual({ ok: false, code: 'empty' });
    expect(checkStatement(';')).toEqual({ ok: false, code: 'empty' });
    expect(checkStatement('"kindergartens"')).toMatchObject({ ok: false, code: 'notQuery' });
  });

  it('allowWrite lets one statement of any kind through, still one only', () => {
    expect(checkStatement('DELETE FROM kindergartens', true)).toEqual({ ok: true, kind: 'write', statement: 'DELETE FROM kindergartens' });
    expect(checkStatement('SELECT 1', true)).toMatchObject({ ok: true, kind: 'select' });
    expect(checkStatement('DELETE FROM a; DELETE FROM b', true)).toMatchObject({ ok: false, code: 'multiple' });
  });

  describe('offline: no file, no URL, no extension, no change of the offline settings — in both modes', () => {
    const refused = (sql: string, allowWrite: boolean) => {
      const r = checkStatement(sql, allowWrite);
      return r.ok ? 'accepted' : `${r.code}:${r.keyword}`;
    };
    it.each([false, true])('allowWrite = %s', (allowWrite) => {
      const u = 'http://127.0.0.1:8123/x.csv';
      for (const [sql, want] of [
        [`SELECT * FROM read_csv(['${u}'])`, 'external:read_csv'],
        [`SELECT * FROM read_csv_auto('data.csv')`, 'external:read_csv_auto'],
        [`select * from READ_PARQUET('s3://bucket/x.parquet')`, 'external:read_parquet'],
        [`SELECT * FROM read_json('/etc/passwd')`, 'external:read_json'],
        [`SELECT * FROM read_text('x.txt')`, 'external:read_text'],
        [`SELECT * FROM glob('*')`, 'external:glob'],
        [`SELECT * FROM parquet_scan('x.parquet')`, 'external:parquet_scan'],
        [`SELECT * FROM main."read_csv"('x.csv')`, 'external:read_csv'],
        [`SELECT * FROM read_csv /* c */ ('x.csv')`, 'external:read_csv'],
        [`SELECT * FROM query('SELECT 1')`, 'external:query'],
        [`CREATE TABLE t AS SELECT * FROM read_csv('x.csv')`, 'external:read_csv'],
        [`SELECT * FROM '${u}'`, `url:${u}`],
        [`SELECT * FROM 'https://example.com/a.parquet'`, 'url:https://example.com/a.parquet'],
        [`SELECT 's3://b/k' AS u`, 'url:s3://b/k'],
        [`SELECT * FROM E'http\\://x/y.csv'`, 'url:http://x/y.csv'],
        [`SELECT * FROM 'kindergartens.csv'`, "external:FROM 'kindergartens.csv'"],
        [`FROM '/etc/passwd'`, "external:FROM '/etc/passwd'"],
        [`SELECT * FROM kindergartens k JOIN 'x.parquet' p ON k.id = p.id`, "external:JOIN 'x.parquet'"],
        [`SELECT * FROM kindergartens, 'x.csv'`, "external:FROM 'x.csv'"],
        [`SELECT * FROM (SELECT * FROM 'x.csv')`, "external:FROM 'x.csv'"],
        [`ATTACH '${u}' AS x`, 'external:ATTACH'],
        [`ATTACH 'x.db'`, 'external:ATTACH'],
        [`DETACH x`, 'external:DETACH'],
        [`COPY kindergartens TO 'x.csv'`, 'external:COPY'],
        [`COPY kindergartens FROM '${u}'`, 'external:COPY'],
        [`EXPLAIN ANALYZE COPY kindergartens TO 'x.csv'`, 'external:COPY'],
        [`EXPORT DATABASE 'out'`, 'external:EXPORT'],
        [`IMPORT DATABASE 'in'`, 'external:IMPORT'],
        [`INSTALL httpfs`, 'external:INSTALL'],
        [`FORCE INSTALL spatial`, 'external:FORCE INSTALL'],
        [`LOAD spatial`, 'external:LOAD'],
        [`UPDATE EXTENSIONS`, 'external:UPDATE EXTENSIONS'],
        [`SET enable_external_access = true`, 'setting:enable_external_access'],
        [`SET GLOBAL enable_external_access TO true`, 'setting:enable_external_access'],
        [`RESET enable_external_access`, 'setting:enable_external_access'],
        [`RESET ALL`, 'setting:all'],
        [`SET lock_configuration = false`, 'setting:lock_configuration'],
        [`SET autoinstall_known_extensions = true`, 'setting:autoinstall_known_extensions'],
        [`SET "allowed_directories" = ['/']`, 'setting:allowed_directories'],
        [`PRAGMA enable_external_access = true`, 'setting:enable_external_access'],
      ] as const) {
        expect(refused(sql, allowWrite), sql).toBe(want);
      }
      // what only looks like it: strings that are no FROM item, quoted words, column names, comments
      for (const sql of [
        "SELECT trim(BOTH 'x' FROM 'xabcx') AS t",
        "SELECT extract(year FROM '2025-03-01'::DATE) AS y",
        "SELECT substring('abcdef' FROM 2 FOR 3) AS s",
        "SELECT * FROM kindergartens WHERE name IN ('a.csv', 'b')",
        "SELECT * FROM kindergartens k JOIN communities c ON k.community_id = c.id WHERE c.name = 'x'",
        'SELECT "read_csv" FROM kindergartens',
        'SELECT load, copy_count, reader FROM t',
        "SELECT 'http是网址' AS note -- read_csv('http://x')",
        'SELECT current_setting(\'enable_external_access\') AS e',
      ]) {
        expect(refused(sql, allowWrite), sql).toBe('accepted');
      }
    });
  });

  it('scanStatements keeps string text and drops comments', () => {
    const [s] = scanStatements("SELECT 'a -- b' /* c */ AS x -- d");
    expect(s.text).toBe("SELECT 'a -- b'   AS x");
    expect(s.words).toEqual(['SELECT', 'AS', 'X']);
  });
});
