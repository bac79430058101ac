/** The 学位预警 downloads; each builder (docx, SheetJS) is loaded on first use. */
import { downloadBytes, MIME } from '../../../data/export/download';
import { fileStem, type WarningDoc } from './warning-doc';

export async function exportWarningDocx(d: WarningDoc): Promise<{ bytes: Uint8Array; ms: number }> {
  const t0 = performance.now();
  const { warningToDocx } = await import('./to-docx');
  const bytes = await warningToDocx(d);
  downloadBytes(`${fileStem(d)}.docx`, bytes, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  return { bytes, ms: performance.now() - t0 };
}

export async function exportWarningXlsx(d: WarningDoc): Promise<{ bytes: Uint8Array; ms: number }> {
  const t0 = performance.now();
  const { warningToXlsx } = await import('./to-xlsx');
  const bytes = warningToXlsx(d);
  downloadBytes(`${fileStem(d)}.xlsx`, bytes, MIME.xlsx);
  return { bytes, ms: performance.now() - t0 };
}
