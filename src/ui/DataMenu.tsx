import { useCallback, useMemo, useRef, useState } from 'react';
import { useDismiss } from './use-dismiss';
import { downloadBytes, MIME } from '../data/export/download';
import type { ExportFormat } from '../data/export/export-job';
import { projectFileName } from '../data/project/project-file';
import { LAYER_IDS, layerLabel, type LayerId } from '../data/schema';
import { fetchSample } from '../state/load-sample';
import { appStore, useApp } from '../state/store';
import { SqlConsole } from './SqlConsole';

export const IMPORT_ACCEPT = '.csv,.txt,.tsv,.xlsx,.xls,.geojson,.json,.zip,.kml,.shp,.dbf,.prj,.cpg,.shx';

/** Data menu: import files, export a layer (CSV/Excel/GeoJSON), project file save/open, back to the sample. */
export function DataMenu({ onImportFiles }: { onImportFiles: (files: File[]) => void }) {
  const lang = useApp((s) => s.lang);
  const layers = useApp((s) => s.layers);
  const savedAt = useApp((s) => s.savedAt);
  const zh = lang === 'zh';
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
  const base = `${appStore.getState().meta?.name ?? '学位规划'}_${zh ? layerLabel('zh', layer) : layer}`;
  // exports run as jobs (a worker for large layers) with a status line and a cancel: see ExportStatus
  const exportLayer = async (format: ExportFormat, mime: string): Promise<void> => {
    const st = appStore.getState();
    const file = `${base}.${format}`;
    const bytes = await st.runExport(st.layerExportJob(layer, format), { zh: `正在导出 ${file}`, en: `Exporting ${file}` });
    if (bytes !== null) downloadBytes(file, bytes, mime);
  };
  return (
    <div className="menu" ref={menuRef}>
      <button type="button" onClick={() => setOpen(!open)} data-testid="data-menu">
        {zh ? '数据' : 'Data'} ▾
      </button>
      {open ? (
        <div className="menu-panel" role="menu">
          <button type="button" onClick={() => importInput.current?.click()} data-testid="import-button">
            {zh ? '导入数据文件…（CSV / Excel / GeoJSON / Shapefile / KML）' : 'Import files… (CSV / Excel / GeoJSON / Shapefile / KML)'}
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
            {zh ? '导入步行路网…（GeoJSON / Shapefile，用于步行距离）' : 'Import walking network… (GeoJSON / Shapefile)'}
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
            <span>{zh ? '导出图层' : 'Export layer'}</span>
            <select value={layer} onChange={(e) => setLayer(e.target.value as LayerId)} data-testid="export-layer">
              {LAYER_IDS.map((id) => (
                <option key={id} value={id}>
                  {layerLabel(lang, id)}（{layers[id].length}）
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
            {zh ? 'SQL 查询…' : 'SQL query…'}
          </button>
          <hr />
          <button
            type="button"
            data-testid="export-project"
            onClick={async () => {
              const st = appStore.getState();
              const file = projectFileName(st.meta?.name ?? '学位规划项目');
              const bytes = await st.runExport(st.projectExportJob(), { zh: `正在导出项目文件 ${file}`, en: `Exporting ${file}` });
              if (bytes !== null) downloadBytes(file, bytes, MIME.json);
            }}
          >
            {zh ? '导出项目文件（.xwgh.json）' : 'Export project file'}
          </button>
          <button type="button" onClick={() => projectInput.current?.click()}>
            {zh ? '打开项目文件…' : 'Open project file…'}
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
                if (hasData && !window.confirm(zh ? `打开“${f.name}”将替换当前项目（${st.meta?.name ?? '未命名'}）。继续？` : `Opening “${f.name}” replaces the current project. Continue?`)) return;
                await st.openProjectText(await f.text(), f.name);
              }
            }}
          />
          <button
            type="button"
            onClick={async () => {
              if (!window.confirm(zh ? '恢复示例数据将替换当前所有图层（可先导出项目文件备份）。继续？' : 'Replace all layers with the sample data?')) return;
              setOpen(false);
              const st = appStore.getState();
              await st.setDataset(await fetchSample());
              st.setProjectMessage(zh ? '已恢复示例数据' : 'Sample data restored');
            }}
          >
            {zh ? '恢复示例数据' : 'Back to the sample data'}
          </button>
          <div className="menu-note">
            {savedAt
              ? `${zh ? '已自动保存在本浏览器：' : 'Saved in this browser: '}${new Date(savedAt).toLocaleString(zh ? 'zh-CN' : 'en')}`
              : zh
                ? '修改会自动保存在本浏览器中'
                : 'Changes are saved in this browser automatically'}
          </div>
        </div>
      ) : null}
      {sqlOpen ? <SqlConsole onClose={closeSql} /> : null}
    </div>
  );
}
