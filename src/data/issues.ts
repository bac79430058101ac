/** A problem found in an input file, located by file, row and column, worded in Chinese. */
export interface RowIssue {
  file: string;
  /** 1-based row as a spreadsheet shows it (header = row 1), or feature number for GeoJSON; 0 = whole file */
  row: number;
  /** column header as it appears in the file ('' = whole row) */
  column: string;
  message: string;
  severity: 'error' | 'warning';
}

export function formatIssue(i: RowIssue): string {
  const where = [i.file, i.row > 0 ? `第 ${i.row} 行` : '', i.column ? `“${i.column}”列` : ''].filter(Boolean).join('，');
  return `${where}：${i.message}`;
}
