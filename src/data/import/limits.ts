/**
 * Caps on what one imported file may hold, so that no file — a ZIP bomb, an XLSX
 * declaring a million-by-16k sheet, a GeoJSON of millions of features — can hang
 * or crash the tab. Each cap sits well above real planning data (the largest real
 * case: a 1,000,000-row population CSV of 57 MB, which imports in about 4 s).
 * Every refusal names the file and the cap in Chinese (see limit-messages.ts).
 */

const MiB = 1 << 20;

/**
 * Bytes of one file, checked before it is read into memory. A text file becomes one
 * JS string, and V8 strings stop at about 512 Mi characters; 400 MiB leaves room for
 * that and for the parsed rows next to the bytes.
 */
export const MAX_FILE_BYTES = 400 * MiB;

/**
 * Data rows (or features) of one file. Twice the largest real case (1,000,000
 * population rows); Excel itself stops at 1,048,576 rows.
 */
export const MAX_ROWS = 2_000_000;

/** Entries in one ZIP (XLSX, KMZ, zipped shapefile): real ones have a few to a few hundred. */
export const MAX_ZIP_ENTRIES = 10_000;

/**
 * Uncompressed bytes of all entries of one ZIP, from its central directory before any
 * inflating. A 1,000,000-row XLSX sheet is about 150–300 MB of XML.
 */
export const MAX_ZIP_UNCOMPRESSED = 512 * MiB;

/**
 * Expansion ratio (uncompressed / ZIP size) refused once the archive expands past
 * RATIO_FLOOR. Real XLSX and shapefiles compress 3–30×, blank-padded DBF up to
 * about 60×; zeros deflate about 1000× — the mark of a ZIP bomb.
 */
export const MAX_ZIP_RATIO = 100;

/** Below this uncompressed total the ratio is not checked (small files are harmless whatever they compress to). */
export const ZIP_RATIO_FLOOR = 64 * MiB;

/**
 * Cells of one worksheet's data range (rows × columns, after clipping the declared
 * `<dimension>` to the cells really present): 1,048,576 rows × 30 columns.
 */
export const MAX_SHEET_CELLS = 1_048_576 * 30;

/**
 * Bytes of KML text: the XML becomes a DOM of several hundred bytes per node in the
 * worker; real KML/KMZ exports are rarely above a few tens of MB.
 */
export const MAX_KML_BYTES = 200 * MiB;
