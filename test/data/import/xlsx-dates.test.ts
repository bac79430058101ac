/** SheetJS (@e965/xlsx) date cells survive a write → read round trip in China's time zone (UTC+8, with 1986–91 DST). */
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../../src/data/import/read-xlsx';

const DAYS = ['2025-03-01', '2024-02-29', '1988-06-15', '1990-04-15', '1950-01-01', '1900-03-01'];

function workbook(aoa: unknown[][]): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), 'Sheet1');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

describe('XLSX dates in Asia/Shanghai', () => {
  const before = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'Asia/Shanghai'; // Node re-reads TZ when it is assigned
  });
  afterAll(() => {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  });

  it('runs in UTC+8', () => {
    expect(new Date('2025-03-01T00:00:00').getTimezoneOffset()).toBe(-480);
  });

  it('a date written from a local Date reads back as the same ISO date', () => {
    const bytes = workbook([['名称', '竣工日期'], ...DAYS.map((d, i) => [`小区${i}`, new Date(`${d}T00:00:00`)])]);
    const rows = readXlsx({ name: 'dates.xlsx', bytes }).sheets[0].rows;
    expect(rows.map((r) => r[1])).toEqual(DAYS);
  });

  it('an Excel date serial with a date format (what Excel saves) reads as its ISO date', () => {
    const ws = XLSX.utils.aoa_to_sheet([['名称', '竣工日期'], ['甲', 45717], ['乙', 32309]]);
    for (const ref of ['B2', 'B3']) ws[ref].z = 'yyyy-mm-dd';
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'Sheet1');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const rows = readXlsx({ name: 'serial.xlsx', bytes }).sheets[0].rows;
    expect(rows.map((r) => r[1])).toEqual(['2025-03-01', '1988-06-15']);
  });

  it('a date with a time keeps its minutes', () => {
    const bytes = workbook([['名称', '时间'], ['甲', new Date('2025-03-01T08:30:00')]]);
    expect(readXlsx({ name: 't.xlsx', bytes }).sheets[0].rows[0][1]).toBe('2025-03-01 08:30');
  });
});
