/** Messages between the UI and the import worker (src/data/import/import-worker.ts). */
import type { Lang, Message } from '../../i18n';
import type { RowIssue } from '../issues';
import type { LayerId } from '../schema';
import type { BuildOptions, ImportResult } from './build-import';
import type { PackedRows } from './packed-rows';
import { sheetHead, sheetRowCount, type ParsedFile, type SourceFile, type SourceKind } from './types';

/** buildImport options that can cross a worker boundary. */
export type WorkerBuildOptions = Omit<BuildOptions, 'onProgress' | 'existingKeys'> & { existingKeys?: string[] };

/** Read a file (cached in the worker for later 'import' requests without a file). */
export interface ReadRequest {
  type: 'read';
  id: number;
  file: SourceFile;
}

/** Read (when `file` is given) and build an import; without `file` the last read file is used. */
export interface ImportRequest {
  type?: 'import';
  id: number;
  layer: LayerId;
  file?: SourceFile;
  options?: WorkerBuildOptions;
  /** language of the rejected-rows CSV made in the worker */
  lang?: Lang;
}

export interface CancelRequest {
  type: 'cancel';
  id: number;
}

export type WorkerRequest = ReadRequest | ImportRequest | CancelRequest;

/** What the UI needs of a read file: sheets with headers and the first rows. */
export interface ParsedSummary {
  fileName: string;
  kind: SourceKind;
  encoding?: string;
  prj?: string;
  fatal: boolean;
  issues: RowIssue[];
  sheets: { name: string; headers: string[]; rowCount: number; sample: unknown[][]; hasGeometry: boolean }[];
}

export type WorkerResponse =
  | { type: 'progress'; id: number; fraction: number; stage: Message }
  | { type: 'parsed'; id: number; summary: ParsedSummary }
  | {
      type: 'result';
      id: number;
      summary: ParsedSummary;
      /** result.rows is empty when `packed` carries them (see packed-rows.ts) */
      result: ImportResult;
      packed?: PackedRows;
      /** the rejected-rows CSV, made in the worker when result.rejected was cut short */
      rejectedCsv?: Uint8Array;
    }
  | { type: 'error'; id: number; message: Message }
  | { type: 'cancelled'; id: number };

/** Summary of a parsed file with `sampleRows` rows per sheet. */
export function summarize(parsed: ParsedFile, sampleRows = 10): ParsedSummary {
  return {
    fileName: parsed.fileName,
    kind: parsed.kind,
    encoding: parsed.encoding,
    prj: parsed.prj,
    fatal: parsed.fatal,
    issues: parsed.issues,
    sheets: parsed.sheets.map((s) => ({
      name: s.name,
      headers: s.headers,
      rowCount: sheetRowCount(s),
      sample: sheetHead(s, sampleRows),
      hasGeometry: !!s.geometries,
    })),
  };
}
