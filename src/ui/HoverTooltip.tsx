import { LAYERS } from '../data/schema';
import { useApp } from '../state/store';
import { TOOLTIP_FIELDS, featureLines, findRow } from './feature-fields';

/** Tooltip next to the pointer. Text from data is rendered as React text, so it is escaped. */
export function HoverTooltip() {
  const hovered = useApp((s) => s.hovered);
  const layers = useApp((s) => s.layers);
  const lang = useApp((s) => s.lang);
  if (!hovered) return null;
  const row = findRow(layers, hovered.layer, hovered.id);
  if (!row) return null;
  const wanted = TOOLTIP_FIELDS[hovered.layer];
  const lines = featureLines(hovered.layer, row, lang).filter((l) => wanted.includes(l.name));
  const [title, ...rest] = lines[0]?.name === 'name' ? lines : [{ name: '', label: '', value: lang === 'zh' ? LAYERS[hovered.layer].zh : LAYERS[hovered.layer].en }, ...lines];
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
