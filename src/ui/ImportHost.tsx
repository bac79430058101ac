import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { bboxOfRings } from '../map/basemap';
import { ringsOf } from '../map/geometry';
import { LAYER_IDS, LAYERS, layerKey, type Community, type LayerId, type LayerRows } from '../data/schema';
import { m, msg } from '../i18n';
import { MessageError } from '../i18n/message-error';

const NO_FILES: File[] = [];
import { appStore, useApp } from '../state/store';
import { LedgerImportReview, type LedgerImportPreview } from './ledger/LedgerImportReview';
// the importer (SheetJS, shapefile, KML, proj4) loads on first use, not at start-up
const ImportDialog = lazy(() => import('./import/ImportDialog').then((m) => ({ default: m.ImportDialog })));

/** Opens the import dialog for files from the Data menu or dropped anywhere on the app. */
export function ImportHost() {
  const lang = useApp((s) => s.lang);
  const request = useApp((s) => s.importRequest);
  const files = request?.files ?? NO_FILES;
  const onDone = () => appStore.getState().requestImport(null);
  const [review, setReview] = useState<{ preview: LedgerImportPreview; resolve: (a: { note: string; addUnknown: boolean } | null) => void } | null>(null);
  const district = useApp((s) => s.district);
  const layers = useApp((s) => s.layers);
  const referenceBbox = useMemo(() => {
    const rings = district ? district.features.flatMap((f) => ringsOf(JSON.stringify(f.geometry))) : [];
    return bboxOfRings(rings) ?? undefined;
  }, [district]);
  const existingKeys = useMemo(() => {
    const out = {} as Record<LayerId, string[]>;
    for (const id of LAYER_IDS) out[id] = (layers[id] as unknown as Record<string, unknown>[]).map((r) => String(r[LAYERS[id].key]));
    return out;
  }, [layers]);
  const named = useMemo(
    () => [...layers.kindergartens, ...layers.communities].filter((r) => r.name).slice(0, 20000).map((r) => ({ name: r.name, lon: r.lon, lat: r.lat })),
    [layers.kindergartens, layers.communities],
  );
  const reference = useMemo(() => {
    const rings = [
      ...(district ? district.features.flatMap((f) => ringsOf(JSON.stringify(f.geometry))) : []),
      ...layers.admin_units.flatMap((a) => ringsOf(a.geometry)),
    ];
    const labels = layers.admin_units.map((a) => ({ lon: a.lon, lat: a.lat, text: a.name }));
    return { rings, labels };
  }, [district, layers.admin_units]);
  const reviewModal = review ? <LedgerImportReview lang={lang} preview={review.preview} onDone={review.resolve} /> : null;
  if (files.length === 0) return reviewModal;
  return (
    <>
    {reviewModal}
    <Suspense fallback={<div className="status">{msg(lang, 'import.ui.loading')}</div>}>
    <ImportDialog
      files={files}
      lang={lang}
      referenceBbox={referenceBbox}
      named={named}
      reference={reference}
      existingKeys={existingKeys}
      layerDefault={request?.layer}
      modeDefault={request?.mode}
      onClose={onDone}
      onCommit={async (layer, rows, mode, fields, fileName) => {
        const st = appStore.getState();
        if (mode === 'update' && layer === 'communities') {
          const rs = rows as LayerRows['communities'];
          const fs = fields as (keyof Community & string)[];
          // the workflow's refusals and unknown 编号 are shown before anything changes
          const dry = await st.importLedgerRows(rs, fs, fileName, { dryRun: true });
          let answer: { note: string; addUnknown: boolean } | null = { note: '', addUnknown: false };
          if (dry.refused.length > 0 || dry.unknownIds.length > 0) {
            answer = await new Promise((resolve) => setReview({ preview: { fileName, changed: dry.changed, refused: dry.refused, unknownIds: dry.unknownIds }, resolve }));
            setReview(null);
            if (!answer) throw new MessageError(m('import.ui.ledgerCancelled'));
          }
          const r = await st.importLedgerRows(rs, fs, fileName, answer);
          const skipped = r.refused.length + (answer.addUnknown ? 0 : r.unknownIds.length);
          const counts = { changed: r.changed, added: r.added, skipped, refused: r.refused.length, unknown: answer.addUnknown ? 0 : r.unknownIds.length };
          st.setProjectMessage(m(skipped ? 'import.ui.ledgerUpdatedSkipped' : 'import.ui.ledgerUpdated', counts));
          return;
        }
        await st.importLayer(layer, rows, mode === 'update' ? 'append' : mode);
        st.setProjectMessage(m('import.ui.imported', { count: rows.length, layer: m(layerKey(layer)) }));
      }}
    />
    </Suspense>
    </>
  );
}

/** Files dropped on the window. */
export function useDroppedFiles(onFiles: (files: File[]) => void): boolean {
  const [over, setOver] = useState(false);
  useEffect(() => {
    const onOver = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) {
        e.preventDefault();
        setOver(true);
      }
    };
    const onLeave = (e: DragEvent) => {
      if (e.relatedTarget === null) setOver(false);
    };
    const onDrop = (e: DragEvent) => {
      e.preventDefault();
      setOver(false);
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length > 0) onFiles(files);
    };
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [onFiles]);
  return over;
}
