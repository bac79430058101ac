/**
 * What the browser copy of the project is, in the title bar: 已保存 / 保存中 / 保存失败 (with
 * the reason and an export button) / 只读; and the banners under it: read-only (take over)
 * and saved copies that failed to load (download or discard).
 */
import { render } from '../i18n';
import { useState } from 'react';
import { downloadBytes, MIME } from '../data/export/download';
import { projectFileName } from '../data/project/project-file';
import { msg } from '../i18n';
import { appStore, useApp } from '../state/store';
import { exportLabel } from './ExportStatus';
import { LOCALE } from './format';
import { useT } from './use-t';

async function exportProjectFile(): Promise<void> {
  const st = appStore.getState();
  const file = projectFileName(st.meta?.name ?? msg(st.lang, 'shell.data.defaultProjectName'));
  const bytes = await st.runExport(st.projectExportJob(), exportLabel('shell.export.project', file));
  if (bytes !== null) downloadBytes(file, bytes, MIME.json);
}

export function SaveStatus() {
  const lang = useApp((s) => s.lang);
  const tr = useT();
  const state = useApp((s) => s.saveState);
  const error = useApp((s) => s.saveError);
  const savedAt = useApp((s) => s.savedAt);
  const readOnly = useApp((s) => s.readOnly);
  const hasIdb = useApp((s) => s.idb !== null);
  if (!hasIdb) return null;
  const when = savedAt ? new Date(savedAt).toLocaleTimeString(LOCALE[lang], { hour: '2-digit', minute: '2-digit' }) : '';
  if (readOnly) {
    return (
      <span className="save-status readonly" data-testid="save-status" data-state="readonly" title={render(lang, readOnly)}>
        {tr('shell.save.readOnly')}
      </span>
    );
  }
  if (state === 'error') {
    return (
      <span className="save-status error" data-testid="save-status" data-state="error" role="alert" title={error ?? ''}>
        {tr('shell.save.failed', { reason: (error ?? '').split('（')[0] })}
        <button type="button" onClick={() => void exportProjectFile()} data-testid="save-failed-export">
          {tr('shell.save.export')}
        </button>
        <button type="button" onClick={() => void appStore.getState().saveNow()}>
          {tr('shell.retry')}
        </button>
      </span>
    );
  }
  const label = state === 'pending' || state === 'saving' ? tr('shell.save.saving') : state === 'saved' ? tr('shell.save.saved', { time: when }) : tr('shell.save.autosave');
  return (
    <span className="save-status" data-testid="save-status" data-state={state} title={tr('shell.save.title')}>
      {label}
    </span>
  );
}

/** Banners: this tab is read-only; saved copies that failed to load. */
export function ProjectBanners() {
  const tr = useT();
  const lang = useApp((s) => s.lang);
  const readOnly = useApp((s) => s.readOnly);
  const takeOver = useApp((s) => s.takeOver);
  const rescuedKeys = useApp((s) => s.rescuedKeys);
  const [busy, setBusy] = useState(false);
  if (!readOnly && rescuedKeys.length === 0) return null;
  return (
    <div className="banners">
      {readOnly ? (
        <div className="banner readonly" role="status" data-testid="readonly-banner">
          {render(lang, readOnly)}
          {takeOver ? (
            <button
              type="button"
              disabled={busy}
              data-testid="take-over"
              onClick={async () => {
                setBusy(true);
                try {
                  await takeOver();
                } finally {
                  setBusy(false);
                }
              }}
            >
              {tr('shell.save.takeOver')}
            </button>
          ) : null}
        </div>
      ) : null}
      {rescuedKeys.map((key) => (
        <RescuedBanner key={key} rescueKey={key} />
      ))}
    </div>
  );
}

function RescuedBanner({ rescueKey }: { rescueKey: string }) {
  const lang = useApp((s) => s.lang);
  const tr = useT();
  const discard = useApp((s) => s.discardRescued);
  const rescuedText = useApp((s) => s.rescuedText);
  const [note, setNote] = useState<string | null>(null);
  const at = rescueKey.slice(rescueKey.indexOf(':') + 1);
  return (
    <div className="banner rescued" role="alert" data-testid="rescued-banner">
      {tr('shell.save.rescued', { time: new Date(at).toLocaleString(LOCALE[lang]) })}
      {note}
      <button
        type="button"
        data-testid="download-rescued"
        onClick={async () => {
          const r = await rescuedText(rescueKey);
          if (!r) return setNote(tr('shell.save.copyGone'));
          downloadBytes(projectFileName(tr('shell.save.copyFileName', { name: r.name })), r.text, MIME.json);
          setNote(r.problems.length ? tr('shell.save.problems', { problems: r.problems.join(tr('shell.semicolon')) }) : null);
        }}
      >
        {tr('shell.save.download')}
      </button>
      <button
        type="button"
        data-testid="discard-rescued"
        onClick={() => {
          if (window.confirm(tr('shell.save.confirmDiscard'))) void discard(rescueKey);
        }}
      >
        {tr('shell.save.discard')}
      </button>
    </div>
  );
}
