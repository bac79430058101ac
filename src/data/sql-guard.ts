/**
 * The SQL console's statement check (pure): is a text one read-only query?
 *
 * The text is scanned the way DuckDB reads it — `--` and `/* *\/` comments,
 * '…' strings (E'…' with backslash escapes), "…" identifiers and $tag$…$tag$
 * strings are skipped — so keywords inside them never count, and a `;` inside
 * them never splits. This check is the first of two guards: the runner also
 * executes accepted statements inside a read-only transaction (sql-console.ts).
 */

/** What an accepted statement is. */
export type QueryKind = 'select' | 'describe' | 'show' | 'explain' | 'summarize' | 'pragma' | 'write';

/** Why a statement is refused. */
export type RefusalCode = 'empty' | 'multiple' | 'notQuery' | 'writeInside' | 'pragma';

export type GuardResult =
  | { ok: true; kind: QueryKind; /** the statement without trailing `;` and blanks */ statement: string }
  | { ok: false; code: RefusalCode; /** the offending keyword (upper case), when there is one */ keyword?: string; count?: number };

/** First words of statements that only read. */
const QUERY_START: Record<string, QueryKind> = {
  SELECT: 'select',
  WITH: 'select',
  FROM: 'select',
  VALUES: 'select',
  TABLE: 'select',
  DESCRIBE: 'describe',
  DESC: 'describe',
  SHOW: 'show',
  EXPLAIN: 'explain',
  SUMMARIZE: 'summarize',
  PRAGMA: 'pragma',
};

/**
 * Words that change data, the catalogue, settings or transactions wherever they
 * stand (e.g. `WITH … DELETE`, `EXPLAIN ANALYZE UPDATE …`). Words that are common
 * column names (start, comment, load, set) are left to the first-word rule.
 */
const WRITE_WORDS = new Set([
  'INSERT', 'UPDATE', 'DELETE', 'MERGE', 'UPSERT', 'CREATE', 'DROP', 'ALTER', 'TRUNCATE', 'COPY',
  'ATTACH', 'DETACH', 'INSTALL', 'EXPORT', 'IMPORT', 'CHECKPOINT', 'VACUUM', 'CALL',
  'BEGIN', 'COMMIT', 'ROLLBACK', 'GRANT', 'REVOKE',
]);

/** PRAGMAs that only report (anything else, or `PRAGMA x = …`, may change a setting). */
const READ_PRAGMAS = new Set([
  'TABLE_INFO', 'SHOW', 'SHOW_TABLES', 'SHOW_TABLES_EXPANDED', 'SHOW_DATABASES', 'DATABASE_LIST', 'DATABASE_SIZE',
  'STORAGE_INFO', 'METADATA_INFO', 'VERSION', 'PLATFORM', 'FUNCTIONS', 'COLLATIONS', 'USER_AGENT',
]);

/** One statement as scanned: its text and its bare words (upper case) with the punctuation after them. */
interface Scanned {
  text: string;
  words: string[];
  /** the first non-blank character after each word (same index as words) */
  next: string[];
}

const isWordStart = (c: string): boolean => /[A-Za-z_\u0080-\uffff]/.test(c);
const isWordChar = (c: string): boolean => /[A-Za-z0-9_$\u0080-\uffff]/.test(c);

/** Index just past a quoted run starting at `i` (quote character q; doubled q escapes; `backslash` for E'…'). */
function skipQuoted(sql: string, i: number, q: string, backslash: boolean): number {
  let j = i + 1;
  while (j < sql.length) {
    const c = sql[j];
    if (backslash && c === '\\') j += 2;
    else if (c === q) {
      if (sql[j + 1] === q) j += 2;
      else return j + 1;
    } else j++;
  }
  return sql.length;
}

/** Split SQL into statements on top-level `;`, collecting bare words; comments are dropped from the text. */
export function scanStatements(sql: string): Scanned[] {
  const out: Scanned[] = [];
  let cur: Scanned = { text: '', words: [], next: [] };
  let pendingNext = false;
  const flush = () => {
    cur.text = cur.text.trim();
    if (cur.text !== '') out.push(cur);
    cur = { text: '', words: [], next: [] };
    pendingNext = false;
  };
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    const c2 = sql.slice(i, i + 2);
    if (c2 === '--') {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end;
      cur.text += ' ';
      continue;
    }
    if (c2 === '/*') {
      // DuckDB block comments do not nest
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 2;
      cur.text += ' ';
      continue;
    }
    if (/\s/.test(c)) {
      cur.text += c;
      i++;
      continue;
    }
    if (pendingNext) {
      cur.next[cur.next.length - 1] = c;
      pendingNext = false;
    }
    let end = i + 1;
    if (c === ';') {
      flush();
      i++;
      continue;
    } else if (c === "'") end = skipQuoted(sql, i, "'", false);
    else if ((c === 'E' || c === 'e') && sql[i + 1] === "'") end = skipQuoted(sql, i + 1, "'", true);
    else if (c === '"') end = skipQuoted(sql, i, '"', false);
    else if (c === '$' && /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.test(sql.slice(i))) {
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i))![0];
      const close = sql.indexOf(tag, i + tag.length);
      end = close < 0 ? sql.length : close + tag.length;
    } else if (isWordStart(c)) {
      while (end < sql.length && isWordChar(sql[end])) end++;
      cur.words.push(sql.slice(i, end).toUpperCase());
      cur.next.push('');
      pendingNext = true;
    }
    cur.text += sql.slice(i, end);
    i = end;
  }
  flush();
  return out;
}

/**
 * Check `sql` for the console: exactly one statement, and — unless `allowWrite` —
 * one that only reads (SELECT / WITH / FROM / VALUES / DESCRIBE / SHOW / EXPLAIN /
 * SUMMARIZE / a reporting PRAGMA), with no write keyword anywhere outside strings,
 * quoted names and comments.
 */
export function checkStatement(sql: string, allowWrite = false): GuardResult {
  const stmts = scanStatements(sql);
  if (stmts.length === 0) return { ok: false, code: 'empty' };
  if (stmts.length > 1) return { ok: false, code: 'multiple', count: stmts.length };
  const s = stmts[0];
  const first = s.text.startsWith('(') ? 'SELECT' : (s.words[0] ?? '');
  const startKind = QUERY_START[first];
  if (allowWrite) return { ok: true, kind: startKind ?? 'write', statement: s.text };
  // a statement must start with a word (or a parenthesised query): `1; …` or `"x"` are not queries
  if (!startKind || (!s.text.startsWith('(') && !s.text.toUpperCase().startsWith(first))) {
    return { ok: false, code: 'notQuery', keyword: first || s.text.slice(0, 12) };
  }
  const write = s.words.find((w) => WRITE_WORDS.has(w));
  if (write) return { ok: false, code: 'writeInside', keyword: write };
  if (startKind === 'pragma') {
    const name = s.words[1] ?? '';
    if (!READ_PRAGMAS.has(name) || s.next[1] === '=') return { ok: false, code: 'pragma', keyword: name };
  }
  return { ok: true, kind: startKind, statement: s.text };
}
