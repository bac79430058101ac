/**
 * Checking a ZIP (XLSX, zipped shapefile, KMZ) before handing it to a parser.
 *
 * 1. The central directory is read without inflating anything: entry count and the
 *    declared uncompressed total are capped (limits.ts), and so is the expansion
 *    ratio, so a 400 KB archive of 400 MB of zeros is refused in milliseconds.
 * 2. Every entry is then inflated with the platform's DecompressionStream, stopping
 *    as soon as it passes its declared size (an entry that lies about its size
 *    cannot expand further), and CRC-checked: SheetJS can loop forever on a
 *    truncated or damaged archive. The inflated entries are what the importers read
 *    (unzipChecked): each entry is inflated once.
 */
import { crc32 } from '../export/zip';
import { m, type Message } from '../../i18n';
import { zipLabel, zipLimit, zipRatio, type ZipLabel } from './limit-messages';
import { MAX_ZIP_ENTRIES, MAX_ZIP_RATIO, ZIP_RATIO_FLOOR } from './limits';

const EOCD = 0x06054b50;
const CEN = 0x02014b50;
const LOC = 0x04034b50;

/** One entry as the central directory declares it. */
export interface ZipEntryInfo {
  name: string;
  method: number;
  crc: number;
  csize: number;
  usize: number;
  /** offset of the entry's data (after its local header) */
  start: number;
}

/** The central directory of a ZIP, or why it cannot be read (English, for a Chinese message around it). */
export type ZipScan = { entries: ZipEntryInfo[]; total: number } | { damaged: string } | { tooMany: number };

/** ZIP64 sizes from an entry's extra field (header 0x0001), in the order the 0xFFFFFFFF fields appear. */
function zip64Sizes(dv: DataView, at: number, len: number, usize: number, csize: number): { usize: number; csize: number } {
  for (let p = at; p + 4 <= at + len; ) {
    const id = dv.getUint16(p, true);
    const size = dv.getUint16(p + 2, true);
    if (id === 0x0001) {
      let q = p + 4;
      const big = (): number => {
        const v = Number(dv.getBigUint64(q, true));
        q += 8;
        return v;
      };
      return { usize: usize === 0xffffffff && q + 8 <= p + 4 + size ? big() : usize, csize: csize === 0xffffffff && q + 8 <= p + 4 + size ? big() : csize };
    }
    p += 4 + size;
  }
  return { usize, csize };
}

/** Read the central directory only (no inflating): names, methods, declared sizes. */
export function scanZip(bytes: Uint8Array): ZipScan {
  const len = bytes.length;
  if (len < 22) return { damaged: 'too short' };
  const dv = new DataView(bytes.buffer, bytes.byteOffset, len);
  let eocd = -1;
  for (let p = len - 22; p >= Math.max(0, len - 22 - 65535); p--) {
    if (dv.getUint32(p, true) === EOCD) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) return { damaged: 'no end of central directory' };
  const count = dv.getUint16(eocd + 10, true);
  const cdSize = dv.getUint32(eocd + 12, true);
  const cdOffset = dv.getUint32(eocd + 16, true);
  // ZIP64 end records are only needed past 65,535 entries or 4 GB: both far above the caps
  if (count === 0xffff) return { tooMany: count };
  if (cdOffset === 0xffffffff) return { damaged: 'ZIP64 archive larger than 4 GB' };
  if (count > MAX_ZIP_ENTRIES) return { tooMany: count };
  if (cdOffset + cdSize > eocd) return { damaged: 'central directory out of range' };
  const dec = new TextDecoder();
  const entries: ZipEntryInfo[] = [];
  let total = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || dv.getUint32(p, true) !== CEN) return { damaged: 'bad central directory entry' };
    const method = dv.getUint16(p + 10, true);
    const crc = dv.getUint32(p + 16, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extra = dv.getUint16(p + 30, true);
    const comment = dv.getUint16(p + 32, true);
    const local = dv.getUint32(p + 42, true);
    if (p + 46 + nameLen + extra > eocd) return { damaged: 'bad central directory entry' };
    const { usize, csize } = zip64Sizes(dv, p + 46 + nameLen, extra, dv.getUint32(p + 24, true), dv.getUint32(p + 20, true));
    const name = dec.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extra + comment;
    if (local + 30 > cdOffset || dv.getUint32(local, true) !== LOC) return { damaged: 'bad local header' };
    // the local header must not tell a parser that reads it (SheetJS) another story
    const lMethod = dv.getUint16(local + 8, true);
    const lCsize = dv.getUint32(local + 18, true);
    const lUsize = dv.getUint32(local + 22, true);
    const descriptor = (dv.getUint16(local + 6, true) & 8) !== 0;
    if (lMethod !== method || (!descriptor && lCsize !== 0xffffffff && (lCsize !== csize || lUsize !== usize))) return { damaged: 'local header differs from central directory' };
    const start = local + 30 + dv.getUint16(local + 26, true) + dv.getUint16(local + 28, true);
    if (start + csize > cdOffset) return { damaged: 'entry data out of range' };
    entries.push({ name, method, crc, csize, usize, start });
    total += usize;
  }
  return { entries, total };
}

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

