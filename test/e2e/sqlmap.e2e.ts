/**
 * SQL console and the ledger on the map: a query runs and shows rows, a DELETE is
 * refused and leaves the table as it was; overdue communities are ringed (pixels
 * change when the overlay is toggled); focus() moves the map and names appear.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { assert, assertEqual } from './assert';
import { countDiff, mapShot as shotOfMap, pollUntil } from './browser';
import type { E2eContext, E2eTest } from './run-e2e';

const mapShot = (ctx: E2eContext, name?: string): Promise<Buffer> => shotOfMap(ctx.page, name ? path.join(ctx.shots, name) : undefined);

const OUTCOMES = '[data-testid=sql-status],[data-testid=sql-refused],[data-testid=sql-error],[data-testid=sql-cancelled]';

/** Run the editor's text and wait for its own result, refusal or error (not the previous run's). */
async function runSql(ctx: E2eContext, sql: string): Promise<void> {
  const { page } = ctx;
  await page.locator('[data-testid=sql-editor]').fill(sql);
  // mark the outcome on screen: a run removes it, so an unmarked one is this run's
  await page.evaluate((sel) => document.querySelectorAll(sel).forEach((e) => e.setAttribute('data-e2e-previous', '')), OUTCOMES);
  await page.locator('[data-testid=sql-editor]').press('Control+Enter');
  await page.waitForFunction(
    ([q, sel]) => {
      const busy = document.querySelector('[data-testid=sql-run]')?.hasAttribute('disabled');
      const out = [...document.querySelectorAll(sel)].find((e) => !e.hasAttribute('data-e2e-previous'));
      return !busy && out !== undefined && (document.querySelector('[data-testid=sql-editor]') as HTMLTextAreaElement).value === q;
    },
    [sql, OUTCOMES] as const,
    { timeout: 15000 },
  );
}

const kgCount = async (ctx: E2eContext): Promise<string> => {
  await runSql(ctx, 'SELECT count(*) AS n FROM kindergartens');
  return (await ctx.page.locator('[data-testid=sql-result-table] tbody tr td').first().textContent()) ?? '';
};

/** A local HTTP server on 127.0.0.1 that answers CSV and counts every request it gets. */
async function countingServer(): Promise<{ base: string; hits: string[]; close: () => Promise<void> }> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Content-Type', 'text/csv');
    res.end('a,b\n1,2\n');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, hits, close: () => new Promise((r) => server.close(() => r())) };
}

const openConsole = async (ctx: E2eContext): Promise<void> => {
  await ctx.page.locator('[data-testid=data-menu]').click();
  await ctx.page.locator('[data-testid=sql-console-open]').click();
  await ctx.page.locator('[data-testid=sql-table-kindergartens]').waitFor({ timeout: 15000 });
};

