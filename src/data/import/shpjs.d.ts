/** Minimal types for the parts of shpjs the importer uses. */
declare module 'shpjs' {
  /** Parse .shp bytes into GeoJSON geometries (no reprojection when prj is false). */
  export function parseShp(shp: ArrayBuffer | ArrayBufferView | DataView, prj?: string | false): ({ type: string; coordinates: unknown } | null)[];
  /** Parse .dbf bytes into attribute objects, decoding text with the given encoding label. */
  export function parseDbf(dbf: ArrayBuffer | ArrayBufferView | DataView, cpg?: string): Record<string, unknown>[];
}
