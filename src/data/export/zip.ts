/** Writing ZIPs (shapefile bundles, the ledger workbook, rejected rows): fflate, entries deflated or stored. */
import { zipSync, type Zippable } from 'fflate';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 of bytes (the ZIP/PNG polynomial). */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Pack files into a ZIP archive (UTF-8 names); `level` 0 stores, 1–9 deflate (default 6). */
export function zipFiles(entries: { name: string; bytes: Uint8Array }[], level: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 = 6): Uint8Array {
  const files: Zippable = {};
  for (const e of entries) files[e.name] = [e.bytes, { level }];
  return zipSync(files);
}

/** Pack files into a ZIP archive without compression. */
export function zipStore(entries: { name: string; bytes: Uint8Array }[]): Uint8Array {
  return zipFiles(entries, 0);
}
