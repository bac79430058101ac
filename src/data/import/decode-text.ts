/**
 * Text decoding of uploaded files: BOM → valid UTF-8 → GB18030 (a superset of
 * GBK/GB2312, what Chinese Excel and WPS write as "ANSI").
 */

import { m, msg, type Lang, type Message } from '../../i18n';

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** set when the text looks damaged (replacement characters, NUL bytes) */
  warning?: Message;
  /** the text contains a NUL character */
  hasNul?: boolean;
}

/** Label of a detected encoding, for the UI. */
export function encodingLabel(lang: Lang, e: TextEncodingName | string | undefined): string {
  switch (e) {
    case 'utf-8':
      return 'UTF-8';
    case 'utf-8-bom':
      return msg(lang, 'data.encoding.utf8Bom');
    case 'utf-16le':
    case 'utf-16be':
      return e.toUpperCase();
    case 'gb18030':
      return 'GBK/GB18030';
    default:
      return e ?? '';
  }
}

/** True when `bytes` are valid UTF-8. */
export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function countReplacement(s: string, limit = 50): number {
  let n = 0;
  for (let i = s.indexOf('\uFFFD'); i >= 0 && n < limit; i = s.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

/** Normalise an encoding name from a .cpg or XML declaration to a WHATWG label, or null. */
export function normaliseEncodingLabel(label: string | null | undefined): string | null {
  if (!label) return null;
  const t = label.trim().toLowerCase();
  if (/^(ansi\s*)?(936|cp936|gbk|gb2312|gb_2312.*|gb18030|54936|x-gbk|chinese)$/.test(t)) return 'gb18030';
  if (/^(utf-?8|65001)$/.test(t)) return 'utf-8';
  try {
    return new TextDecoder(t).encoding;
  } catch {
    return null;
  }
}

/**
 * Decode file bytes. `declared` (from a .cpg or an XML prolog) is honoured
 * unless the bytes contradict it (declared UTF-8 but invalid → GB18030, with a warning).
 */
export function decodeText(bytes: Uint8Array, declared?: string | null): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return finish(new TextDecoder('utf-8').decode(bytes.subarray(3)), 'utf-8-bom');
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return finish(new TextDecoder('utf-16le').decode(bytes.subarray(2)), 'utf-16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return finish(new TextDecoder('utf-16be').decode(bytes.subarray(2)), 'utf-16be');
  const want = normaliseEncodingLabel(declared);
  let utf8: string | null = null;
  try {
    utf8 = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    utf8 = null;
  }
  const valid = utf8 !== null;
  if (want === 'gb18030' && !(valid && !hasHighBytes(bytes))) return finish(new TextDecoder('gb18030').decode(bytes), 'gb18030');
  if (utf8 !== null) {
    const res = finish(utf8, 'utf-8');
    if (want && want !== 'utf-8' && want !== 'gb18030' && hasHighBytes(bytes)) {
      return { ...res, warning: m('data.encoding.declaredButUtf8', { declared: String(declared) }) };
    }
    return res;
  }
  const res = finish(new TextDecoder('gb18030').decode(bytes), 'gb18030');
  if (want === 'utf-8') {
    return { ...res, warning: res.warning ?? m('data.encoding.notUtf8') };
  }
  return res;
}

function hasHighBytes(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return true;
  return false;
}

function finish(text: string, encoding: TextEncodingName): DecodedText {
  const bad = countReplacement(text);
  if (text.includes('\u0000')) return { text, encoding, warning: m('data.encoding.nul'), hasNul: true };
  if (bad >= 3 || (bad > 0 && bad * 200 > text.length)) {
    return { text, encoding, warning: bad >= 50 ? m('data.encoding.manyBad') : m('data.encoding.someBad', { count: bad }) };
  }
  return { text, encoding };
}
