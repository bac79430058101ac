/** A problem found in an input file, located by file, row and column; the text is a catalogue message. */
import { m, msg, render, type Lang, type Message } from '../i18n';

/** A column as the file names it (its header), or a text of ours (a default value, the geometry). */
export type IssueColumn = string | Message;

export interface RowIssue {
  file: string;
  /** 1-based row as a spreadsheet shows it (header = row 1), or feature number for GeoJSON; 0 = whole file */
  row: number;
  /** column header as it appears in the file ('' = whole row) */
  column: IssueColumn;
  message: Message;
  severity: 'error' | 'warning';
}

/** A column in the language: a file's header as it is, our own texts rendered. */
export const columnText = (lang: Lang, c: IssueColumn): string => (typeof c === 'string' ? c : render(lang, c));

/** "file，第 3 行，“学位数”列：message" — the place and the message of an issue. */
export function formatIssue(lang: Lang, i: RowIssue): string {
  const column = columnText(lang, i.column);
  const parts = [
    i.file,
    i.row > 0 ? msg(lang, 'data.issue.row', { row: i.row }) : '',
    column ? msg(lang, 'data.issue.column', { column }) : '',
  ].filter(Boolean);
  return msg(lang, 'data.issue.at', { where: parts.join(msg(lang, 'data.issue.sep')), message: i.message });
}

/** "“学位数”：message" — a reason of a rejected row, naming its column. */
export const reasonOf = (column: IssueColumn, message: Message): Message =>
  column === '' ? message : m('data.issue.columnReason', { column, message });
