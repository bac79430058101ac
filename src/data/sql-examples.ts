/**
 * Example queries offered by the SQL console (fixed text over the layer tables;
 * no user value is pasted in). The overdue rule mirrors the ledger's: not yet
 * handed over and past handover_due, or completion + 3 months when no due date.
 */
import type { Lang, MessageKey } from '../i18n';

export interface SqlExample {
  /** catalogue key of the example's title */
  title: MessageKey;
  sql: string;
}

const NOT_HANDED_OVER = `'not_planned', 'planned', 'under_construction', 'delayed', 'built_not_accepted', 'accepted_not_handed_over'`;

/** Column aliases of the examples in each language ([zh, en]): the result's headers are what the user reads. */
const ALIASES = {
  street: ['街道', 'sub_district'],
  kgCount: ['幼儿园数', 'kindergartens'],
  placesSum: ['学位合计', 'places_total'],
  enrolled: ['在园幼儿', 'enrolled'],
  due: ['移交期限', 'handover_deadline'],
  community: ['小区', 'community'],
  streetCode: ['街道代码', 'street_code'],
  kgStatus: ['配套园状态', 'kg_status'],
  daysOverdue: ['逾期天数', 'days_overdue'],
  unit: ['责任单位', 'responsible'],
  type: ['办园性质', 'kg_type'],
  sites: ['所数', 'sites'],
  places: ['学位', 'places_sum'],
  table: ['表', 'table_name'],
  rows: ['行数', 'row_count'],
  cols: ['列数', 'column_count'],
} as const;

type Alias = keyof typeof ALIASES;
const TEMPLATES: readonly { title: MessageKey; sql: string }[] = [
  {
    title: 'data.sql.placesPerStreet',
    sql: `SELECT a.name AS $street, count(k.id) AS $kgCount, coalesce(sum(k.places), 0)::INTEGER AS $placesSum,
  coalesce(sum(k.enrolled), 0)::INTEGER AS $enrolled
FROM admin_units a
LEFT JOIN kindergartens k ON k.street_code = a.code AND (k.status IS NULL OR k.status = 'existing')
GROUP BY a.name
ORDER BY $placesSum DESC`,
  },
  {
    title: 'data.sql.overdue',
    // current_date needs the ICU extension, which is not available offline: today from now() (UTC)
    sql: `WITH d AS (
  SELECT *, coalesce(try_cast(handover_due AS DATE),
    CAST(try_cast(completion_date AS DATE) + INTERVAL 3 MONTH AS DATE)) AS $due
  FROM communities
  WHERE supporting_kg_status IN (${NOT_HANDED_OVER})
)
SELECT name AS $community, street_code AS $streetCode, supporting_kg_status AS $kgStatus, $due,
  date_diff('day', $due, now()::TIMESTAMP::DATE) AS $daysOverdue, responsible_unit AS $unit
FROM d
WHERE $due < now()::TIMESTAMP::DATE
ORDER BY $daysOverdue DESC`,
  },
  {
    title: 'data.sql.byType',
    sql: `SELECT type AS $type, count(*) AS $sites, sum(places)::INTEGER AS $places, sum(enrolled)::INTEGER AS $enrolled
FROM kindergartens
GROUP BY type
ORDER BY $places DESC`,
  },
  {
    title: 'data.sql.tableRows',
    sql: `SELECT table_name AS $table, estimated_size AS $rows, column_count AS $cols
FROM duckdb_tables()
WHERE NOT starts_with(table_name, '__')
ORDER BY table_name`,
  },
  {
    title: 'data.sql.summarize',
    sql: 'SUMMARIZE communities',
  },
];

/** The example queries with their column aliases in the user's language. */
export function sqlExamples(lang: Lang): SqlExample[] {
  const i = lang === 'zh' ? 0 : 1;
  return TEMPLATES.map((t) => ({ title: t.title, sql: t.sql.replace(/\$(\w+)/g, (_m, k: string) => ALIASES[k as Alias][i]) }));
}

/** The examples in Chinese (the default language). */
export const SQL_EXAMPLES: readonly SqlExample[] = sqlExamples('zh');
