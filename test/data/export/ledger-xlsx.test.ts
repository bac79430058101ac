import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { excelSerialOf, exportLedgerXlsx } from '../../../src/data/export/ledger-xlsx';
import { buildImport } from '../../../src/data/import/build-import';
import { readTabular } from '../../../src/data/import/read-file';
import { unzipChecked } from '../../../src/data/import/zip-check';
import { SAMPLE } from './sample-rows';

async function sheetXml(bytes: Uint8Array): Promise<string> {
  const zip = await unzipChecked('workbook', 'ledger.xlsx', bytes);
  const sheet = 'entries' in zip ? zip.entries.get('xl/worksheets/sheet1.xml') : undefined;
  if (sheet) return new TextDecoder().decode(sheet);
  throw new Error('no sheet');
}

describe('the 台账 workbook', () => {
  it('has 小区编号 and coordinates, a frozen header, an autofilter and real date cells', async () => {
    const bytes = await exportLedgerXlsx(SAMPLE.communities, [{ header: '问题类型（系统判定）', values: ['移交不到位', null, '规划不到位'] }]);
    const xml = await sheetXml(bytes);
    expect(xml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(xml).toMatch(/<autoFilter ref="A1:[A-Z]+4"\/>/);
    const wb = XLSX.read(bytes, { type: 'array', cellNF: true });
    const ws = wb.Sheets['配套园台账'];
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(ws, { raw: true });
    expect(Object.keys(rows[0]).slice(0, 4)).toEqual(['小区编号', '小区名称', '经度', '纬度']);
    expect(rows[0]['经度']).toBe(109.805);
    // 竣工验收日期 2021-06-30 is Excel day 44377, shown as a date
    const col = XLSX.utils.decode_range(ws['!ref']!).e.c;
    const header = Array.from({ length: col + 1 }, (_x, c) => ws[XLSX.utils.encode_cell({ r: 0, c })]?.v);
    const cell = ws[XLSX.utils.encode_cell({ r: 1, c: header.indexOf('竣工验收日期') })];
    expect(cell).toMatchObject({ t: 'n', v: 44377, z: 'yyyy-mm-dd' });
    expect(excelSerialOf('1900-03-01')).toBe(61);
  });

  it('export → import → export gives the same rows (geometry aside)', async () => {
    const first = await exportLedgerXlsx(SAMPLE.communities);
    const parsed = await readTabular({ name: '台账.xlsx', bytes: first });
    const res = buildImport('communities', parsed, { crs: 'wgs84' });
    expect(res.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(res.rows).toEqual(SAMPLE.communities.map((c) => ({ ...c, geometry: null })));
    const second = await exportLedgerXlsx(res.rows);
    const cells = (b: Uint8Array) => XLSX.utils.sheet_to_json(XLSX.read(b, { type: 'array' }).Sheets['配套园台账'], { header: 1, raw: true });
    expect(cells(second)).toEqual(cells(first));
  });
});
