/** Texts of the SQL console (Chinese first), including why a statement was refused. */
import type { ConsoleOutcome } from '../data/sql-console';
import type { GuardResult } from '../data/sql-guard';

type Lang = 'zh' | 'en';

/** A refusal of the statement check, explained. */
export function refusalText(r: Extract<GuardResult, { ok: false }>, lang: Lang): string {
  const kw = r.keyword ?? '';
  const zh = lang === 'zh';
  switch (r.code) {
    case 'empty':
      return zh ? '请输入一条 SQL 语句。' : 'Type one SQL statement.';
    case 'multiple':
      return zh
        ? `一次只能运行一条语句（检测到 ${r.count ?? 2} 条，以分号分隔）。请只保留一条。`
        : `One statement at a time (found ${r.count ?? 2}, separated by semicolons).`;
    case 'notQuery':
      return zh
        ? `已拒绝：只读模式只允许查询（SELECT / WITH / DESCRIBE / SHOW / EXPLAIN / SUMMARIZE / PRAGMA table_info），“${kw}” 不是查询语句。确需修改请勾选“允许修改（高级）”。`
        : `Refused: read-only mode runs queries only (SELECT / WITH / DESCRIBE / SHOW / EXPLAIN / SUMMARIZE / PRAGMA table_info); “${kw}” is not a query.`;
    case 'writeInside':
      return zh
        ? `已拒绝：语句中含有修改数据的关键字 “${kw}”，只读模式下不运行（若是列名，请加双引号）。`
        : `Refused: the statement contains “${kw}”, which changes data (quote it if it is a column name).`;
    case 'pragma':
      return zh
        ? `已拒绝：只读模式不允许 PRAGMA ${kw.toLowerCase()}（可能修改设置），可用 PRAGMA table_info('表名') 等查询类 PRAGMA。`
        : `Refused: PRAGMA ${kw.toLowerCase()} may change settings; reporting PRAGMAs such as table_info are allowed.`;
    case 'external':
      return zh
        ? `已拒绝：SQL 查询不读写文件、不访问网络、不加载扩展（“${kw}”）。数据都在浏览器内的 DuckDB 表中，请直接查询这些表；要加入新数据，请用“数据 → 导入”。`
        : `Refused: SQL queries read no files, reach no network and load no extensions (“${kw}”). Query the tables listed on the left; to add data use Data → Import.`;
    case 'url':
      return zh
        ? `已拒绝：语句中含有网址（${kw}）。SQL 查询不访问网络，数据不会离开浏览器。`
        : `Refused: the statement names a URL (${kw}). SQL queries never reach the network; nothing leaves the browser.`;
    case 'setting':
      return zh
        ? `已拒绝：设置 ${kw} 保证 DuckDB 不访问网络和文件，不能修改或重置。`
        : `Refused: the setting ${kw} keeps DuckDB off the network and the disk; it cannot be changed or reset.`;
  }
}

/** Why a run was stopped, and what to do. */
export function cancelledText(o: Extract<ConsoleOutcome, { status: 'cancelled' }>, lang: Lang): string {
  const zh = lang === 'zh';
  const s = (ms: number) => (ms / 1000).toFixed(1);
  if (o.reason === 'user') {
    return zh ? `已取消：查询运行 ${s(o.ms)} 秒后被停止，没有结果，数据未改变。` : `Cancelled after ${s(o.ms)} s; no result, nothing changed.`;
  }
  return zh
    ? `已停止：查询超过时限 ${s(o.timeoutMs)} 秒，已自动取消，数据未改变。常见原因是没有终止条件的递归查询（WITH RECURSIVE）或过大的连接；请加上终止条件或 LIMIT，或调大时限后重试。`
    : `Stopped: the query ran past the ${s(o.timeoutMs)} s limit and was cancelled; nothing changed. Often a WITH RECURSIVE without an end condition or a huge join: add one or a LIMIT, or raise the limit.`;
}

const S = {
  title: ['SQL 查询', 'SQL query'],
  tables: ['数据表（点击插入名称）', 'Tables (click to insert)'],
  examples: ['示例查询', 'Examples'],
  run: ['运行（Ctrl+Enter）', 'Run (Ctrl+Enter)'],
  allowWrite: ['允许修改（高级）', 'Allow changes (advanced)'],
  writeWarning: [
    '注意：修改只作用于浏览器中的 DuckDB 表，不会写回项目（地图、台账与分析仍用原数据，保存的项目文件也不含这些修改）；重新加载数据后修改即丢失。',
    'Changes apply to the DuckDB tables in this browser only; they are not written back to the project (map, ledger and analysis keep the original data).',
  ],
  readOnlyNote: [
    '只读：语句在只读事务中运行并回滚，不会改变任何表。两种模式都不读写文件、不访问网络。',
    'Read-only: statements run in a read-only transaction that is rolled back. Neither mode reads or writes files or reaches the network.',
  ],
  running: ['正在运行…', 'Running…'],
  cancel: ['取消', 'Cancel'],
  limit: ['时限', 'Time limit'],
  seconds: ['秒', 's'],
  limitTitle: ['超过时限的查询自动取消（1–600 秒）', 'Queries running longer are cancelled (1–600 s)'],
  duckdbError: ['DuckDB 报错：', 'DuckDB error: '],
  noDb: ['数据库尚未就绪，请稍候。', 'The database is not ready yet.'],
  noRows: ['查询完成，没有返回行。', 'Done; no rows returned.'],
  exportCsv: ['导出 CSV', 'Export CSV'],
  exportXlsx: ['导出 Excel', 'Export Excel'],
} as const;

/** A fixed text of the console. */
export const sq = (key: keyof typeof S, lang: Lang): string => S[key][lang === 'zh' ? 0 : 1];
