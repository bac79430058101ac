/**
 * The import dialog: 1) layer + sheet, 2) column mapping, 3) CRS + preview,
 * 4) issues, 5) commit. Parsing runs in a Web Worker (KML on the main thread).
 * Everything from a file is rendered as React text, never as markup.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Bbox } from '../../data/coords/area';
import type { CrsId } from '../../data/coords/crs';
import { downloadBytes, MIME } from '../../data/export/download';
import { zipStore } from '../../data/export/zip';
import { guessFieldMappingLoose, type FieldMapping } from '../../data/field-mapping';
import type { ImportResult } from '../../data/import/build-import';
import { encodingLabel } from '../../data/import/decode-text';
import type { ParsedSummary, WorkerBuildOptions } from '../../data/import/import-protocol';
import { MAX_FILE_BYTES } from '../../data/import/limits';
import { recallMapping, rememberMapping } from '../../data/import/mapping-memory';
import { exportRejectedCsv, rejectedFileName } from '../../data/import/rejected-csv';
import type { InputFile, SourceFile } from '../../data/import/types';
import { messageOfError } from '../../i18n/message-error';
import { LAYER_IDS, layerLabel, type LayerId, type LayerRows } from '../../data/schema';
import { m, render, type Message } from '../../i18n';
import { CrsStep, needsCrsPick, type CrsStepProps } from './CrsStep';
import { ImportClient } from './import-client';
import { trOf } from './import-text';
import { IssuesStep } from './IssuesStep';
import { MappingStep, unresolvedRequired } from './MappingStep';
import type { ImportMode } from '../../state/ui-slice';
import './import.css';

export interface ImportDialogProps {
  layerDefault?: LayerId;
  files: File[];
  referenceBbox?: [number, number, number, number];
  /** loaded kindergartens and 小区 (name, WGS84 position): same-named rows decide the coordinate system */
  named?: { name: string; lon: number; lat: number }[];
  /** outlines and names already loaded (district, 街道), for the map check before committing */
  reference?: CrsStepProps['reference'];
  existingKeys?: Record<LayerId, string[]>;
  /** the mode to start with ('update': by key, into the ledger's history; communities only) */
  modeDefault?: ImportMode;
  /** `fields`: the layer fields the file supplies (mapped columns; lon/lat from a geometry) */
  onCommit(layer: LayerId, rows: LayerRows[LayerId], mode: ImportMode, fields: string[], fileName: string): Promise<void>;
  onClose(): void;
  lang: 'zh' | 'en';
}

type Step = 1 | 2 | 3 | 4 | 5;

