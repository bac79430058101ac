/**
 * Text that fits its box in any viewer. PowerPoint shrinks text on overflow only when it
 * re-lays a shape out; LibreOffice, WPS and previewers draw the stored size. So each box's
 * font sizes are chosen here from measured widths (an em table for Microsoft YaHei and its
 * usual stand-ins, with a safety margin), and every paragraph gets an exact line spacing
 * (in points) so its height does not depend on the font a viewer substitutes.
 * Pure functions, unit-tested.
 */

/** Line height as a multiple of the font size (written as exact spacing in points). */
export const LINE_FACTOR = 1.2;
/** Widths are over-estimated by this factor (fonts differ between viewers). */
const SAFETY = 1.08;

/** Advance width of one character in em (Microsoft YaHei / Noto Sans CJK / PingFang are close). */
export function charEm(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  if (c >= 0x2e80 || (c >= 0x2190 && c <= 0x21ff) || (c >= 0x2600 && c <= 0x27bf) || c === 0x2014) return 1; // CJK, fullwidth, arrows, ✓✗, —
  if (c >= 0x30 && c <= 0x39) return 0.62; // digits (DejaVu Sans, a common stand-in, is 0.64)
  if (c >= 0x41 && c <= 0x5a) return 0.7;
  if (c >= 0x61 && c <= 0x7a) return 0.58;
  if (ch === ' ' || ch === ',' || ch === '.' || ch === ':' || ch === ';' || ch === '·') return 0.32;
  if (ch === '%') return 0.95;
  if (ch === '(' || ch === ')' || ch === '/' || ch === '|') return 0.36;
  return 0.62; // + − – ≥ ≤ × and the rest
}

/** Width of `text` in inches at `pt` points. */
export function textWidthIn(text: string, pt: number): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return ((em * pt) / 72) * SAFETY;
}

export interface FitLine {
  text: string;
  /** the preferred size (points) */
  pt: number;
  /** must stay on one line (a figure): shrunk until it does */
  noWrap?: boolean;
}

export interface FitBox {
  wIn: number;
  hIn: number;
  /** inner margin on every side (points) */
  marginPt: number;
}

/** How many lines `text` wraps to in `widthIn` at `pt` (CJK breaks anywhere). */
export function wrappedLines(text: string, pt: number, widthIn: number): number {
  if (text === '') return 1;
  let lines = 1;
  let w = 0;
  for (const ch of text) {
    const cw = (charEm(ch) * pt * SAFETY) / 72;
    if (w + cw > widthIn && w > 0) {
      lines++;
      w = cw;
    } else w += cw;
  }
  return lines;
}

/**
 * The largest scale (≤ 1, in steps of 0.02, not below `minScale`) at which every line fits
 * the box: no-wrap lines within the width (each capped on its own, so a long figure does not
 * shrink its label), all lines within the height. Returns the
 * sizes to write (points, rounded to 0.5) and whether it fits even at the smallest scale.
 */
export function fitLines(lines: FitLine[], box: FitBox, minScale = 0.45): { pts: number[]; scale: number; fits: boolean } {
  const innerW = box.wIn - (2 * box.marginPt) / 72;
  const innerH = box.hIn - (2 * box.marginPt) / 72;
  // a no-wrap line is capped at the size where it fills the width; the scale is for the height
  const cap = lines.map((l) => (l.noWrap ? (l.pt * innerW) / Math.max(1e-9, textWidthIn(l.text, l.pt)) : Infinity));
  const at = (scale: number) => lines.map((l, i) => Math.max(6, Math.floor(Math.min(l.pt * scale, cap[i]) * 2) / 2));
  const fitsAt = (pts: number[]) => {
    let h = 0;
    for (const [i, l] of lines.entries()) {
      if (l.noWrap && textWidthIn(l.text, pts[i]) > innerW) return false;
      h += (wrappedLines(l.text, pts[i], innerW) * pts[i] * LINE_FACTOR) / 72;
    }
    return h <= innerH;
  };
  for (let scale = 1; scale >= minScale - 1e-9; scale -= 0.02) {
    const pts = at(scale);
    if (fitsAt(pts)) return { pts, scale, fits: true };
  }
  const pts = at(minScale);
  return { pts, scale: minScale, fits: fitsAt(pts) };
}

/** Exact line spacing (points) for a paragraph at `pt`. */
export const lineSpacingPt = (pt: number): number => Math.round(pt * LINE_FACTOR * 10) / 10;
