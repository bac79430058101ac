import { printDistrict } from './PrintSheet';
import { lazy, Suspense, useCallback, useMemo, useRef, useState } from 'react';
import { useDismiss } from './use-dismiss';
import { useApp } from '../state/store';
import { BasemapChooser } from './BasemapChooser';
import { DataMenu } from './DataMenu';
import { SaveStatus } from './SaveStatus';
import { msg } from '../i18n';

// the composer and its capture / chart code load on first use
const PrintComposer = lazy(() => import('./present/PrintComposer').then((m) => ({ default: m.PrintComposer })));

export function TitleBar({ onImportFiles }: { onImportFiles: (files: File[]) => void }) {
  const lang = useApp((s) => s.lang);
  const setLang = useApp((s) => s.setLang);
  const meta = useApp((s) => s.meta);
  const openPresent = useApp((s) => s.openPresent);
  const [open, setOpen] = useState(false);
  const [composer, setComposer] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  const refs = useMemo(() => [buttonRef, panelRef], []);
  useDismiss(open, close, refs);
  const isSample = Boolean(meta?.generated?.length);
  return (
    <header className="titlebar">
      <h1>
        {msg(lang, 'appTitle')}
        <span className="district" data-testid="district-name">
          {meta?.name ?? ''}
        </span>
        <span className="period">{msg(lang, 'planPeriod')}</span>
      </h1>
      {isSample ? (
        <span className="badge" title={lang === 'zh' ? meta?.note_zh : meta?.note_en} data-testid="sample-badge">
          {msg(lang, 'sampleBadge')}
        </span>
      ) : null}
      <SaveStatus />
      <div className="spacer" />
      <button type="button" className="present-open" onClick={() => openPresent(0)} data-testid="present-open" title={msg(lang, 'shell.presentTitle')}>
        {msg(lang, 'shell.present')}
      </button>
      <button type="button" onClick={() => void printDistrict()} data-testid="print">
        {msg(lang, 'shell.print')}
      </button>
      <button type="button" onClick={() => setComposer(true)} data-testid="print-compose">
        {msg(lang, 'print.open')}
      </button>
      {composer ? (
        <Suspense fallback={null}>
          <PrintComposer onClose={() => setComposer(false)} />
        </Suspense>
      ) : null}
      <DataMenu onImportFiles={onImportFiles} />
      <button type="button" ref={buttonRef} onClick={() => setOpen(!open)} data-testid="settings-button">
        {msg(lang, 'settings')}
      </button>
      <button type="button" onClick={() => setLang(lang === 'en' ? 'zh' : 'en')} data-testid="lang-switch">
        {msg(lang, 'language')}
      </button>
      {open ? (
        <div className="settings" role="dialog" ref={panelRef}>
          <BasemapChooser />
        </div>
      ) : null}
    </header>
  );
}