/**
 * The caps of limits.ts against a ZIP's central directory, before anything is
 * inflated. Returns the refusal naming the file (`label` names the kind, e.g. “ZIP 文件”),
 * or null when the archive is within the caps (or too damaged to tell: checkZip says why).
 */
export function zipLimitProblem(label: ZipLabel, name: string, bytes: Uint8Array): Message | null {
  const scan = scanZip(bytes);
  if ('tooMany' in scan) return zipLimit(label, name, scan.tooMany, 0);
  if ('damaged' in scan) return null;
  const over = zipLimit(label, name, scan.entries.length, scan.total);
  if (over) return over;
  if (scan.total > ZIP_RATIO_FLOOR && scan.total > bytes.length * MAX_ZIP_RATIO) return zipRatio(label, name, bytes.length, scan.total);
  return null;
}

/** Every entry inflated and CRC-checked, name → bytes (directories and __MACOSX left out); or a short reason (English). */
async function inflateEntries(bytes: Uint8Array): Promise<Map<string, Uint8Array> | string> {
  const scan = scanZip(bytes);
  if ('damaged' in scan) return scan.damaged;
  if ('tooMany' in scan) return `${scan.tooMany} entries`;
  const out = new Map<string, Uint8Array>();
  for (const e of scan.entries) {
    const data = bytes.subarray(e.start, e.start + e.csize);
    let plain: Uint8Array;
    if (e.method === 0) plain = data;
    else if (e.method === 8) {
      // every browser the app supports (and Node ≥ 18) has DecompressionStream
      if (typeof DecompressionStream === 'undefined') return 'this browser cannot decompress ZIP files (no DecompressionStream)';
      try {
        plain = await inflateRaw(data, e.usize);
      } catch {
        return 'damaged compressed data';
      }
    } else return `unsupported compression ${e.method}`;
    if (plain.length !== e.usize || crc32(plain) !== e.crc) return 'checksum mismatch';
    if (!e.name.endsWith('/') && !e.name.includes('__MACOSX')) out.set(e.name, plain);
  }
  return out;
}

/** null when the ZIP is intact; otherwise a short technical reason (English, filled into the message around it). */
export async function checkZip(bytes: Uint8Array): Promise<string | null> {
  const read = await inflateEntries(bytes);
  return typeof read === 'string' ? read : null;
}

/**
 * The app's one ZIP reader (zipped shapefiles, KMZ, any .zip): first the caps
 * against the central directory (nothing inflated), then every entry inflated
 * once, stopped past its declared size and CRC-checked. Returns the entries
 * (name → bytes; directories and __MACOSX left out), or one message
 * naming the file (`label` names the kind, e.g. “ZIP 文件”).
 */
export async function unzipChecked(
  label: ZipLabel,
  name: string,
  bytes: Uint8Array,
): Promise<{ entries: Map<string, Uint8Array> } | { problem: Message }> {
  const over = zipLimitProblem(label, name, bytes);
  if (over) return { problem: over };
  const read = await inflateEntries(bytes);
  if (typeof read === 'string') return { problem: m('data.zip.damaged', { label: zipLabel(label), name, reason: read }) };
  return { entries: read };
}

/** Everything wrong with a ZIP before it is parsed, as one message naming the file (unzipChecked without the entries). */
export async function zipProblem(label: ZipLabel, name: string, bytes: Uint8Array): Promise<Message | null> {
  const res = await unzipChecked(label, name, bytes);
  return 'problem' in res ? res.problem : null;
}
