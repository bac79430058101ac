/**
 * Encoding text as GB18030/GBK (TextEncoder only does UTF-8): for legacy tools
 * that cannot read UTF-8, and for test fixtures. The table is built once by
 * decoding every GBK double-byte sequence.
 */

let table: Map<number, number[]> | null = null;

function gbkTable(): Map<number, number[]> {
  if (table) return table;
  const dec = new TextDecoder('gb18030');
  const t = new Map<number, number[]>();
  const pair = new Uint8Array(2);
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      pair[0] = a;
      pair[1] = b;
      const s = dec.decode(pair);
      if (s.length === 1 && s !== '\uFFFD' && !t.has(s.charCodeAt(0))) t.set(s.charCodeAt(0), [a, b]);
    }
  }
  table = t;
  return t;
}

const four = new Map<number, number[]>();

/** Four-byte GB18030 code of a BMP character outside GBK (searched once per character). */
function fourByte(code: number): number[] | null {
  const hit = four.get(code);
  if (hit) return hit;
  const dec = new TextDecoder('gb18030');
  const q = new Uint8Array(4);
  for (let a = 0x81; a <= 0x84; a++)
    for (let b = 0x30; b <= 0x39; b++)
      for (let c = 0x81; c <= 0xfe; c++)
        for (let d = 0x30; d <= 0x39; d++) {
          q[0] = a;
          q[1] = b;
          q[2] = c;
          q[3] = d;
          if (dec.decode(q).charCodeAt(0) === code) {
            const r = [a, b, c, d];
            four.set(code, r);
            return r;
          }
        }
  return null;
}

/** Encode text as GB18030 bytes (GBK for every character GBK has; '?' for the unencodable). */
export function encodeGb18030(text: string): Uint8Array {
  const t = gbkTable();
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const b = code <= 0xffff ? (t.get(code) ?? fourByte(code)) : null;
      if (b) out.push(...b);
      else out.push(0x3f);
    }
  }
  return new Uint8Array(out);
}
