import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { bboxOfRings } from '../map/basemap';
import { ringsOf } from '../map/geometry';
import { LAYER_IDS, LAYERS, type Community, type LayerId, type LayerRows } from '../data/schema';

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
    <Suspense fallback={<div className="status">{lang === 'zh' ? '正在加载导入模块…' : 'Loading the importer…'}</div>}>
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
            if (!answer) throw new Error(lang === 'zh' ? '已取消，台账未改变' : 'Cancelled; the ledger is unchanged');
          }
          const r = await st.importLedgerRows(rs, fs, fileName, answer);
          const skipped = r.refused.length + (answer.addUnknown ? 0 : r.unknownIds.length);
          st.setProjectMessage(
            lang === 'zh'
              ? `已按小区编号更新台账：${r.changed} 个小区有变更，新增 ${r.added} 个，均已记入变更记录${skipped ? `；${skipped} 行未导入（${r.refused.length} 行不符合变更规则，${answer.addUnknown ? 0 : r.unknownIds.length} 个编号不在台账中）` : ''}`
              : `Ledger updated: ${r.changed} changed, ${r.added} added (recorded in the history)${skipped ? `; ${skipped} rows not imported` : ''}`,
          );
          return;
        }
        await st.importLayer(layer, rows, mode === 'update' ? 'append' : mode);
        st.setProjectMessage(lang === 'zh' ? `已导入 ${rows.length} 条${LAYERS[layer].zh}数据` : `Imported ${rows.length} rows`);
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
