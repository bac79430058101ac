import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { exportTableCsv } from '../data/export/csv';
import { downloadBytes, MIME } from '../data/export/download';
import { matchesFilter } from './table-filter';
import { useT } from './use-t';

export interface Column<T> {
  key: string;
  label: string;
  /** raw value for sorting, filtering and export */
  value: (row: T) => string | number | null;
  /** display (defaults to the value) */
  render?: (row: T) => ReactNode;
  num?: boolean;
}

/** A 台账-style table: frozen header, sort by click, a filter box per column (numbers: ">0", "10-20"). */
export function DataTable<T>({
  rows,
  columns,
  rowKey,
  onRowClick,
  rowClass,
  testId,
  exportName,
  selectedKey,
  tools,
  onExportXlsx,
}: {
  rows: T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  onRowClick?: (row: T) => void;
  rowClass?: (row: T) => string;
  testId?: string;
  /** file name (no extension) for the export buttons; the rows exported are the filtered, sorted ones */
  exportName?: string;
  /** key of the row to highlight and scroll into view */
  selectedKey?: string | null;
  /** more buttons in the tool row */
  tools?: ReactNode;
  /** replaces the plain Excel export (e.g. the ledger's round-trip workbook) with the shown rows */
  onExportXlsx?: (rows: T[]) => void;
}) {
  const [sort, setSort] = useState<{ key: string; dir: 1 | -1 } | null>(null);
  const [filters, setFilters] = useState<Record<string, string>>({});
  const shown = useMemo(() => {
    let out = rows.filter((r) =>
      columns.every((c) => {
        const f = filters[c.key];
        return !f || matchesFilter(c.value(r), f, c.num === true);
      }),
    );
    if (sort) {
      const col = columns.find((c) => c.key === sort.key);
      if (col) {
        out = [...out].sort((a, b) => {
          const va = col.value(a);
          const vb = col.value(b);
          if (va === vb) return 0;
          if (va === null) return 1;
          if (vb === null) return -1;
          return (va < vb ? -1 : 1) * sort.dir;
        });
      }
    }
    return out;
  }, [rows, columns, filters, sort]);
  const tr = useT();
  const body = useRef<HTMLTableSectionElement>(null);
  useEffect(() => {
    if (!selectedKey || !body.current) return;
    const tr = body.current.querySelector(`tr[data-key="${CSS.escape(selectedKey)}"]`);
    tr?.scrollIntoView({ block: 'nearest' });
  }, [selectedKey]);
  const exportRows = () => shown.map((r) => columns.map((c) => c.value(r)));
  const headers = columns.map((c) => c.label);
  return (
    <div className="table-wrap" data-testid={testId}>
      {exportName ? (
        <div className="table-tools">
          <span>{tr('shell.table.rows', { n: shown.length })}</span>
          {tools}
          <button type="button" onClick={async () => {
              if (onExportXlsx) return onExportXlsx(shown);
              const { exportTableXlsx } = await import('../data/export/xlsx');
              downloadBytes(`${exportName}.xlsx`, exportTableXlsx(exportName, headers, exportRows()), MIME.xlsx);
            }}>
            {tr('shell.table.exportXlsx')}
          </button>
          <button type="button" onClick={() => downloadBytes(`${exportName}.csv`, exportTableCsv(headers, exportRows()), MIME.csv)}>
            {tr('shell.table.exportCsv')}
          </button>
        </div>
      ) : null}
      <table className="grid ledger">
        <thead>
          <tr>
            {columns.map((c) => (
              <th
                key={c.key}
                className={c.num ? 'num' : ''}
                onClick={() => setSort((s) => (s?.key === c.key ? { key: c.key, dir: s.dir === 1 ? -1 : 1 } : { key: c.key, dir: 1 }))}
              >
                {c.label}
                {sort?.key === c.key ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}
              </th>
            ))}
          </tr>
          <tr className="filters">
            {columns.map((c) => (
              <th key={c.key}>
                <input
                  aria-label={tr('shell.table.filter', { column: c.label })}
                  placeholder={c.num ? tr('shell.table.filterHint') : ''}
                  value={filters[c.key] ?? ''}
                  onChange={(e) => setFilters((f) => ({ ...f, [c.key]: e.target.value }))}
                />
              </th>
            ))}
          </tr>
        </thead>
        <tbody ref={body}>
          {shown.map((r) => (
            <tr
              key={rowKey(r)}
              data-key={rowKey(r)}
              onClick={onRowClick ? () => onRowClick(r) : undefined}
              className={`${rowClass?.(r) ?? ''}${selectedKey === rowKey(r) ? ' selected' : ''}`}
            >
              {columns.map((c) => (
                <td key={c.key} className={c.num ? 'num' : ''}>
                  {c.render ? c.render(r) : (c.value(r) ?? '—')}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
