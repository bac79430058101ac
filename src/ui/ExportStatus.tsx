import { useApp } from '../state/store';

/** While an export runs: what is being written, and a cancel. The page stays usable meanwhile. */
export function ExportStatus() {
  const exporting = useApp((s) => s.exporting);
  const cancel = useApp((s) => s.cancelExport);
  const zh = useApp((s) => s.lang) === 'zh';
  if (!exporting) return null;
  return (
    <div className="toast export-status" role="status" data-testid="export-status">
      <span className="spinner" aria-hidden="true" />
      {zh ? exporting.labelZh : exporting.labelEn}…
      <button type="button" className="link" onClick={cancel}>
        {zh ? '取消' : 'Cancel'}
      </button>
    </div>
  );
}