/** Browser files → importer inputs; loose .shp/.dbf/.prj/.cpg siblings are zipped into one shapefile. */
async function toInputs(files: File[]): Promise<SourceFile[]> {
  const isSide = (name: string): boolean => /\.(shp|dbf|prj|cpg|shx)$/i.test(name);
  // other files go to the worker as they are (it reads them); shapefile parts are read here to be zipped
  // a part over the size cap is not read here: it goes to the worker alone, which refuses it by name
  const tooBig = (f: File): boolean => isSide(f.name) && f.size > MAX_FILE_BYTES;
  const baseOf = (name: string): string => name.slice(0, name.lastIndexOf('.')).toLowerCase();
  const refused = new Set(files.filter(tooBig).map((f) => baseOf(f.name)));
  const rest: SourceFile[] = files.filter((f) => !isSide(f.name) || tooBig(f)).map((f) => ({ name: f.name, blob: f }));
  const wanted = files.filter((f) => isSide(f.name) && !refused.has(baseOf(f.name)));
  const side: InputFile[] = await Promise.all(wanted.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
  const bases = [...new Set(side.filter((f) => /\.shp$/i.test(f.name)).map((f) => f.name.slice(0, -4)))];
  for (const b of bases) {
    const parts = side.filter((f) => f.name.slice(0, f.name.lastIndexOf('.')).toLowerCase() === b.toLowerCase());
    rest.push({ name: `${b}.zip`, bytes: zipStore(parts) });
  }
  return rest;
}

/**
 * Modal import dialog. Props only (no store): the host commits the rows in
 * `onCommit` and must leave its data unchanged when that promise rejects.
 */
export function ImportDialog(props: ImportDialogProps) {
  const { lang, files, onClose, onCommit } = props;
  const tr = trOf(lang);
  const [inputs, setInputs] = useState<SourceFile[]>([]);
  const [fileIdx, setFileIdx] = useState(0);
  const [summary, setSummary] = useState<ParsedSummary | null>(null);
  const [layer, setLayer] = useState<LayerId>(props.layerDefault ?? 'kindergartens');
  const [sheet, setSheet] = useState(0);
  const [mode, setMode] = useState<ImportMode>(props.modeDefault ?? 'replace');
  const [mapping, setMapping] = useState<FieldMapping>({});
  const [defaults, setDefaults] = useState<Record<string, string>>({});
  const [autoKey, setAutoKey] = useState(false);
  const [crs, setCrs] = useState<CrsId | 'auto'>('auto');
  const [swap, setSwap] = useState<boolean | undefined>(undefined);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [rejectedCsv, setRejectedCsv] = useState<Uint8Array | undefined>(undefined);
  const [step, setStep] = useState<Step>(1);
  const [busy, setBusy] = useState<{ fraction: number; stage: Message } | null>(null);
  const [error, setError] = useState<Message | null>(null);
  const [done, setDone] = useState<Message | null>(null);
  const clientRef = useRef<ImportClient | null>(null);
  const input = inputs[fileIdx];

  useEffect(() => {
    let live = true;
    void toInputs(files).then((x) => live && setInputs(x));
    return () => {
      live = false;
    };
  }, [files]);

  useEffect(() => {
    if (!input) return;
    const client = new ImportClient();
    clientRef.current = client;
    setSummary(null);
    setResult(null);
    setStep(1);
    setError(null);
    setBusy({ fraction: 0, stage: m('import.stage.read') });
    void client.read(input, (fraction, stage) => setBusy({ fraction, stage })).then((o) => {
      setBusy(null);
      if (o.type === 'parsed') {
        setSummary(o.summary);
        setSheet(0);
      } else if (o.type === 'error') setError(o.message);
    });
    return () => client.dispose();
  }, [input]);

  const sh = summary?.sheets[sheet];
  const headers = useMemo(() => sh?.headers ?? [], [sh]);
  const hasGeometry = !!sh?.hasGeometry;

  const startMapping = (): void => {
    const remembered = typeof localStorage === 'undefined' ? null : recallMapping(localStorage, layer, headers);
    setMapping(remembered?.mapping ?? guessFieldMappingLoose(layer, headers));
    setDefaults(Object.fromEntries(Object.entries(remembered?.defaults ?? {}).map(([k, v]) => [k, v === null ? '' : String(v)])));
    setAutoKey(false);
    setStep(2);
  };

  const build = async (next: { crs?: CrsId | 'auto'; swap?: boolean | undefined } = {}): Promise<void> => {
    const client = clientRef.current;
    if (!client) return;
    const c = next.crs ?? crs;
    const s = 'swap' in next ? next.swap : swap;
    const options: WorkerBuildOptions = {
      sheet,
      mapping,
      defaults: Object.fromEntries(Object.entries(defaults).filter(([, v]) => v.trim() !== '')),
      autoKey,
      crs: c,
      swapXY: s,
      reference: props.referenceBbox || props.named?.length ? { bbox: props.referenceBbox as Bbox | undefined, named: props.named } : undefined,
      existingKeys: mode === 'append' ? props.existingKeys?.[layer] : undefined,
    };
    setError(null);
    setBusy({ fraction: 0, stage: m('import.ui.working') });
    const o = await client.build(layer, options, lang, (fraction, stage) => setBusy({ fraction, stage }));
    setBusy(null);
    if (o.type === 'result') {
      setResult(o.result);
      setRejectedCsv(o.rejectedCsv);
      const crsChoice = o.result.fatal && o.result.missingRequired.length === 0 && o.result.crsUsed === null && o.result.totalRows > 0;
      setStep(o.result.fatal && !crsChoice ? 4 : 3);
    } else if (o.type === 'error') setError(o.message);
  };

  const commit = async (): Promise<void> => {
    if (!result || result.rows.length === 0) return;
    setStep(5);
    setBusy({ fraction: 1, stage: m('import.ui.committing') });
    try {
      const fields = [...Object.keys(mapping), ...(hasGeometry ? ['lon', 'lat', 'geometry'] : [])];
      await onCommit(layer, result.rows, layer === 'communities' || mode !== 'update' ? mode : 'append', [...new Set(fields)], input?.name ?? '');
      if (typeof localStorage !== 'undefined') rememberMapping(localStorage, layer, headers, mapping, defaults);
      setDone(result.rejectedCount ? m('import.ui.loadedRejected', { loaded: result.rows.length, rejected: result.rejectedCount }) : m('import.ui.loaded', { loaded: result.rows.length }));
    } catch (e) {
      setError(m('import.ui.failed', { error: messageOfError(e) }));
    } finally {
      setBusy(null);
    }
  };

  const unresolved = unresolvedRequired(layer, mapping, defaults, hasGeometry, autoKey);
  const fatalFile = summary?.fatal;
  const steps = [tr('import.ui.step1'), tr('import.ui.step2'), tr('import.ui.step3'), tr('import.ui.step4'), tr('import.ui.step5')];

  return (
    <div className="imp-backdrop" role="dialog" aria-modal="true" aria-label={tr('import.ui.title')}>
      <div className="imp-dialog">
        <header className="imp-head">
          <h3>{tr('import.ui.title')}</h3>
          <ol className="imp-steps">
            {steps.map((s, i) => (
              <li key={s} className={i + 1 === step ? 'imp-current' : i + 1 < step ? 'imp-past' : ''}>
                {s}
              </li>
            ))}
          </ol>
        </header>
        {inputs.length > 1 && (
          <label className="imp-field">
            {tr('import.ui.file')}
            <select value={fileIdx} onChange={(e) => setFileIdx(Number(e.target.value))} disabled={!!busy}>
              {inputs.map((f, i) => (
                <option key={f.name} value={i}>
                  {f.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {busy && (
          <div className="imp-progress" role="status">
            <progress max={1} value={busy.fraction} />
            <span>{render(lang, busy.stage)}</span>
            {step !== 5 && (
              <button type="button" onClick={() => { clientRef.current?.cancel(); setBusy(null); }}>
                {tr('import.ui.cancelJob')}
              </button>
            )}
          </div>
        )}
        {error && <p className="imp-error-text">{render(lang, error)}</p>}
        <section className="imp-body">
          {step === 1 && summary && (
            <div className="imp-step1">
              <p className="imp-fileinfo">
                {tr('import.ui.fileInfo', { file: summary.fileName, format: summary.kind.toUpperCase() })}
                {summary.encoding ? tr('import.ui.encodingInfo', { encoding: encodingLabel(lang, summary.encoding) }) : ''}
                {sh ? tr('import.ui.rowCount', { count: sh.rowCount }) : ''}
              </p>
              {summary.issues.length > 0 && (
                <ul className="imp-file-issues">
                  {summary.issues.map((is, i) => (
                    <li key={i} className={is.severity === 'error' ? 'imp-error' : 'imp-warning'}>
                      {render(lang, is.message)}
                    </li>
                  ))}
                </ul>
              )}
              {!fatalFile && (
                <>
                  <label className="imp-field">
                    {tr('import.ui.layer')}
                    <select value={layer} onChange={(e) => setLayer(e.target.value as LayerId)}>
                      {LAYER_IDS.map((id) => (
                        <option key={id} value={id}>
                          {layerLabel(lang, id)}
                        </option>
                      ))}
                    </select>
                  </label>
                  {summary.sheets.length > 1 && (
                    <label className="imp-field">
                      {tr('import.ui.sheet')}
                      <select value={sheet} onChange={(e) => setSheet(Number(e.target.value))}>
                        {summary.sheets.map((s, i) => (
                          <option key={i} value={i}>
                            {tr('import.ui.sheetOption', { name: s.name, count: s.rowCount })}
                          </option>
                        ))}
                      </select>
                    </label>
                  )}
                  <fieldset className="imp-field">
                    <legend>{tr('import.ui.mode')}</legend>
                    <label>
                      <input type="radio" name="imp-mode" checked={mode === 'replace'} onChange={() => setMode('replace')} /> {tr('import.ui.replace')}
                    </label>
                    <label>
                      <input type="radio" name="imp-mode" checked={mode === 'append'} onChange={() => setMode('append')} /> {tr('import.ui.append')}
                    </label>
                    {layer === 'communities' ? (
                      <label>
                        <input type="radio" name="imp-mode" checked={mode === 'update'} onChange={() => setMode('update')} data-testid="imp-mode-update" /> {tr('import.ui.update')}
                      </label>
                    ) : null}
                  </fieldset>
                </>
              )}
            </div>
          )}
          {step === 2 && sh && (
            <MappingStep layer={layer} headers={headers} sample={sh.sample} hasGeometry={hasGeometry} mapping={mapping} defaults={defaults} autoKey={autoKey} lang={lang} tr={tr} onMapping={setMapping} onDefaults={setDefaults} onAutoKey={setAutoKey} />
          )}
          {step === 3 && result?.fatal && <p className="imp-error-text">{result.issues.filter((i) => i.severity === 'error').map((i) => render(lang, i.message)).join(tr('shell.semicolon'))}</p>}
          {step === 3 && result && (
            <CrsStep
              reference={props.reference}
              result={result}
              crs={crs}
              swap={swap}
              lang={lang}
              tr={tr}
              onCrs={(c) => { setCrs(c); void build({ crs: c }); }}
              onSwap={(v) => { setSwap(v); void build({ swap: v }); }}
            />
          )}
          {step === 4 && result && <IssuesStep result={result} lang={lang} tr={tr} />}
          {step === 5 && done && <p className="imp-ok">{tr('import.ui.doneWith', { detail: render(lang, done) })}</p>}
        </section>
        <footer className="imp-foot">
          {step > 1 && step < 5 && (
            <button type="button" disabled={!!busy} onClick={() => setStep((step - (step === 4 && result?.fatal ? 2 : 1)) as Step)}>
              {tr('import.ui.back')}
            </button>
          )}
          {step === 1 && (
            <button type="button" className="imp-primary" disabled={!summary || !!fatalFile || !!busy} onClick={startMapping}>
              {tr('import.ui.next')}
            </button>
          )}
          {step === 2 && (
            <button type="button" className="imp-primary" disabled={unresolved.length > 0 || !!busy} onClick={() => void build()}>
              {tr('import.ui.next')}
            </button>
          )}
          {step === 3 && (
            <button type="button" className="imp-primary" disabled={!!busy || !!result?.fatal || (!!result && needsCrsPick(result, crs))} onClick={() => setStep(4)}>
              {tr('import.ui.next')}
            </button>
          )}
          {step === 4 && result && (
            <>
              {result.rejectedCount > 0 && (
                <button type="button" onClick={() => downloadBytes(rejectedFileName(result.fileName, lang), rejectedCsv ?? exportRejectedCsv(result, lang), MIME.csv)}>
                  {tr('import.ui.downloadRejected')}
                </button>
              )}
              <button type="button" className="imp-primary" disabled={result.fatal || result.rows.length === 0 || !!busy} onClick={() => void commit()}>
                {result.rows.length === 0 ? tr('import.ui.nothingToImport') : result.errorCount > 0 ? tr('import.ui.importValid') : tr('import.ui.importAll')}
              </button>
            </>
          )}
          <button type="button" onClick={onClose} disabled={step === 5 && !!busy}>
            {step === 5 && !busy ? tr('close') : tr('shell.cancel')}
          </button>
        </footer>
      </div>
    </div>
  );
}
