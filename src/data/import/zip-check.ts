/**
 * Checking a ZIP (XLSX, zipped shapefile, KMZ) before handing it to a parser:
 * SheetJS and but-unzip can loop forever on a truncated or damaged archive, so
 * the directory is walked here and every entry is inflated with the platform's
 * DecompressionStream and CRC-checked.
 */
import { crc32 } from '../export/zip';

/**
 * Caps against decompression bombs, checked on the central directory before any
 * byte is inflated: a 1,000,000-row CSV is ≈ 60 MB, a large shapefile a few hundred.
 */
export const ZIP_LIMITS = {
  /** Σ uncompressed size of all entries */
  maxTotalBytes: 768 * 1024 * 1024,
  maxEntries: 20_000,
  /** an entry above this size must not expand more than maxRatio × */
  ratioCheckAboveBytes: 32 * 1024 * 1024,
  maxRatio: 500,
};

const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/** The Chinese message for a checkZip reason ('limit: …' = a cap, else a damaged archive). */
export function zipProblemZh(fileName: string, what: string, reason: string): string {
  if (reason.startsWith('limit:')) return `${what}“${fileName}”解压后过大（${reason.slice(6).trim()}），已拒绝导入：可能是压缩炸弹，或请拆分后再导入`;
  return `${what}“${fileName}”已损坏或被截断，无法解压（${reason}）`;
}

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
  if (count > ZIP_LIMITS.maxEntries) return `limit: ${count} 个文件，上限 ${ZIP_LIMITS.maxEntries} 个`;
  // sizes from the directory first: nothing is inflated when they are over the caps
  let total = 0;
  for (let i = 0, q = cdOffset; i < count; i++) {
    if (q + 46 > eocd || dv.getUint32(q, true) !== CEN) return 'bad central directory entry';
    const csize = dv.getUint32(q + 20, true);
    const usize = dv.getUint32(q + 24, true);
    total += usize;
    if (usize > ZIP_LIMITS.ratioCheckAboveBytes && usize > csize * ZIP_LIMITS.maxRatio) {
      return `limit: 一个文件由 ${MB(csize)} 解压为 ${MB(usize)}，压缩比超过 ${ZIP_LIMITS.maxRatio} 倍`;
    }
    q += 46 + dv.getUint16(q + 28, true) + dv.getUint16(q + 30, true) + dv.getUint16(q + 32, true);
  }
  if (total > ZIP_LIMITS.maxTotalBytes) return `limit: 共 ${MB(total)}，上限 ${MB(ZIP_LIMITS.maxTotalBytes)}`;
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
