import { LAYERS, layerLabel } from '../data/schema';
import { selectCurrentResult, selectViewLayers } from '../state/selectors';
import { useApp } from '../state/store';
import { AnalysisDetail } from './AnalysisDetail';
import { featureLines, findRow } from './feature-fields';
import { msg } from '../i18n';

/** All attributes of the selected feature. */
export function DetailPanel() {
  const selected = useApp((s) => s.selected);
  const layers = useApp(selectViewLayers);
  const lang = useApp((s) => s.lang);
  const select = useApp((s) => s.select);
  const result = useApp(selectCurrentResult);
  if (!selected) return <p className="hint">{msg(lang, 'clickHint')}</p>;
  const row = findRow(layers, selected.layer, selected.id);
  if (!row) return null;
  const def = LAYERS[selected.layer];
  return (
    <section className="panel detail" data-testid="detail-panel">
      <header>
        <h3>
          {msg(lang, 'shell.detail.heading', { layer: layerLabel(lang, def.id), name: String(row.name ?? row[def.key]) })}
        </h3>
        <button type="button" className="link" onClick={() => select(null)}>
          {msg(lang, 'close')}
        </button>
      </header>
      <table className="kv">
        <tbody>
          {featureLines(selected.layer, row, lang).map((l) => (
            <tr key={l.name}>
              <th>{l.label}</th>
              <td>{l.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {result ? <AnalysisDetail picked={selected} result={result} lang={lang} /> : null}
    </section>
  );
}
