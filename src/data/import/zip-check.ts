/**
 * Checking a ZIP (XLSX, zipped shapefile, KMZ) before handing it to a parser:
 * SheetJS and but-unzip can loop forever on a truncated or damaged archive, so
 * the directory is walked here and every entry is inflated with the platform's
 * DecompressionStream and CRC-checked.
 */
import { crc32 } from '../export/zip';

const EOCD = 0x06054b50;
const CEN = 0x02014b50;
const LOC = 0x04034b50;

async function inflateRaw(data: Uint8Array, expected: number): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > expected) {
      await reader.cancel();
      throw new Error('size mismatch');
    }
    parts.push(value);
  }
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** null when the ZIP is intact; otherwise a short reason (English, for the Chinese message around it). */
export async function checkZip(bytes: Uint8Array): Promise<string | null> {
  const len = bytes.length;
  if (len < 22) return 'too short';
  const dv = new DataView(bytes.buffer, bytes.byteOffset, len);
  let eocd = -1;
  for (let p = len - 22; p >= Math.max(0, len - 22 - 65535); p--) {
    if (dv.getUint32(p, true) === EOCD) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) return 'no end of central directory';
  const count = dv.getUint16(eocd + 10, true);
  const cdSize = dv.getUint32(eocd + 12, true);
  const cdOffset = dv.getUint32(eocd + 16, true);
  if (cdOffset === 0xffffffff || count === 0xffff) return null; // ZIP64: leave it to the parser
  if (cdOffset + cdSize > eocd) return 'central directory out of range';
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || dv.getUint32(p, true) !== CEN) return 'bad central directory entry';
    const method = dv.getUint16(p + 10, true);
    const crc = dv.getUint32(p + 16, true);
    const csize = dv.getUint32(p + 20, true);
    const usize = dv.getUint32(p + 24, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extra = dv.getUint16(p + 30, true);
    const comment = dv.getUint16(p + 32, true);
    const local = dv.getUint32(p + 42, true);
    p += 46 + nameLen + extra + comment;
    if (local + 30 > cdOffset || dv.getUint32(local, true) !== LOC) return 'bad local header';
    const start = local + 30 + dv.getUint16(local + 26, true) + dv.getUint16(local + 28, true);
    if (start + csize > cdOffset) return 'entry data out of range';
    const data = bytes.subarray(start, start + csize);
    let plain: Uint8Array;
    if (method === 0) plain = data;
    else if (method === 8) {
      if (typeof DecompressionStream === 'undefined') continue;
      try {
        plain = await inflateRaw(data, usize);
      } catch {
        return 'damaged compressed data';
      }
    } else return `unsupported compression ${method}`;
    if (plain.length !== usize || crc32(plain) !== crc) return 'checksum mismatch';
  }
  return null;
}
