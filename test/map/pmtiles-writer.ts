/**
 * A tiny PMTiles v3 writer for tests: one tile, no compression, and a minimal MVT encoder
 * (one layer, line features), so tests need no fixture files and no tippecanoe.
 */
import { zxyToTileId } from 'pmtiles';

function varint(out: number[], v: number): void {
  while (v > 0x7f) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
}

const zigzag = (n: number): number => (n << 1) ^ (n >> 31);

function field(out: number[], num: number, wire: number): void {
  varint(out, (num << 3) | wire);
}

function bytesField(out: number[], num: number, bytes: number[]): void {
  field(out, num, 2);
  varint(out, bytes.length);
  out.push(...bytes);
}

const utf8 = (s: string): number[] => [...new TextEncoder().encode(s)];

/** One MVT layer of LineStrings in tile coordinates (extent 4096). */
export function encodeMvtLines(layer: string, lines: [number, number][][], kind = 'minor_road'): Uint8Array {
  const lay: number[] = [];
  field(lay, 15, 0);
  varint(lay, 2); // version
  bytesField(lay, 1, utf8(layer));
  for (const line of lines) {
    const geom: number[] = [];
    let cx = 0;
    let cy = 0;
    const cmd = (id: number, count: number) => varint(geom, (id & 7) | (count << 3));
    cmd(1, 1);
    varint(geom, zigzag(line[0][0] - cx));
    varint(geom, zigzag(line[0][1] - cy));
    [cx, cy] = line[0];
    cmd(2, line.length - 1);
    for (const [x, y] of line.slice(1)) {
      varint(geom, zigzag(x - cx));
      varint(geom, zigzag(y - cy));
      [cx, cy] = [x, y];
    }
    const feat: number[] = [];
    field(feat, 2, 2); // tags: key 0 = value 0
    varint(feat, 2);
    feat.push(0, 0);
    field(feat, 3, 0);
    varint(feat, 2); // LINESTRING
    bytesField(feat, 4, geom);
    bytesField(lay, 2, feat);
  }
  bytesField(lay, 3, utf8('kind'));
  const value: number[] = [];
  bytesField(value, 1, utf8(kind));
  bytesField(lay, 4, value);
  field(lay, 5, 0);
  varint(lay, 4096);
  const tile: number[] = [];
  bytesField(tile, 3, lay);
  return Uint8Array.from(tile);
}

export interface OneTileArchive {
  z: number;
  x: number;
  y: number;
  tile: Uint8Array;
  /** PMTiles tile type: 1 MVT, 2 PNG, … */
  tileType: number;
  metadata: Record<string, unknown>;
  bounds: [number, number, number, number];
}

/** Bytes of a PMTiles v3 archive holding exactly one tile. */
export function writeOneTilePmtiles(a: OneTileArchive): Uint8Array {
  const dir: number[] = [];
  varint(dir, 1); // entries
  varint(dir, zxyToTileId(a.z, a.x, a.y)); // tile id (delta from 0)
  varint(dir, 1); // run length
  varint(dir, a.tile.length);
  varint(dir, 1); // offset + 1 (offset 0 in the tile data section)
  const meta = new TextEncoder().encode(JSON.stringify(a.metadata));
  const rootOff = 127;
  const metaOff = rootOff + dir.length;
  const dataOff = metaOff + meta.length;
  const buf = new Uint8Array(dataOff + a.tile.length);
  const v = new DataView(buf.buffer);
  buf.set(new TextEncoder().encode('PMTiles'), 0);
  buf[7] = 3;
  const u64 = (off: number, n: number) => v.setBigUint64(off, BigInt(n), true);
  u64(8, rootOff);
  u64(16, dir.length);
  u64(24, metaOff);
  u64(32, meta.length);
  u64(40, dataOff); // no leaf directories
  u64(48, 0);
  u64(56, dataOff);
  u64(64, a.tile.length);
  u64(72, 1);
  u64(80, 1);
  u64(88, 1);
  buf[96] = 1; // clustered
  buf[97] = 1; // internal compression: none
  buf[98] = 1; // tile compression: none
  buf[99] = a.tileType;
  buf[100] = a.z;
  buf[101] = a.z;
  const e7 = (off: number, deg: number) => v.setInt32(off, Math.round(deg * 1e7), true);
  e7(102, a.bounds[0]);
  e7(106, a.bounds[1]);
  e7(110, a.bounds[2]);
  e7(114, a.bounds[3]);
  buf[118] = a.z;
  e7(119, (a.bounds[0] + a.bounds[2]) / 2);
  e7(123, (a.bounds[1] + a.bounds[3]) / 2);
  buf.set(dir, rootOff);
  buf.set(meta, metaOff);
  buf.set(a.tile, dataOff);
  return buf;
}

/** tile x, y containing lon/lat at zoom z (web mercator) */
export function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const r = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  return [x, y];
}
