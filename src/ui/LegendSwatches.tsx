import type { MapLayerKey } from '../state/ui-slice';
import { legendItems } from './present/export/map-figure';

/** The legend of the visible layers as HTML swatches (汇报 map, printed page); the exported figures draw the same items. */
export function LegendSwatches({ visible, lang, className, testId }: { visible: Record<MapLayerKey, boolean>; lang: 'zh' | 'en'; className: string; testId?: string }) {
  return (
    <div className={className} data-testid={testId}>
      {legendItems(visible, lang).map((it) => (
        <span key={it.label}>
          <i style={{ background: it.fill ?? 'transparent', border: it.stroke ? `2px ${it.dashed ? 'dashed' : 'solid'} ${it.stroke}` : 'none' }} />
          {it.label}
        </span>
      ))}
    </div>
  );
}
