/**
 * Hostile workbooks built at test time: a 2 KB XLSX declaring A1:XFD1048576
 * (17 billion cells; it hung the tab — how fast it is read now: bench/hostile-bench.ts), real cells at both ends of that range, and
 * a cell comment on "__proto__" (CVE-2023-30533 polluted Object.prototype in xlsx 0.18.5).
 */
import { describe, expect, it } from 'vitest';
import { render, type Message } from '../../../src/i18n';
import { readTabular } from '../../../src/data/import/read-file';
import { readXlsx } from '../../../src/data/import/read-xlsx';
import { deflated, minimalOds, minimalXlsx, odsRow, sheetXml, workbookXml } from './bomb-files';

function messages(p: { issues: { message: Message }[] }): string {
  return p.issues.map((i) => render('zh', i.message)).join('\n');
}

describe('XLSX caps', () => {
  it('a declared dimension A1:XFD1048576 over two real rows is clipped to the data, quickly', async () => {
    const bytes = minimalXlsx(sheetXml([['编号', '名称'], ['K01', '甲幼儿园']], 'A1:XFD1048576'));
    expect(bytes.length).toBeLessThan(4096);
    const res = await readTabular({ name: '维度.xlsx', bytes });
    expect(res.fatal).toBe(false);
    expect(res.sheets[0].headers).toEqual(['编号', '名称']);
    expect(res.sheets[0].rows).toEqual([['K01', '甲幼儿园']]);
    expect(Array.from(res.sheets[0].rowNumbers)).toEqual([2]);
    expect(messages(res)).toContain('声明的范围 A1:XFD1048576 远大于实际数据，已按实际数据范围 A1:B2 读取');
  });

  it('real cells at A1 and XFD1048576 are refused with the range and the cap', () => {
    const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>编号</t></is></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>`;
    const res = readXlsx({ name: '两角.xlsx', bytes: minimalXlsx(sheet) });
    expect(res.fatal).toBe(true);
    expect(messages(res)).toMatch(/文件“两角\.xlsx”的工作表“Sheet1”数据范围 A1:XFD1048576 过大（17,179,869,184 个单元格，上限 31,457,280 个）/);
  });

  it('a comment on "__proto__" and a sheet named "__proto__" leave Object.prototype alone', async () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const comments = `<?xml version="1.0" encoding="UTF-8"?><comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>a</author></authors><commentList><comment ref="__proto__" authorId="0"><text><t>polluted</t></text></comment></commentList></comments>`;
    const rels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments1.xml"/></Relationships>`;
    const bytes = minimalXlsx(sheetXml([['编号', '__proto__'], ['K01', 'polluted']]), {
      workbook: workbookXml('__proto__', '<definedNames><definedName name="__proto__">polluted</definedName></definedNames>'),
      extra: [deflated('xl/worksheets/_rels/sheet1.xml.rels', rels), deflated('xl/comments1.xml', comments)],
    });
    const res = await readTabular({ name: '污染.xlsx', bytes });
    const probe = {} as Record<string, unknown>;
    expect(probe.polluted).toBeUndefined();
    expect(probe.c).toBeUndefined(); // what xlsx 0.18.5 set from this very file
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(res.sheets[0]?.rows[0]).toEqual(['K01', 'polluted']);
  });

  it('an ODS repeating one cell over 1,048,575 rows × 16,384 columns is refused before SheetJS builds it', async () => {
    const bytes = minimalOds(odsRow(['编号']) + odsRow(['x'], 1_048_575, 16_384));
    const res = await readTabular({ name: '重复.ods', bytes });
    expect(res.fatal).toBe(true);
    expect(messages(res)).toContain('文件“重复.ods”用“重复行/列”声明的单元格超过上限 31,457,280 个');
  });

  it('an ordinary ODS, with the empty repeated rows LibreOffice writes, reads', async () => {
    const tail = '<table:table-row table:number-rows-repeated="1048574"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>';
    const res = await readTabular({ name: '名单.ods', bytes: minimalOds(odsRow(['编号', '名称']) + odsRow(['K01', '甲'], 2) + tail) });
    expect(res.fatal, messages(res)).toBe(false);
    expect(res.sheets[0].rows).toEqual([
      ['K01', '甲'],
      ['K01', '甲'],
    ]);
  });
});
