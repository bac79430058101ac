/**
 * Chinese text in the PDF: real, selectable text in the embedded Noto Sans SC subset
 * (GB2312 level 1 + every character of the app's texts and sample data, see
 * scripts/make-pdf-font.ts); a line holding a character outside the subset (a rare
 * character in an imported street name) is drawn as an image in the system font instead,
 * so nothing is ever printed as an empty box.
 */
import type { jsPDF } from 'jspdf';
import fontUrl from './font/noto-sans-sc-subset.ttf?url';
import { msg, type Lang } from '../../../i18n';

export const PDF_FONT = 'NotoSansSC';
const PT_MM = 25.4 / 72;
let fontB64: Promise<string> | null = null;

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Fetch the bundled font once (it is only fetched when a PDF is made). */
export function loadPdfFont(lang: Lang): Promise<string> {
  fontB64 ??= fetch(fontUrl)
    .then((r) => {
      if (!r.ok) throw new Error(msg(lang, 'present.ui.err.font', { status: r.status }));
      return r.arrayBuffer();
    })
    .then((b) => toBase64(new Uint8Array(b)));
  return fontB64;
}

export function installPdfFont(doc: jsPDF, b64: string): void {
  doc.addFileToVFS(`${PDF_FONT}.ttf`, b64);
  doc.addFont(`${PDF_FONT}.ttf`, PDF_FONT, 'normal');
  doc.setFont(PDF_FONT, 'normal');
}

/** True when every character of `text` has a glyph in the document's current font. */
export function fontCovers(doc: jsPDF, text: string): boolean {
  const meta = (doc.internal as unknown as { getFont(): { metadata?: { characterToGlyph(c: number): number } } }).getFont().metadata;
  if (!meta) return true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x20 && meta.characterToGlyph(c) === 0) return false;
  }
  return true;
}

export interface TextStyle {
  sizePt: number;
  color?: [number, number, number];
  maxWidthMm?: number;
}

/** Write one line (or a wrapped paragraph) with its top at y (mm). Returns the height used (mm). */
export function writeText(doc: jsPDF, text: string, xMm: number, yMm: number, st: TextStyle): number {
  const [r, g, b] = st.color ?? [29, 39, 51];
  doc.setFontSize(st.sizePt);
  const lineMm = st.sizePt * PT_MM * 1.25;
  if (fontCovers(doc, text)) {
    doc.setTextColor(r, g, b);
    const lines: string[] = st.maxWidthMm ? doc.splitTextToSize(text, st.maxWidthMm) : [text];
    doc.text(lines, xMm, yMm, { baseline: 'top', lineHeightFactor: 1.25 });
    return lines.length * lineMm;
  }
  // fallback: the line as an image in the system font (4 px per pt for a crisp print)
  const px = st.sizePt * 4;
  const c = document.createElement('canvas');
  const ctx = c.getContext('2d')!;
  const font = `${px}px system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif`;
  ctx.font = font;
  const maxPx = st.maxWidthMm ? (st.maxWidthMm / (st.sizePt * PT_MM)) * px : Infinity;
  c.width = Math.ceil(Math.min(ctx.measureText(text).width, maxPx)) + 2;
  c.height = Math.ceil(px * 1.3);
  ctx.font = font;
  ctx.fillStyle = `rgb(${r},${g},${b})`;
  ctx.textBaseline = 'top';
  ctx.fillText(text, 0, px * 0.1, maxPx);
  const wMm = (c.width / px) * st.sizePt * PT_MM;
  doc.addImage(c.toDataURL('image/png'), 'PNG', xMm, yMm, wMm, lineMm);
  return lineMm;
}
