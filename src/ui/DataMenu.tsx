import { useCallback, useMemo, useRef, useState } from 'react';
import { useDismiss } from './use-dismiss';
import { downloadBytes, MIME } from '../data/export/download';
import type { ExportFormat } from '../data/export/export-job';
import { projectFileName } from '../data/project/project-file';
import { LAYER_IDS, layerLabel, type LayerId } from '../data/schema';
import { fetchSample } from '../state/load-sample';
import { appStore, useApp } from '../state/store';
import { SqlConsole } from './SqlConsole';
import { exportLabel } from './ExportStatus';
import { LOCALE } from './format';
import { useT } from './use-t';
import { m } from '../i18n';

export const IMPORT_ACCEPT = '.csv,.txt,.tsv,.xlsx,.xls,.geojson,.json,.zip,.kml,.shp,.dbf,.prj,.cpg,.shx';

/** Data menu: import files, export a layer (CSV/Excel/GeoJSON), project file save/open, back to the sample. */
export function DataMenu({ onImportFiles }: { onImportFiles: (files: File[]) => void }) {
  const lang = useApp((s) => s.lang);
  const layers = useApp((s) => s.layers);
  const savedAt = useApp((s) => s.savedAt);
  const tr = useT();
  const [open, setOpen] = useState(false);
  const [sqlOpen, setSqlOpen] = useState(false);
  const closeSql = useCallback(() => setSqlOpen(false), []);
  const [layer, setLayer] = useState<LayerId>('kindergartens');
  const importInput = useRef<HTMLInputElement>(null);
  const projectInput = useRef<HTMLInputElement>(null);
  const networkInput = useRef<HTMLInputElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  const refs = useMemo(() => [menuRef], []);
  useDismiss(open, close, refs);
  const base = `${appStore.getState().meta?.name ?? tr('shell.data.defaultName')}_${layerLabel(lang, layer)}`;
  // exports run as jobs (a worker for large layers) with a status line and a cancel: see ExportStatus
  const exportLayer = async (format: ExportFormat, mime: string): Promise<void> => {
    const st = appStore.getState();
    const file = `${base}.${format}`;
    const bytes = await st.runExport(st.layerExportJob(layer, format), exportLabel('shell.export.running', file));
    if (bytes !== null) downloadBytes(file, bytes, mime);
  };
  return (
    <div className="menu" ref={menuRef}>
      <button type="button" onClick={() => setOpen(!open)} data-testid="data-menu">
        {tr('shell.data.menu')} ▾
      </button>
      {open ? (
        <div className="menu-panel" role="menu">
          <button type="button" onClick={() => importInput.current?.click()} data-testid="import-button">
            {tr('shell.data.import')}
          </button>
          <input
            ref={importInput}
            type="file"
            multiple
            accept={IMPORT_ACCEPT}
            hidden
            data-testid="import-input"
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              if (files.length > 0) {
                setOpen(false);
                onImportFiles(files);
              }
            }}
          />
          <button type="button" onClick={() => networkInput.current?.click()} data-testid="menu-walk-network">
            {tr('shell.data.importNetwork')}
          </button>
          <input
            ref={networkInput}
            type="file"
            accept=".geojson,.json,.zip,.shp"
            hidden
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) {
                setOpen(false);
                void appStore.getState().importWalkNetwork(f);
              }
            }}
          />
          <div className="menu-row">
            <span>{tr('shell.data.exportLayer')}</span>
            <select value={layer} onChange={(e) => setLayer(e.target.value as LayerId)} data-testid="export-layer">
              {LAYER_IDS.map((id) => (
                <option key={id} value={id}>
                  {tr('shell.data.layerOption', { layer: layerLabel(lang, id), count: layers[id].length })}
                </option>
              ))}
            </select>
          </div>
          <div className="menu-row">
            <button type="button" data-testid="export-csv" onClick={() => void exportLayer('csv', MIME.csv)}>
              CSV
            </button>
            <button type="button" data-testid="export-xlsx" onClick={() => void exportLayer('xlsx', MIME.xlsx)}>
              Excel
            </button>
            <button type="button" data-testid="export-geojson" onClick={() => void exportLayer('geojson', MIME.geojson)}>
              GeoJSON
            </button>
          </div>
          <button
            type="button"
            data-testid="sql-console-open"
            onClick={() => {
              setOpen(false);
              setSqlOpen(true);
            }}
          >
            {tr('shell.data.sql')}
          </button>
          <hr />
          <button
            type="button"
            data-testid="export-project"
            onClick={async () => {
              const st = appStore.getState();
              const file = projectFileName(st.meta?.name ?? tr('shell.data.defaultProjectName'));
              const bytes = await st.runExport(st.projectExportJob(), exportLabel('shell.export.project', file));
              if (bytes !== null) downloadBytes(file, bytes, MIME.json);
            }}
          >
            {tr('shell.data.exportProject')}
          </button>
          <button type="button" onClick={() => projectInput.current?.click()}>
            {tr('shell.data.openProject')}
          </button>
          <input
            ref={projectInput}
            type="file"
            accept=".json"
            hidden
            data-testid="project-input"
            onChange={async (e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) {
                setOpen(false);
                const st = appStore.getState();
                const hasData = LAYER_IDS.some((id) => st.layers[id].length > 0);
                // replacing the current project asks first (it stays in the browser until the new one is saved)
                if (hasData && !window.confirm(tr('shell.data.confirmOpen', { file: f.name, name: st.meta?.name ?? tr('shell.data.untitled') }))) return;
                await st.openProjectText(await f.text(), f.name);
              }
            }}
          />
          <button
            type="button"
            onClick={async () => {
              if (!window.confirm(tr('shell.data.confirmSample'))) return;
              setOpen(false);
              const st = appStore.getState();
              await st.setDataset(await fetchSample());
              st.setProjectMessage(m('shell.data.sampleRestored'));
            }}
          >
            {tr('shell.data.restoreSample')}
          </button>
          <div className="menu-note">
            {savedAt ? tr('shell.data.savedAt', { time: new Date(savedAt).toLocaleString(LOCALE[lang]) }) : tr('shell.data.autosaveNote')}
          </div>
        </div>
      ) : null}
      {sqlOpen ? <SqlConsole onClose={closeSql} /> : null}
    </div>
  );
}
