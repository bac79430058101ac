/**
 * Labels and plan-project symbols as MapLibre DOM markers: crisp CJK text from the
 * user's fonts, no glyph server, and no extra WebGL program to compile (a text layer
 * costs seconds of shader compilation on software-rendered machines).
 */
import { Marker, type Map as MapLibreMap } from 'maplibre-gl';

export interface MarkerSpec {
  key: string;
  lon: number;
  lat: number;
  /** plain text (set with textContent, never as HTML) */
  text: string;
  className: string;
  /** inline CSS custom properties, e.g. { '--c': 'rgb(...)' } */
  vars?: Record<string, string>;
  title?: string;
  onClick?: () => void;
  onEnter?: (x: number, y: number) => void;
  onLeave?: () => void;
}

/** Keeps one group of markers on the map in sync with a list of specs. */
export class MarkerGroup {
  private markers = new Map<string, Marker>();

  constructor(private readonly map: MapLibreMap) {}

  sync(specs: MarkerSpec[]): void {
    const next = new Set(specs.map((s) => s.key));
    for (const [k, m] of this.markers) {
      if (!next.has(k)) {
        m.remove();
        this.markers.delete(k);
      }
    }
    for (const s of specs) {
      this.markers.get(s.key)?.remove();
      const el = document.createElement('div');
      el.className = s.className;
      el.textContent = s.text;
      if (s.title) el.title = s.title;
      for (const [k, v] of Object.entries(s.vars ?? {})) el.style.setProperty(k, v);
      if (s.onClick) {
        el.addEventListener('click', (e) => {
          e.stopPropagation();
          s.onClick?.();
        });
      }
      if (s.onEnter) {
        el.addEventListener('mouseenter', () => {
          const p = this.map.project([s.lon, s.lat]);
          s.onEnter?.(p.x, p.y);
        });
      }
      if (s.onLeave) el.addEventListener('mouseleave', () => s.onLeave?.());
      const m = new Marker({ element: el }).setLngLat([s.lon, s.lat]).addTo(this.map);
      this.markers.set(s.key, m);
    }
  }

  clear(): void {
    this.sync([]);
  }
}