export const sqlMapTests: E2eTest[] = [
  {
    name: 'SQL 查询：运行查询显示结果，DELETE 被拒绝且表不变',
    async run(ctx) {
      const { page } = ctx;
      await page.locator('[data-testid=data-menu]').click();
      await page.locator('[data-testid=sql-console-open]').click();
      await page.locator('[data-testid=sql-table-kindergartens]').waitFor({ timeout: 15000 });
      for (const t of ['communities', 'population', 'admin_units', 'plan_projects']) {
        assert(await page.locator(`[data-testid=sql-table-${t}]`).isVisible(), `table ${t} listed`);
      }
      // the first example (各街道幼儿园学位合计) is in the editor: run it with the button
      await page.locator('[data-testid=sql-run]').click();
      await page.locator('[data-testid=sql-result-table] tbody tr').first().waitFor({ timeout: 15000 });
      const status = (await page.locator('[data-testid=sql-status]').textContent()) ?? '';
      assert(/共 \d+ 行，用时 [\d,]+ 毫秒/.test(status), `status line: ${status}`);
      const streets = await page.locator('[data-testid=sql-result-table] tbody tr').count();
      assertEqual(streets, 16, 'one row per 街道 of the sample');
      assert(((await page.locator('[data-testid=sql-result-table] thead th').first().textContent()) ?? '').includes('街道'), 'Chinese column name');
      await page.screenshot({ path: path.join(ctx.shots, 'sql-console.png') });

      const before = await kgCount(ctx);
      assert(Number(before.replace(/,/g, '')) > 0, `kindergartens counted (${before})`);
      await runSql(ctx, 'DELETE FROM kindergartens');
      const refused = (await page.locator('[data-testid=sql-refused]').textContent()) ?? '';
      assert(refused.includes('已拒绝') && refused.includes('DELETE'), `refusal shown: ${refused}`);
      await page.screenshot({ path: path.join(ctx.shots, 'sql-refused.png') });
      await runSql(ctx, 'SELECT 1; DELETE FROM kindergartens');
      assert(((await page.locator('[data-testid=sql-refused]').textContent()) ?? '').includes('一条语句'), 'multiple statements refused');
      assertEqual(await kgCount(ctx), before, 'kindergartens table unchanged');
      await runSql(ctx, 'SELECT * FROM no_such_table');
      assert(((await page.locator('[data-testid=sql-error]').textContent()) ?? '').includes('DuckDB 报错'), 'DuckDB error shown in Chinese');
      // 允许修改（高级） warns that changes are not written back
      await page.locator('[data-testid=sql-allow-write]').check();
      assert(((await page.locator('.sql-warning').textContent()) ?? '').includes('不会写回项目'), 'write-mode warning shown');
      await page.locator('[data-testid=sql-allow-write]').uncheck();
      // clicking a table name inserts it
      await page.locator('[data-testid=sql-editor]').fill('SELECT * FROM ');
      await page.locator('[data-testid=sql-editor]').press('End');
      await page.locator('[data-testid=sql-table-communities]').click();
      assertEqual(await page.locator('[data-testid=sql-editor]').inputValue(), 'SELECT * FROM communities', 'table name inserted');
      await page.keyboard.press('Escape');
      await page.locator('[data-testid=sql-console]').waitFor({ state: 'detached', timeout: 5000 });
    },
  },
  {
    name: 'SQL 与地图：逾期小区按预警色标出，focus 移动地图并显示小区名称',
    async run(ctx) {
      const { page } = ctx;
      await page.waitForFunction(() => {
        const s = (window as unknown as { __xwghStore: { getState(): { analysisState: string; result: unknown } } }).__xwghStore.getState();
        return s.analysisState === 'done' && s.result !== null;
      }, undefined, { timeout: 60000 });
      const overdue = (await page.evaluate(
        '(() => window.__xwghStore.getState().result.communities.filter((c) => c.overdue).map((c) => c.communityId))()',
      )) as string[];
      assert(overdue.length > 0, 'the sample has overdue communities');
      const on = await mapShot(ctx, 'sqlmap-overdue-on.png');
      await page.locator('[data-testid=toggle-ledger_overdue]').uncheck();
      const off = await mapShot(ctx, 'sqlmap-overdue-off.png');
      const ringPixels = await countDiff(page, on, off);
      assert(ringPixels > 300, `overdue rings drawn (${ringPixels} pixels differ)`);
      await page.locator('[data-testid=toggle-ledger_overdue]').check();

      type MapW = { __xwghMap: { getCenter(): { lng: number; lat: number }; getZoom(): number; isMoving(): boolean } };
      const view = () => page.evaluate(() => {
        const m = (window as unknown as MapW).__xwghMap;
        return { lng: m.getCenter().lng, lat: m.getCenter().lat, zoom: m.getZoom() };
      });
      const v0 = await view();
      const target = (await page.evaluate(
        `(() => { const s = window.__xwghStore.getState(); const c = s.layers.communities.find((x) => x.id === ${JSON.stringify(overdue[0])}); s.focus({ layer: 'communities', id: c.id }); return [c.lon, c.lat]; })()`,
      )) as [number, number];
      // the camera has left the district view and come to rest
      await page.waitForFunction(
        (v) => {
          const m = (window as unknown as MapW).__xwghMap;
          return !m.isMoving() && (Math.abs(m.getZoom() - v.zoom) > 1e-6 || Math.abs(m.getCenter().lng - v.lng) > 1e-9);
        },
        v0,
        { timeout: 10000 },
      );
      const v1 = await view();
      assert(v1.zoom > v0.zoom + 1, `zoomed in (${v0.zoom.toFixed(2)} → ${v1.zoom.toFixed(2)})`);
      assert(Math.abs(v1.lng - target[0]) < 0.01 && Math.abs(v1.lat - target[1]) < 0.01, `centred on the community (${JSON.stringify(v1)} vs ${target})`);
      const selected = await page.evaluate('window.__xwghStore.getState().selected');
      assertEqual(selected, { layer: 'communities', id: overdue[0] }, 'focus selects');
      const withLabels = await mapShot(ctx, 'sqlmap-focus-labels.png');
      await page.locator('[data-testid=toggle-communities]').uncheck();
      const noLabels = await mapShot(ctx);
      await page.locator('[data-testid=toggle-communities]').check();
      assert((await countDiff(page, withLabels, noLabels)) > 300, 'communities and their names drawn when zoomed in');
    },
  },
  {
    name: 'SQL 查询不访问网络：读文件/网址/扩展/改设置在两种模式下都被拒绝，页面不发出任何请求',
    async run(ctx) {
      const { page } = ctx;
      const srv = await countingServer();
      // the server answers (checked from Node, so the count starts at zero afterwards)
      assertEqual((await (await fetch(`${srv.base}/probe`)).text()).trim(), 'a,b\n1,2', 'counting server answers');
      srv.hits.length = 0;
      const requests: string[] = [];
      const onRequest = (r: { url(): string }) => requests.push(r.url());
      try {
        await openConsole(ctx);
        page.on('request', onRequest);
        const u = `${srv.base}/x.csv`;
        const queries = [
          `SELECT * FROM read_csv(['${u}'])`,
          `SELECT * FROM read_csv_auto('${u}')`,
          `SELECT * FROM read_parquet('${srv.base}/x.parquet')`,
          `SELECT * FROM read_json('${srv.base}/x.json')`,
          `SELECT * FROM '${u}'`,
          `SELECT * FROM read_csv('s3://bucket/x.csv')`,
          "SELECT * FROM read_csv('/etc/passwd')",
          "SELECT * FROM 'kindergartens.csv'",
          `ATTACH '${srv.base}/x.duckdb' AS x`,
          `COPY kindergartens TO '${srv.base}/out.csv'`,
          `COPY kindergartens FROM '${u}'`,
          'INSTALL httpfs',
          'LOAD httpfs',
          'SET enable_external_access = true',
          'RESET enable_external_access',
          'SET lock_configuration = false',
        ];
        for (const write of [false, true]) {
          if (write) await page.locator('[data-testid=sql-allow-write]').check();
          for (const q of queries) {
            await runSql(ctx, q);
            const msg = (await page.locator('[data-testid=sql-refused]').textContent({ timeout: 2000 }).catch(() => null)) ?? '';
            assert(msg.startsWith('已拒绝'), `${write ? '允许修改' : '只读'}: ${q} refused in Chinese (${msg || 'not refused'})`);
            assert(/不读写文件|网址|不能修改或重置/.test(msg), `the refusal says why: ${msg}`);
          }
          if (!write) await page.screenshot({ path: path.join(ctx.shots, 'sql-offline-refused.png') });
        }
        await page.locator('[data-testid=sql-allow-write]').uncheck();
        // DuckDB itself (the primary defence) refuses, on a connection of its own, past the console's guard
        const direct = (await page.evaluate(`(async () => {
          const s = await window.__xwghStore.getState().db.openSession();
          const out = [];
          for (const q of ${JSON.stringify([...queries, `SELECT * FROM read_csv(['${srv.base}/' || 'y.csv'])`])}) {
            try { await s.run(q, 10); out.push('ran: ' + q); } catch (e) { out.push(String(e && e.message || e)); }
          }
          const v = await s.run("SELECT current_setting('enable_external_access') AS e, current_setting('lock_configuration') AS l, current_setting('autoinstall_known_extensions') AS i, current_setting('autoload_known_extensions') AS a", 1);
          await s.close();
          return { out, settings: v.rows[0] };
        })()`)) as { out: string[]; settings: unknown[] };
        assertEqual(direct.settings, [false, true, false, false], 'DuckDB settings on a new connection: no external access, locked, no extension install/load');
        for (const m of direct.out) {
          assert(!m.startsWith('ran: ') || m.startsWith('ran: INSTALL'), `DuckDB refused it: ${m}`);
          assert(m.startsWith('ran: ') || /disabled|locked|not in the catalog|Permission/i.test(m), `refused by configuration: ${m}`);
        }
        // and the console still answers a normal query
        assert(Number((await kgCount(ctx)).replace(/,/g, '')) > 0, 'a normal query still runs');
        // a barrier instead of a pause: a request the page sends now reaches the server after any sent before it
        const sentinel = '/e2e-sentinel';
        await page.evaluate((u) => fetch(u).then((r) => r.text()), `${srv.base}${sentinel}`);
        await pollUntil(page, 'the sentinel request at the local server', async () => srv.hits.includes(`GET ${sentinel}`));
        page.off('request', onRequest);
        assertEqual(requests.filter((u) => !u.endsWith(sentinel)), [], 'no request left the page while the queries ran');
        assertEqual(srv.hits.filter((h) => h !== `GET ${sentinel}`), [], 'the local server got no request');
      } finally {
        page.off('request', onRequest);
        await srv.close();
        if (await page.locator('[data-testid=sql-console]').isVisible()) {
          await page.keyboard.press('Escape');
          await page.locator('[data-testid=sql-console]').waitFor({ state: 'detached', timeout: 5000 });
        }
      }
    },
  },
  {
    name: 'SQL 查询可取消、有时限：失控的递归查询被取消或超时停止，之后查询与应用照常',
    async run(ctx) {
      const { page } = ctx;
      const recursive = 'WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM t) SELECT count(*) FROM t';
      const appQuery = `(async () => {
        const t0 = performance.now();
        const rows = await window.__xwghStore.getState().db.query('SELECT count(*)::INTEGER AS n FROM kindergartens');
        return { n: rows[0].n, ms: performance.now() - t0 };
      })()`;
      await openConsole(ctx);
      try {
        const before = await kgCount(ctx);
        // 取消 while it runs
        await page.locator('[data-testid=sql-editor]').fill(recursive);
        await page.locator('[data-testid=sql-run]').click();
        await page.locator('[data-testid=sql-cancel]').waitFor({ timeout: 5000 });
        // the app's own connection answers while the console's statement runs (the worker polls it in steps)
        const during = (await page.evaluate(appQuery)) as { n: number; ms: number };
        assert(during.n > 0, `the app's DuckDB answered during the run (${during.n} rows, ${Math.round(during.ms)} ms)`);
        assert(await page.locator('[data-testid=sql-run]').isDisabled(), 'the statement still runs after the app\'s query');
        await page.locator('[data-testid=sql-cancel]').click();
        await page.locator('[data-testid=sql-cancelled]').waitFor({ timeout: 10000 });
        const cancelled = (await page.locator('[data-testid=sql-cancelled]').textContent()) ?? '';
        assert(cancelled.startsWith('已取消') && cancelled.includes('秒后被停止'), `cancel shown: ${cancelled}`);
        assert(!(await page.locator('[data-testid=sql-run]').isDisabled()), 'run button enabled again');
        await page.screenshot({ path: path.join(ctx.shots, 'sql-cancelled.png') });
        assertEqual(await kgCount(ctx), before, 'a normal query works after the cancel');

        // the time limit stops it by itself, with the reason
        await page.locator('[data-testid=sql-limit]').fill('2');
        await runSql(ctx, recursive);
        const timedOut = (await page.locator('[data-testid=sql-cancelled]').textContent()) ?? '';
        assert(timedOut.startsWith('已停止') && timedOut.includes('时限 2.0 秒') && timedOut.includes('WITH RECURSIVE'), `timeout shown: ${timedOut}`);
        await page.screenshot({ path: path.join(ctx.shots, 'sql-timeout.png') });
        assertEqual(await kgCount(ctx), before, 'a normal query works after the timeout');
        // 允许修改 mode too: cancelled, then the session still runs statements
        await page.locator('[data-testid=sql-allow-write]').check();
        await runSql(ctx, recursive);
        assert(((await page.locator('[data-testid=sql-cancelled]').textContent()) ?? '').startsWith('已停止'), '允许修改: stopped at the limit');
        await page.locator('[data-testid=sql-allow-write]').uncheck();
        assertEqual(await kgCount(ctx), before, 'read-only runs work after a stopped write-mode run');
        await page.locator('[data-testid=sql-limit]').fill('30');
      } finally {
        await page.keyboard.press('Escape');
        await page.locator('[data-testid=sql-console]').waitFor({ state: 'detached', timeout: 5000 });
      }
      // the app's own DuckDB use after the console is closed
      const after = (await page.evaluate(appQuery)) as { n: number };
      assert(after.n > 0, 'the app queries DuckDB after the console closed');
    },
  },
];
