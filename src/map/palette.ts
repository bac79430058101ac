/**
 * Colours with fixed meanings, shared by map, legend and charts:
 * red = shortfall / overdue / below threshold, amber = near the limit, green = meets the standard,
 * blue/grey = neutral facts. Kindergarten types keep one colour each everywhere.
 */
import type { KgType, PlanKind, SupportingKgStatus } from '../data/schema';
import type { MessageKey } from '../i18n';

export type Rgb = [number, number, number];

export const KG_TYPE_COLOR: Record<KgType, Rgb> = {
  public: [31, 111, 209], // 公办: blue
  inclusive_private: [0, 150, 160], // 普惠性民办: teal
  private: [142, 99, 199], // 非普惠民办: purple
};

export const STATUS_COLOR = {
  ok: [46, 160, 67] as Rgb,
  warn: [230, 150, 0] as Rgb,
  bad: [214, 48, 49] as Rgb,
  neutral: [150, 158, 170] as Rgb,
};

/** Ledger state → traffic-light class. */
export function ledgerClass(s: SupportingKgStatus | null): 'ok' | 'warn' | 'bad' | 'neutral' {
  switch (s) {
    case null:
      return 'neutral';
    case 'operating_public':
    case 'operating_inclusive':
    case 'rectified':
      return 'ok';
    case 'planned':
    case 'under_construction':
    case 'built_not_accepted':
    case 'handed_over':
      return 'warn';
    default:
      return 'bad';
  }
}

/** The one-character symbol of a plan project's kind, drawn on the map and in the legend. */
export const PLAN_KIND_SYMBOL: Record<PlanKind, MessageKey> = {
  new_build: 'map.symbol.newBuild',
  expansion: 'map.symbol.expansion',
  rebuild: 'map.symbol.rebuild',
  conversion: 'map.symbol.conversion',
  closure: 'map.symbol.closure',
};

/** Population density ramp (residents per cell), light → dark blue-grey. */
export const DENSITY_STOPS: { min: number; color: Rgb }[] = [
  { min: 0, color: [222, 228, 238] },
  { min: 100, color: [190, 204, 224] },
  { min: 300, color: [150, 172, 206] },
  { min: 600, color: [108, 136, 182] },
  { min: 1000, color: [70, 98, 150] },
];

export function densityColor(residents: number): Rgb {
  let c = DENSITY_STOPS[0].color;
  for (const s of DENSITY_STOPS) if (residents >= s.min) c = s.color;
  return c;
}

export const rgbCss = (c: Rgb, a = 1): string => `rgba(${c[0]},${c[1]},${c[2]},${a})`;
