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
export type RefusalCode =
  | 'empty'
  | 'multiple'
  | 'notQuery'
  | 'writeInside'
  | 'pragma'
  /** reads or writes a file, a URL or an extension (both modes) */
  | 'external'
  /** names a URL (both modes) */
  | 'url'
  /** sets or resets a setting that keeps DuckDB offline (both modes) */
  | 'setting';

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

/** A token of a statement: a bare word, a '…' string, a "…" name, or one other character. */
export interface Token {
  kind: 'word' | 'string' | 'ident' | 'other';
  /** word: upper case; string / ident: the text inside the quotes (doubled quotes undone); other: the character */
  value: string;
}

/** One statement as scanned: its text, its tokens, and its bare words (upper case) with the character after them. */
interface Scanned {
  text: string;
  tokens: Token[];
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

/** The text inside a quoted run `raw` (quote q at both ends; an unterminated run keeps its tail). */
function unquote(raw: string, q: string): string {
  const inner = raw.length >= 2 && raw.endsWith(q) ? raw.slice(1, -1) : raw.slice(1);
  return inner.split(q + q).join(q);
}

/** Split SQL into statements on top-level `;`, collecting tokens; comments are dropped from the text. */
export function scanStatements(sql: string): Scanned[] {
  const out: Scanned[] = [];
  let cur: Scanned = { text: '', tokens: [], words: [], next: [] };
  const flush = () => {
    cur.text = cur.text.trim();
    if (cur.text !== '') {
      // the character after each word: the first one of the next token
      cur.tokens.forEach((t, k) => {
        if (t.kind !== 'word') return;
        const n = cur.tokens[k + 1];
        cur.next.push(!n ? '' : n.kind === 'word' ? n.value[0] : n.kind === 'string' ? "'" : n.kind === 'ident' ? '"' : n.value);
      });
      out.push(cur);
    }
    cur = { text: '', tokens: [], words: [], next: [] };
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
    if (c === ';') {
      flush();
      i++;
      continue;
    }
    let end = i + 1;
    let token: Token;
    if (c === "'") {
      end = skipQuoted(sql, i, "'", false);
      token = { kind: 'string', value: unquote(sql.slice(i, end), "'") };
    } else if ((c === 'E' || c === 'e') && sql[i + 1] === "'") {
      end = skipQuoted(sql, i + 1, "'", true);
      token = { kind: 'string', value: unquote(sql.slice(i + 1, end), "'").replace(/\\(.)/g, '$1') };
    } else if (c === '"') {
      end = skipQuoted(sql, i, '"', false);
      token = { kind: 'ident', value: unquote(sql.slice(i, end), '"') };
    } else if (c === '$' && /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.test(sql.slice(i))) {
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i))![0];
      const close = sql.indexOf(tag, i + tag.length);
      end = close < 0 ? sql.length : close + tag.length;
      token = { kind: 'string', value: sql.slice(i + tag.length, close < 0 ? sql.length : close) };
    } else if (isWordStart(c)) {
      while (end < sql.length && isWordChar(sql[end])) end++;
      token = { kind: 'word', value: sql.slice(i, end).toUpperCase() };
      cur.words.push(token.value);
    } else {
      token = { kind: 'other', value: c };
    }
    cur.tokens.push(token);
    cur.text += sql.slice(i, end);
    i = end;
  }
  flush();
  return out;
}

/**
 * Statements that read or write files, fetch URLs or load extensions. Refused in both
 * modes; DuckDB refuses them too (external access is off and locked, duckdb-offline.ts).
 */
const EXTERNAL_STATEMENTS = new Set(['ATTACH', 'DETACH', 'COPY', 'EXPORT', 'IMPORT', 'INSTALL', 'LOAD', 'FORCE']);

/** Table and scalar functions that open files or URLs (lower case); names with these prefixes too. */
const FILE_FUNCTIONS = new Set(['glob', 'sniff_csv', 'csv_scan', 'query', 'query_table', 'st_drivers', 'load_aws_credentials']);
const FILE_FUNCTION_PREFIXES = ['read_', 'parquet_', 'iceberg_', 'delta_', 'st_read', 'sqlite_', 'postgres_', 'mysql_', 'json_execute', 'ducklake_'];

/** Settings that keep DuckDB offline, or say where it may read: never SET / RESET from the console. */
const PROTECTED_SETTINGS = new Set([
  'enable_external_access', 'lock_configuration', 'autoinstall_known_extensions', 'autoload_known_extensions',
  'allow_community_extensions', 'allow_unsigned_extensions', 'allowed_directories', 'allowed_paths', 'disabled_filesystems',
  'custom_extension_repository', 'autoinstall_extension_repository', 'extension_directory', 'http_proxy',
  'http_proxy_username', 'http_proxy_password', 'temp_directory', 'secret_directory', 'builtin_httpfs', 'all',
]);

