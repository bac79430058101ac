/** Corpus cases: workbooks (XLSX via SheetJS). */
import * as XLSX from '@e965/xlsx';
import { KG_TRUTH, TRUTH_ALL, kgTable, utf8, type CorpusEntry } from './corpus-base';
import type { CorpusCase } from './corpus-cases-csv';

function book(sheets: [string, unknown[][]][], tweak?: (wb: XLSX.WorkBook) => void): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const [name, aoa] of sheets) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), name);
  tweak?.(wb);
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

/** The truth table with numbers as numbers (what Excel stores). */
function kgNumeric(crs: Parameters<typeof kgTable>[0] = 'wgs84'): unknown[][] {
  return kgTable(crs).map((r, i) => (i === 0 ? r : r.map((c, k) => (k >= 3 ? Number(c) : c))));
}

export function xlsxCases(): CorpusCase[] {
  const c: CorpusCase[] = [];
  const add = (file: string, note: string, bytes: Uint8Array, expect: CorpusEntry['expect'], options?: CorpusEntry['options'], layer: CorpusEntry['layer'] = 'kindergartens'): void => {
    c.push({ file, layer, note, bytes, expect, options });
  };
  const loads8 = { rows: 8, truth: TRUTH_ALL, truthTolM: 0.5 };
  add('xlsx/kg.xlsx', 'plain workbook, numbers as numbers', book([['幼儿园', kgNumeric()]]), { ...loads8, firstRow: { id: 'K01', classes: 12 } });
  add('xlsx/kg_second_sheet.xlsx', 'data on the second sheet, chosen by name', book([['说明', [['本表由区教育局填报'], ['联系人：张三']]], ['幼儿园名单', kgNumeric()]]), loads8, { sheet: '幼儿园名单' });
  add('xlsx/kg_first_sheet_notes.xlsx', 'default first sheet holds only notes', book([['说明', [['本表由区教育局填报']]], ['幼儿园名单', kgNumeric()]]), { fatal: true, rows: 0 });
  add('xlsx/kg_title_row.xlsx', 'a merged title row above the header', book([['Sheet1', [['昆都仑区幼儿园基本情况表'], [], ...kgNumeric()]]], (wb) => (wb.Sheets.Sheet1['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 6 } }])), { rows: 8, issues: [{ messageContains: '标题', severity: 'warning' }] });
  add('xlsx/kg_numbers_as_text.xlsx', 'numbers stored as text', book([['Sheet1', kgTable()]]), loads8);
  add(
    'xlsx/kg_formulas.xlsx',
    'formula cells (cached values used, never evaluated) and formula-looking text',
    book([['Sheet1', kgNumeric()]], (wb) => {
      const ws = wb.Sheets.Sheet1;
      ws.G2 = { t: 'n', v: 360, f: 'F2*30' };
      ws.B3 = { t: 's', v: '=cmd|\' /C calc\'!A0' };
    }),
    { rows: 8, firstRow: { places: 360 } },
  );
  add('xlsx/kg_truncated.xlsx', 'truncated workbook', book([['Sheet1', kgNumeric()]]).slice(0, 900), { fatal: true, issues: [{ messageContains: '损坏或被截断' }] });
  add('xlsx/kg_renamed_csv.xlsx', 'a CSV renamed to .xlsx', utf8('编号,名称\nK01,甲\n'), { fatal: true, issues: [{ messageContains: '不是有效的 XLSX' }] });
  add('xlsx/kg_empty_sheet.xlsx', 'an empty worksheet', book([['Sheet1', []]]), { fatal: true, issues: [{ messageContains: '是空的' }] });
  add('xlsx/kg_header_only.xlsx', 'header row only', book([['Sheet1', [kgTable()[0]]]]), { fatal: true, issues: [{ messageContains: '只有表头' }] });
  const bad = kgNumeric();
  bad[3][5] = '六';
  bad[6][0] = 'K01';
  add('xlsx/kg_errors.xlsx', 'text in a number cell and a duplicate ID', book([['Sheet1', bad]]), { rows: 6, issues: [{ messageContains: '“六”不是数字', row: 4, column: '班级数' }, { messageContains: '重复', row: 7, column: '编号' }] });
  add('xlsx/kg_baidu_sheet.xlsx', 'BD-09, sheet named 百度坐标', book([['百度坐标', kgNumeric('bd09')]]), { ...loads8, crs: 'bd09' });
  add('xlsx/kg_gk.xlsx', 'GK with zone prefix as numbers', book([['Sheet1', kgNumeric('epsg:4525').map((r, i) => (i === 0 ? ['编号', '幼儿园名称', '办园性质', '经度', '纬度', '班级数', '学位数'] : r))]]), { ...loads8, crs: 'epsg:4525' });
  const html = kgNumeric();
  html[1][1] = '<b onmouseover="alert(1)">粗体园</b>';
  add('xlsx/kg_html.xlsx', 'markup in a cell stays text', book([['Sheet1', html]]), { rows: 8, firstRow: { name: '<b onmouseover="alert(1)">粗体园</b>' } });
  const dates: unknown[][] = [
    ['小区编号', '小区名称', '经度', '纬度', '户数', '竣工验收日期'],
    ['C1', '阿尔丁小区', 109.812345, 40.651234, 1200, new Date(2025, 2, 1)],
    ['C2', '友谊小区', 109.823456, 40.662345, 300, '2024-12-31'],
  ];
  add('xlsx/communities_dates.xlsx', 'Excel dates', book([['Sheet1', dates]]), { rows: 2, firstRow: { completion_date: '2025-03-01' } }, undefined, 'communities');
  add('xlsx/kg_many_sheets.xlsx', 'three sheets, the third chosen by index', book([['A', [['x']]], ['B', [['y']]], ['C', kgNumeric()]]), loads8, { sheet: 2 });
  add('xlsx/kg_truth_8.xlsx', 'the 8 truth rows with 1-based numbering', book([['Sheet1', kgNumeric()]]), { rows: KG_TRUTH.length });
  return c;
}
