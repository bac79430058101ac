/** The basemap chooser of the settings menu: none / sample / local PMTiles / 天地图 vector or imagery / OSM. */
import { useRef, useState } from 'react';
import { BASEMAP_KINDS, isOnline, type BasemapKind } from '../state/basemap-choice';
import { useApp } from '../state/store';
import { bs, kindLabel } from './basemap-strings';

export function BasemapChooser() {
  const lang = useApp((s) => s.lang);
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
      setError(bs('pmtilesFailed', lang) + (e instanceof Error ? e.message : String(e)));
    }
  };

  const tianditu = choice.kind === 'tianditu-vec' || choice.kind === 'tianditu-img';
  return (
    <fieldset className="basemap-chooser" data-testid="basemap-chooser" style={{ border: 'none', margin: 0, padding: 0, minWidth: 260 }}>
      <legend style={{ fontWeight: 600, marginBottom: 4 }}>{bs('basemap', lang)}</legend>
      {BASEMAP_KINDS.map((kind) => (
        <label key={kind} style={{ display: 'block', margin: '2px 0' }}>
          <input type="radio" name="basemap" value={kind} checked={choice.kind === kind} onChange={() => pick(kind)} data-testid={`basemap-${kind}`} />{' '}
          {kindLabel(kind, lang)}
          {kind === 'pmtiles' && choice.pmtiles ? (
            <>
              {' '}
              <small>{choice.pmtiles.key}</small>{' '}
              <button type="button" onClick={() => fileRef.current?.click()} style={{ fontSize: 11 }}>
                {bs('pmtilesAgain', lang)}
              </button>
            </>
          ) : null}
        </label>
      ))}
      <input ref={fileRef} type="file" accept=".pmtiles" hidden data-testid="basemap-pmtiles-file" onChange={(e) => void onFile(e.target.files?.[0])} />
      {error ? <div style={{ color: '#b42318', fontSize: 12 }}>{error}</div> : null}
      <div style={{ marginTop: 6, fontSize: 12 }}>
        <label>
          {bs('tiandituKey', lang)}{' '}
          <input type="text" value={key} onChange={(e) => setKey(e.target.value)} size={18} spellCheck={false} autoComplete="off" data-testid="basemap-tianditu-key" />
        </label>{' '}
        <button type="button" onClick={() => setBasemap({ ...choice, tiandituKey: key.trim() || undefined })} data-testid="basemap-tianditu-save">
          {bs('save', lang)}
        </button>
        <div style={{ color: '#667085' }}>{tianditu && !choice.tiandituKey ? bs('needKey', lang) : bs('keyHint', lang)}</div>
      </div>
      <div style={{ marginTop: 6, fontSize: 12, color: isOnline(choice.kind) ? '#b54708' : '#667085' }}>{bs('onlineNote', lang)}</div>
    </fieldset>
  );
}
