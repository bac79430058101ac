/**
 * DuckDB kept off the network and the disk: nothing leaves the browser unless the
 * user turns on an online basemap. Run on a fresh database before anything else,
 * by both connectors (browser and Node). The settings are global (every connection,
 * the SQL console's included) and `lock_configuration` makes them final: a later
 * `SET` / `RESET` / `PRAGMA x = …` of any of them fails inside DuckDB.
 *
 * The app's own loading does not need them: tables are created from Arrow IPC
 * buffers (`insertArrowFromIPCStream`), which reads no file and no URL.
 */

/** The settings, in the order they are applied (the lock last). */
export const OFFLINE_SETTINGS: readonly (readonly [name: string, value: string])[] = [
  // no extension is installed or loaded on demand (offline they are downloads)
  ['autoinstall_known_extensions', 'false'],
  ['autoload_known_extensions', 'false'],
  ['allow_community_extensions', 'false'],
  ['allow_unsigned_extensions', 'false'],
  // no file system and no URL: read_csv / read_parquet / read_json / ATTACH / COPY / INSTALL / LOAD of a
  // path or an http(s)/s3 URL fail with "file system operations are disabled by configuration"
  ['enable_external_access', 'false'],
  ['lock_configuration', 'true'],
];

/** Names of the settings above (for the statement check and the tests). */
export const OFFLINE_SETTING_NAMES: readonly string[] = OFFLINE_SETTINGS.map(([name]) => name);

/** The SET statements, in order. */
export const offlineSettingsSql = (): string[] => OFFLINE_SETTINGS.map(([name, value]) => `SET ${name} = ${value}`);

/** Apply the settings with `run` (one statement at a time), then check them; throws if one did not take. */
export async function lockDownDuckDb(
  run: (sql: string) => Promise<Record<string, unknown>[]> | Record<string, unknown>[],
): Promise<void> {
  for (const sql of offlineSettingsSql()) await run(sql);
  const names = OFFLINE_SETTINGS.map(([name]) => `'${name}'`).join(', ');
  const rows = await run(`SELECT name, value FROM duckdb_settings() WHERE name IN (${names})`);
  const got = new Map(rows.map((r) => [String(r.name), String(r.value)]));
  for (const [name, value] of OFFLINE_SETTINGS) {
    if (got.get(name) !== value) throw new Error(`DuckDB setting ${name} is ${got.get(name)}, expected ${value}`);
  }
}
