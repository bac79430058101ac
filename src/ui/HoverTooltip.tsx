import { layerLabel } from '../data/schema';
import { selectViewLayers } from '../state/selectors';
import { useApp } from '../state/store';
import type { HoveredBin } from '../state/ui-slice';
import { TOOLTIP_FIELDS, featureLines, findRow } from './feature-fields';
import { formatInt } from './format';
import { msg, type Lang } from '../i18n';

/** Totals of a summed square (a very large population layer is drawn in squares). */
function BinTooltip({ x, y, bin, lang }: { x: number; y: number; bin: HoveredBin; lang: Lang }) {
  const lines: [string, string][] = [
    [msg(lang, 'shell.bin.rows'), formatInt(bin.rows)],
    [msg(lang, 'residents'), formatInt(bin.residents)],
    [msg(lang, 'shell.childrenAged35'), formatInt(bin.children)],
  ];
  if (bin.uncovered !== null) lines.push([msg(lang, 'shell.bin.uncovered'), formatInt(bin.uncovered)]);
  return (
    <div className="tooltip" data-testid="tooltip" style={{ left: x + 14, top: y + 14 }}>
      <div className="tooltip-title">{msg(lang, 'shell.bin.title', { size: bin.binM })}</div>
      {lines.map(([k, v]) => (
        <div key={k} className="tooltip-row">
          <span>{k}</span>
          <b>{v}</b>
        </div>
      ))}
    </div>
  );
}

/** Tooltip next to the pointer. Text from data is rendered as React text, so it is escaped. */
export function HoverTooltip() {
  const hovered = useApp((s) => s.hovered);
  const layers = useApp(selectViewLayers);
  const lang = useApp((s) => s.lang);
  if (!hovered) return null;
  if (hovered.bin) return <BinTooltip x={hovered.x} y={hovered.y} bin={hovered.bin} lang={lang} />;
  const row = findRow(layers, hovered.layer, hovered.id);
  if (!row) return null;
  const wanted = TOOLTIP_FIELDS[hovered.layer];
  const lines = featureLines(hovered.layer, row, lang).filter((l) => wanted.includes(l.name));
  const [title, ...rest] = lines[0]?.name === 'name' ? lines : [{ name: '', label: '', value: layerLabel(lang, hovered.layer) }, ...lines];
  return (
    <div className="tooltip" data-testid="tooltip" style={{ left: hovered.x + 14, top: hovered.y + 14 }}>
      <div className="tooltip-title">{title.value}</div>
      {rest.map((l) => (
        <div key={l.name} className="tooltip-row">
          <span>{l.label}</span>
          <b>{l.value}</b>
        </div>
      ))}
    </div>
  );
}
