import { msg, type MessageKey } from '../i18n';
import { useApp } from '../state/store';
import { useT } from './use-t';

/** The status-line label of an export in both languages (the store keeps both). */
export const exportLabel = (key: MessageKey, file: string): { zh: string; en: string } => ({ zh: msg('zh', key, { file }), en: msg('en', key, { file }) });

/** While an export runs: what is being written, and a cancel. The page stays usable meanwhile. */
export function ExportStatus() {
  const exporting = useApp((s) => s.exporting);
  const cancel = useApp((s) => s.cancelExport);
  const zh = useApp((s) => s.lang) === 'zh';
  const tr = useT();
  if (!exporting) return null;
  return (
    <div className="toast export-status" role="status" data-testid="export-status">
      <span className="spinner" aria-hidden="true" />
      {zh ? exporting.labelZh : exporting.labelEn}…
      <button type="button" className="link" onClick={cancel}>
        {tr('shell.cancel')}
      </button>
    </div>
  );
}
