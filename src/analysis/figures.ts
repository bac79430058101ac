/** Helpers to build self-explaining `Figure`s. */
import { m, type MessageKey, type MessageValues } from '../i18n';
import type { Figure, FigureInput, FigureUnit } from './types';

/** a ÷ b, or null when b is 0 or either is not finite */
export function safeDiv(a: number, b: number): number | null {
  if (!(b !== 0) || !Number.isFinite(a) || !Number.isFinite(b)) return null;
  return a / b;
}

/** a ÷ b × 100, or null */
export function pct(a: number, b: number): number | null {
  const r = safeDiv(a, b);
  return r === null ? null : r * 100;
}

/** One input of a figure (NaN becomes null). */
export function input(label: MessageKey, value: number | null, unit: FigureUnit, values?: MessageValues): FigureInput {
  return { label: m(label, values), value: value === null || Number.isNaN(value) ? null : value, unit };
}

/** Build a Figure; `pass` is derived from value and threshold when both exist. */
export function figure(f: Omit<Figure, 'pass'>): Figure {
  const out: Figure = { ...f };
  if (out.value !== null && Number.isNaN(out.value)) out.value = null;
  if (out.threshold && out.value !== null) {
    out.pass = out.threshold.op === '>=' ? out.value >= out.threshold.value : out.value <= out.threshold.value;
  }
  if (out.note === undefined) delete out.note;
  return out;
}

/** The catalogue key of a unit shown after a count ('%', 'm' and '人/人' are formatted by the caller). */
export const UNIT_KEY: Partial<Record<FigureUnit, MessageKey>> = {
  人: 'engine.unit.persons',
  个: 'engine.unit.count',
  所: 'engine.unit.sites',
  月: 'engine.unit.months',
  '学位/人': 'engine.unit.placesPerChild',
};