/** A string literal that names a URL (any scheme: http, https, s3, gs, file, …). */
const URL_RE = /^\s*[a-z][a-z0-9+.-]*:\/\//i;

/** Words that end a FROM clause. */
const FROM_CLAUSE_END = new Set(['WHERE', 'GROUP', 'HAVING', 'ORDER', 'LIMIT', 'OFFSET', 'QUALIFY', 'WINDOW', 'UNION', 'EXCEPT', 'INTERSECT', 'SELECT', 'RETURNING']);

const isFileFunction = (name: string): boolean =>
  FILE_FUNCTIONS.has(name) || FILE_FUNCTION_PREFIXES.some((p) => name.startsWith(p));

/** The offline check, for both modes: no file, no URL, no extension, no change of the offline settings. */
function checkOffline(s: Scanned): Extract<GuardResult, { ok: false }> | null {
  const t = s.tokens;
  // the statement's own word, after EXPLAIN [ANALYZE]
  let k = 0;
  while (t[k]?.kind === 'word' && (t[k].value === 'EXPLAIN' || t[k].value === 'ANALYZE')) k++;
  const head = t[k]?.kind === 'word' ? t[k].value : '';
  if (EXTERNAL_STATEMENTS.has(head)) return { ok: false, code: 'external', keyword: head === 'FORCE' ? 'FORCE INSTALL' : head };
  if (head === 'UPDATE' && t[k + 1]?.value === 'EXTENSIONS') return { ok: false, code: 'external', keyword: 'UPDATE EXTENSIONS' };
  if (head === 'SET' || head === 'RESET' || head === 'PRAGMA') {
    let j = k + 1;
    while (t[j]?.kind === 'word' && ['GLOBAL', 'SESSION', 'LOCAL'].includes(t[j].value)) j++;
    const name = t[j] && (t[j].kind === 'word' || t[j].kind === 'ident') ? t[j].value.toLowerCase() : '';
    if (PROTECTED_SETTINGS.has(name)) return { ok: false, code: 'setting', keyword: name };
  }
  // paren groups: is the group a query (its FROM clause may name a file), and are we in its FROM clause?
  const groups: { query: boolean; inFrom: boolean; first: boolean }[] = [{ query: true, inFrom: false, first: true }];
  for (let j = 0; j < t.length; j++) {
    const tok = t[j];
    const g = groups[groups.length - 1];
    const first = g.first;
    g.first = false;
    if (tok.kind === 'other') {
      if (tok.value === '(') groups.push({ query: false, inFrom: false, first: true });
      else if (tok.value === ')' && groups.length > 1) groups.pop();
      continue;
    }
    // a function call: name ( …   (bare or quoted name, maybe schema-qualified)
    if ((tok.kind === 'word' || tok.kind === 'ident') && t[j + 1]?.kind === 'other' && t[j + 1].value === '(') {
      const name = tok.value.toLowerCase();
      if (isFileFunction(name)) return { ok: false, code: 'external', keyword: name };
    }
    if (tok.kind === 'word') {
      if (tok.value === 'SELECT' || (first && QUERY_START[tok.value])) g.query = true;
      if (tok.value === 'FROM' || tok.value === 'JOIN') g.inFrom = g.query;
      else if (FROM_CLAUSE_END.has(tok.value)) g.inFrom = false;
    }
    if (tok.kind === 'string') {
      if (URL_RE.test(tok.value)) return { ok: false, code: 'url', keyword: tok.value.trim().slice(0, 80) };
      // FROM 'file.csv', JOIN 'x.parquet', FROM t, 'y.json': DuckDB reads a quoted name in a FROM clause as a file
      // (not `trim('x' FROM 'y')` or `extract(year FROM '2025-01-01')`: those groups are no query)
      const prev = t[j - 1];
      const listed = prev?.kind === 'other' && prev.value === ',';
      const after = prev?.kind === 'word' && (prev.value === 'FROM' || prev.value === 'JOIN');
      if (g.inFrom && (after || listed)) return { ok: false, code: 'external', keyword: `${after ? prev.value : 'FROM'} '${tok.value.slice(0, 80)}'` };
    }
  }
  return null;
}

/**
 * Check `sql` for the console: exactly one statement that reads no file and no URL, loads
 * no extension and leaves the offline settings alone (in both modes), and — unless `allowWrite` —
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
  const offline = checkOffline(s);
  if (offline) return offline;
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
