import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { render } from '../../../src/i18n';
import { buildImport } from '../../../src/data/import/build-import';
import { exportRejectedCsv } from '../../../src/data/import/rejected-csv';
import { readTabular } from '../../../src/data/import/read-file';

// ../shared sits beside the repository (CI and the dev machines)
const FILE = path.resolve(__dirname, '../../../../shared/data/realworld/changning_kindergartens_bd09.csv');
const present = existsSync(FILE);
if (!present) console.warn(`skipping the real-file import test: ${FILE} not found`);

describe.skipIf(!present)('real file: 长宁区 kindergartens in BD-09 (../shared/data/realworld)', () => {
  const load = async () => readTabular({ name: path.basename(FILE), bytes: new Uint8Array(readFileSync(FILE)) });

  it('says clearly which required columns are missing', async () => {
    const res = buildImport('kindergartens', await load());
    expect(res.fatal).toBe(true);
    expect(res.missingRequired).toEqual(['type', 'classes', 'places']);
    expect(render('zh', res.issues[0].message)).toContain('缺少必需的列：办园性质、班级数、学位数');
    expect(render('zh', res.issues[0].message)).toContain('默认值');
  });

  it('loads all 29 rows with defaults, converts BD-09 → WGS84 into 长宁区 and flags the 10 rounded rows', async () => {
    const res = buildImport('kindergartens', await load(), { defaults: { type: '公办', classes: 0, places: 0 } });
    expect(res.crsUsed).toBe('bd09');
    expect(render('zh', res.crsGuess.reason)).toContain('bd09');
    expect(res.rows.length).toBe(29);
    expect(res.errorCount).toBe(0);
    for (const r of res.rows) {
      expect(r.lon).toBeGreaterThan(121.35);
      expect(r.lon).toBeLessThan(121.45);
      expect(r.lat).toBeGreaterThan(31.19);
      expect(r.lat).toBeLessThan(31.23);
    }
    expect(res.flagCounts.rounded).toBe(10);
    expect(res.flags.filter((f) => f.kind === 'rounded').map((f) => f.row)).toEqual([2, 3, 4, 6, 7, 8, 9, 13, 15, 19]);
    expect(res.rows.find((r) => r.id === '39')?.name).toBe('上海市长宁区实验幼儿园');
    // long quoted text with embedded quotes and newlines did not shift columns
    expect(res.headers).toEqual(['编号', '幼儿园名称', '地址', '经度', '纬度', '招生地段']);
  });

  it('rejected rows download keeps the original columns plus 错误原因', async () => {
    const res = buildImport('kindergartens', await load(), { defaults: { type: '公办', classes: 0, places: 0 }, existingKeys: ['34', '35'] });
    expect(res.rows.length).toBe(27);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(exportRejectedCsv(res));
    expect(text.split('\r\n')[0]).toBe('\uFEFF编号,幼儿园名称,地址,经度,纬度,招生地段,错误原因');
    expect(text).toContain('与已导入的数据重复');
  });
});
