/**
 * The one place SQL text is assembled. Values never get pasted into SQL:
 * identifiers go through quoteIdent, literals through quoteLiteral.
 */
import { SUPPLYING_KG_STATUSES } from '../analysis/supply';
import { LAYERS, type FieldDef, type LayerId } from './schema';

/** Quote an identifier ("name"), doubling embedded quotes. */
export function quoteIdent(name: string): string {
  return `"${String(name).replace(/"/g, '""')}"`;
}

/** Quote a literal value: strings as '...', numbers as numbers, null as NULL. */
export function quoteLiteral(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return 'NULL';
    return String(value);
  }
  return `'${String(value).replace(/'/g, "''")}'`;
}

/** DuckDB column type of a schema field. */
export function sqlTypeOf(field: FieldDef): string {
  switch (field.type) {
    case 'number':
      return 'DOUBLE';
    case 'integer':
      return 'INTEGER';
    case 'boolean':
      return 'BOOLEAN';
    default:
      return 'VARCHAR';
  }
}

/** CREATE OR REPLACE TABLE statement for a layer's table. */
export function buildCreateTableSql(layer: LayerId, table: string = layer): string {
  const cols = LAYERS[layer].fields.map((fd) => `${quoteIdent(fd.name)} ${sqlTypeOf(fd)}`);
  return `CREATE OR REPLACE TABLE ${quoteIdent(table)} (${cols.join(', ')})`;
}

/** The supply rule (suppliesPlaces in src/analysis/supply.ts) as a WHERE condition on the kindergartens table. */
export function buildSupplyingWhere(): string {
  return `((status IS NULL OR status IN (${SUPPLYING_KG_STATUSES.map((v) => quoteLiteral(v)).join(', ')})) AND places > 0)`;
}

/** District totals shown in the summary panel. All sums cast to DOUBLE (DuckDB sums are HUGEINT). */
export function buildSummarySql(kgTable = 'kindergartens'): string {
  const kg = quoteIdent(kgTable);
  const pop = quoteIdent('population');
  const com = quoteIdent('communities');
  const existing = buildSupplyingWhere();
  return `SELECT
    (SELECT count(*)::DOUBLE FROM ${kg} WHERE ${existing}) AS kindergartens,
    (SELECT coalesce(sum(places),0)::DOUBLE FROM ${kg} WHERE ${existing}) AS places,
    (SELECT coalesce(sum(enrolled),0)::DOUBLE FROM ${kg} WHERE ${existing}) AS enrolled,
    (SELECT coalesce(sum(children_3_5),0)::DOUBLE FROM ${pop}) AS children_3_5,
    (SELECT coalesce(sum(residents),0)::DOUBLE FROM ${pop}) AS residents,
    (SELECT count(*)::DOUBLE FROM ${com}) AS communities`;
}

/** Kindergarten counts, places and enrolment by type (existing only). */
export function buildTypeBreakdownSql(kgTable = 'kindergartens'): string {
  return `SELECT type, count(*)::DOUBLE AS n, coalesce(sum(places),0)::DOUBLE AS places,
    coalesce(sum(enrolled),0)::DOUBLE AS enrolled
    FROM ${quoteIdent(kgTable)}
    WHERE ${buildSupplyingWhere()}
    GROUP BY type ORDER BY type`;
}

/** Selects every row of a layer table, in key order. */
export function buildSelectAllSql(layer: LayerId): string {
  return `SELECT * FROM ${quoteIdent(layer)} ORDER BY ${quoteIdent(LAYERS[layer].key)}`;
}

/** Tables and views of the main schema with their columns in order (the SQL console's list; staging tables left out). */
export function buildTableColumnsSql(): string {
  return `SELECT table_name, column_name, data_type FROM information_schema.columns
    WHERE table_schema = 'main' AND NOT starts_with(table_name, '__')
    ORDER BY table_name, ordinal_position`;
}
