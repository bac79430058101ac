/**
 * 学位预警 as an Excel workbook (SheetJS): 预警等级 (街道 × year, the level in words),
 * 明细 (one row per 街道 and year: places, demand, gap, utilisation, level, reasons — the
 * engine's numbers as numbers) and 预警规则 (rules, thresholds and their sources).
 */
import * as XLSX from '@e965/xlsx';
import { msg } from '../../../i18n';
import { docTitle, levelLabel, methodLabel, reasonsText, ruleLines, yearLabel, type WarningDoc } from './warning-doc';

export function warningToXlsx(d: WarningDoc): Uint8Array {
  const L = d.lang;
  const t = d.table;
  const matrix: (string | number)[][] = [
    [msg(L, 'warn.street'), ...t.years.map((y) => yearLabel(L, d, y))],
    ...t.rows.map((r) => [r.nameZh, ...t.years.map((y) => {
      const c = r.cells.find((x) => x.year === y);
      return c ? levelLabel(L, c.level) : '—';
    })]),
  ];
  const headers = [msg(L, 'warn.street'), msg(L, 'warn.year'), msg(L, 'warn.places'), msg(L, 'warn.demand'), msg(L, 'warn.gap'), msg(L, 'plan.ui.warn.pctHeader', { label: msg(L, 'warn.utilisation') }), msg(L, 'warn.level'), msg(L, 'warn.reasons')];
  const detail: (string | number | null)[][] = [headers];
  for (const r of t.rows) {
    for (const c of r.cells) {
      detail.push([r.nameZh, c.year, c.places, c.demand, c.gap, c.utilisationPct === null ? null : Math.round(c.utilisationPct * 10) / 10, levelLabel(L, c.level), reasonsText(L, c)]);
    }
  }
  const rules: string[][] = [
    [docTitle(d)],
    [msg(L, 'warn.method', { method: methodLabel(d), scenario: d.scenario, dataYear: d.dataYear })],
    [],
    [msg(L, 'warn.level'), msg(L, 'warn.source')],
    ...ruleLines(L, t).map((r) => [r.rule, r.source]),
    [],
    [msg(L, 'warn.param.utilisation'), String(t.params.utilisationYellowPct)],
    [msg(L, 'warn.param.lead'), String(t.params.leadYears)],
  ];
  const wb = XLSX.utils.book_new();
  const ws1 = XLSX.utils.aoa_to_sheet(matrix);
  ws1['!cols'] = [{ wch: 18 }, ...t.years.map(() => ({ wch: 11 }))];
  const ws2 = XLSX.utils.aoa_to_sheet(detail);
  ws2['!cols'] = [{ wch: 18 }, { wch: 7 }, { wch: 10 }, { wch: 12 }, { wch: 9 }, { wch: 10 }, { wch: 9 }, { wch: 40 }];
  ws2['!autofilter'] = { ref: XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: detail.length - 1, c: headers.length - 1 } }) };
  const ws3 = XLSX.utils.aoa_to_sheet(rules);
  ws3['!cols'] = [{ wch: 60 }, { wch: 80 }];
  XLSX.utils.book_append_sheet(wb, ws1, msg(L, 'warn.sheet.matrix'));
  XLSX.utils.book_append_sheet(wb, ws2, msg(L, 'warn.sheet.detail'));
  XLSX.utils.book_append_sheet(wb, ws3, msg(L, 'warn.sheet.rules'));
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}
