/**
 * Example queries offered by the SQL console (fixed text over the layer tables;
 * no user value is pasted in). The overdue rule mirrors the ledger's: not yet
 * handed over and past handover_due, or completion + 3 months when no due date.
 */
import type { MessageKey } from '../i18n';

export interface SqlExample {
  /** catalogue key of the example's title */
  title: MessageKey;
  sql: string;
}

const NOT_HANDED_OVER = `'not_planned', 'planned', 'under_construction', 'delayed', 'built_not_accepted', 'accepted_not_handed_over'`;

export const SQL_EXAMPLES: readonly SqlExample[] = [
  {
    title: 'data.sql.placesPerStreet',
    sql: `SELECT a.name AS 街道, count(k.id) AS 幼儿园数, coalesce(sum(k.places), 0)::INTEGER AS 学位合计,
  coalesce(sum(k.enrolled), 0)::INTEGER AS 在园幼儿
FROM admin_units a
LEFT JOIN kindergartens k ON k.street_code = a.code AND (k.status IS NULL OR k.status = 'existing')
GROUP BY a.name
ORDER BY 学位合计 DESC`,
  },
  {
    title: 'data.sql.overdue',
    // current_date needs the ICU extension, which is not available offline: today from now() (UTC)
    sql: `WITH d AS (
  SELECT *, coalesce(try_cast(handover_due AS DATE),
    CAST(try_cast(completion_date AS DATE) + INTERVAL 3 MONTH AS DATE)) AS 移交期限
  FROM communities
  WHERE supporting_kg_status IN (${NOT_HANDED_OVER})
)
SELECT name AS 小区, street_code AS 街道代码, supporting_kg_status AS 配套园状态, 移交期限,
  date_diff('day', 移交期限, now()::TIMESTAMP::DATE) AS 逾期天数, responsible_unit AS 责任单位
FROM d
WHERE 移交期限 < now()::TIMESTAMP::DATE
ORDER BY 逾期天数 DESC`,
  },
  {
    title: 'data.sql.byType',
    sql: `SELECT type AS 办园性质, count(*) AS 所数, sum(places)::INTEGER AS 学位, sum(enrolled)::INTEGER AS 在园幼儿
FROM kindergartens
GROUP BY type
ORDER BY 学位 DESC`,
  },
  {
    title: 'data.sql.tableRows',
    sql: `SELECT table_name AS 表, estimated_size AS 行数, column_count AS 列数
FROM duckdb_tables()
WHERE NOT starts_with(table_name, '__')
ORDER BY table_name`,
  },
  {
    title: 'data.sql.summarize',
    sql: 'SUMMARIZE communities',
  },
];
