/**
 * What the browser copy of the project is, in the title bar: 已保存 / 保存中 / 保存失败 (with
 * the reason and an export button) / 只读; and the banners under it: read-only (take over)
 * and saved copies that failed to load (download or discard).
 */
import { render } from '../i18n';
import { useState } from 'react';
import { downloadBytes, MIME } from '../data/export/download';
import { projectFileName } from '../data/project/project-file';
import { appStore, useApp } from '../state/store';

async function exportProjectFile(): Promise<void> {
  const st = appStore.getState();
  const file = projectFileName(st.meta?.name ?? '学位规划项目');
  const bytes = await st.runExport(st.projectExportJob(), { zh: `正在导出项目文件 ${file}`, en: `Exporting ${file}` });
  if (bytes !== null) downloadBytes(file, bytes, MIME.json);
}

export function SaveStatus() {
  const zh = useApp((s) => s.lang) === 'zh';
  const state = useApp((s) => s.saveState);
  const error = useApp((s) => s.saveError);
  const savedAt = useApp((s) => s.savedAt);
  const readOnly = useApp((s) => s.readOnly);
  const hasIdb = useApp((s) => s.idb !== null);
  if (!hasIdb) return null;
  const when = savedAt ? new Date(savedAt).toLocaleTimeString(zh ? 'zh-CN' : 'en', { hour: '2-digit', minute: '2-digit' }) : '';
  if (readOnly) {
    return (
      <span className="save-status readonly" data-testid="save-status" data-state="readonly" title={render(zh ? 'zh' : 'en', readOnly)}>
        {zh ? '只读' : 'Read-only'}
      </span>
    );
  }
  if (state === 'error') {
    return (
      <span className="save-status error" data-testid="save-status" data-state="error" role="alert" title={error ?? ''}>
        {zh ? '保存失败' : 'Save failed'}：{(error ?? '').split('（')[0]}
        <button type="button" onClick={() => void exportProjectFile()} data-testid="save-failed-export">
          {zh ? '导出' : 'Export'}
        </button>
        <button type="button" onClick={() => void appStore.getState().saveNow()}>
          {zh ? '重试' : 'Retry'}
        </button>
      </span>
    );
  }
  const label = state === 'pending' || state === 'saving' ? (zh ? '保存中…' : 'Saving…') : state === 'saved' ? `${zh ? '已保存' : 'Saved'} ${when}` : zh ? '自动保存' : 'Autosave';
  return (
    <span className="save-status" data-testid="save-status" data-state={state} title={zh ? '项目自动保存在本浏览器中' : 'Saved in this browser automatically'}>
      {label}
    </span>
  );
}

/** Banners: this tab is read-only; saved copies that failed to load. */
export function ProjectBanners() {
  const zh = useApp((s) => s.lang) === 'zh';
  const readOnly = useApp((s) => s.readOnly);
  const takeOver = useApp((s) => s.takeOver);
  const rescuedKeys = useApp((s) => s.rescuedKeys);
  const [busy, setBusy] = useState(false);
  if (!readOnly && rescuedKeys.length === 0) return null;
  return (
    <div className="banners">
      {readOnly ? (
        <div className="banner readonly" role="status" data-testid="readonly-banner">
          {render(zh ? 'zh' : 'en', readOnly)}
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
              {zh ? '在此页编辑（接管）' : 'Edit here (take over)'}
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
  const zh = useApp((s) => s.lang) === 'zh';
  const discard = useApp((s) => s.discardRescued);
  const rescuedText = useApp((s) => s.rescuedText);
  const [note, setNote] = useState<string | null>(null);
  const at = rescueKey.slice(rescueKey.indexOf(':') + 1);
  return (
    <div className="banner rescued" role="alert" data-testid="rescued-banner">
      {zh ? `浏览器中保存的项目无法载入，已另行保留（${new Date(at).toLocaleString('zh-CN')}）。` : `A saved project could not be loaded and was kept (${at}).`}
      {note}
      <button
        type="button"
        data-testid="download-rescued"
        onClick={async () => {
          const r = await rescuedText(rescueKey);
          if (!r) return setNote(zh ? '副本已不存在' : 'The copy is gone');
          downloadBytes(projectFileName(`${r.name}_已保存副本`), r.text, MIME.json);
          setNote(r.problems.length ? `（${r.problems.join('；')}）` : null);
        }}
      >
        {zh ? '下载已保存的副本' : 'Download the saved copy'}
      </button>
      <button
        type="button"
        data-testid="discard-rescued"
        onClick={() => {
          if (window.confirm(zh ? '丢弃后无法找回这份副本。确定丢弃？' : 'Discard this copy for good?')) void discard(rescueKey);
        }}
      >
        {zh ? '丢弃' : 'Discard'}
      </button>
    </div>
  );
}
