/** The basemap chooser of the settings menu: none / sample / local PMTiles / 天地图 vector or imagery / OSM. */
import { useRef, useState } from 'react';
import { BASEMAP_KINDS, isOnline, type BasemapKind } from '../state/basemap-choice';
import { useApp } from '../state/store';
import type { MessageKey } from '../i18n';
import { useT } from './use-t';

const KIND_LABELS: Record<BasemapKind, MessageKey> = {
  none: 'basemap.kind.none',
  sample: 'basemap.kind.sample',
  pmtiles: 'basemap.kind.pmtiles',
  'tianditu-vec': 'basemap.kind.tiandituVec',
  'tianditu-img': 'basemap.kind.tiandituImg',
  osm: 'basemap.kind.osm',
};

export function BasemapChooser() {
  const tr = useT();
  const choice = useApp((s) => s.basemap);
  const setBasemap = useApp((s) => s.setBasemap);
  const [key, setKey] = useState(choice.tiandituKey ?? '');
  const [error, setError] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  const pick = (kind: BasemapKind): void => {
    setError(null);
    // a PMTiles file must be picked again after a reload: the browser does not keep it
    if (kind === 'pmtiles' && !choice.pmtiles) {
      fileRef.current?.click();
      return;
    }
    setBasemap({ ...choice, kind });
  };

  const onFile = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    try {
      // loaded on demand: the pmtiles reader is only needed for this choice
      const { openPmtilesFile } = await import('../map/pmtiles-file');
      const info = await openPmtilesFile(file);
      setBasemap({ ...choice, kind: 'pmtiles', pmtiles: info });
      setError(null);
    } catch (e) {
      setError(tr('basemap.pmtilesFailed', { error: e instanceof Error ? e.message : String(e) }));
    }
  };

  const tianditu = choice.kind === 'tianditu-vec' || choice.kind === 'tianditu-img';
  return (
    <fieldset className="basemap-chooser" data-testid="basemap-chooser" style={{ border: 'none', margin: 0, padding: 0, minWidth: 260 }}>
      <legend style={{ fontWeight: 600, marginBottom: 4 }}>{tr('basemap.title')}</legend>
      {BASEMAP_KINDS.map((kind) => (
        <label key={kind} style={{ display: 'block', margin: '2px 0' }}>
          <input type="radio" name="basemap" value={kind} checked={choice.kind === kind} onChange={() => pick(kind)} data-testid={`basemap-${kind}`} />{' '}
          {tr(KIND_LABELS[kind])}
          {kind === 'pmtiles' && choice.pmtiles ? (
            <>
              {' '}
              <small>{choice.pmtiles.key}</small>{' '}
              <button type="button" onClick={() => fileRef.current?.click()} style={{ fontSize: 11 }}>
                {tr('basemap.pmtilesAgain')}
              </button>
            </>
          ) : null}
        </label>
      ))}
      <input ref={fileRef} type="file" accept=".pmtiles" hidden data-testid="basemap-pmtiles-file" onChange={(e) => void onFile(e.target.files?.[0])} />
      {error ? <div style={{ color: '#b42318', fontSize: 12 }}>{error}</div> : null}
      <div style={{ marginTop: 6, fontSize: 12 }}>
        <label>
          {tr('basemap.tiandituKey')}{' '}
          <input type="text" value={key} onChange={(e) => setKey(e.target.value)} size={18} spellCheck={false} autoComplete="off" data-testid="basemap-tianditu-key" />
        </label>{' '}
        <button type="button" onClick={() => setBasemap({ ...choice, tiandituKey: key.trim() || undefined })} data-testid="basemap-tianditu-save">
          {tr('basemap.save')}
        </button>
        <div style={{ color: '#667085' }}>{tianditu && !choice.tiandituKey ? tr('basemap.needKey') : tr('basemap.keyHint')}</div>
      </div>
      <div style={{ marginTop: 6, fontSize: 12, color: isOnline(choice.kind) ? '#b54708' : '#667085' }}>{tr('basemap.onlineNote')}</div>
    </fieldset>
  );
}
