import { useState } from 'react';
import type { Figure } from '../analysis/types';
import { formatInt } from './format';
import { msg, type Lang, type MessageKey } from '../i18n';

/** The engine's unit codes of figures (Chinese, as in the standards) → how a number is written with them. */
const UNIT_KEYS: Readonly<Record<string, MessageKey>> = {
  m: 'shell.unit.m',
  个: 'shell.unit.count',
  人: 'shell.unit.people',
  '学位/人': 'shell.unit.placesPerChild',
};
/** unit codes of ratios, written as bare numbers */
const RATIO_UNIT = '比';
const PER_PERSON_UNIT = '人/人';

/** A figure with unit: percent with one decimal, ratios as 1:x, counts grouped. */
export function formatFigure(f: Pick<Figure, 'value' | 'unit'>, lang: Lang = 'zh'): string {
  if (f.value === null || !Number.isFinite(f.value)) return '—';
  if (f.unit === '%') return `${f.value.toFixed(1)}%`;
  if (f.unit === PER_PERSON_UNIT) return `1:${f.value.toFixed(1)}`;
  if (f.unit === 'm') return msg(lang, 'shell.unit.m', { n: formatInt(f.value) });
  if (Math.abs(f.value) < 10 && !Number.isInteger(f.value)) return f.value.toFixed(2);
  const key = UNIT_KEYS[f.unit];
  if (key) return msg(lang, key, { n: formatInt(f.value) });
  return `${formatInt(f.value)}${f.unit && f.unit !== RATIO_UNIT ? f.unit : ''}`;
}

function formatThreshold(f: Figure, lang: Lang): string {
  if (!f.threshold) return '';
  const op = f.threshold.op === '>=' ? '≥' : '≤';
  return `${op} ${formatFigure({ value: f.threshold.value, unit: f.unit }, lang)}`;
}

/** The formula, inputs and source behind a figure. */
export function FigureExplain({ f, lang = 'zh' }: { f: Figure; lang?: Lang }) {
  return (
    <div className="explain" data-testid={`explain-${f.key}`}>
      <div>
        <b>{msg(lang, 'shell.fig.formula')}</b>
        {f.formulaZh}
      </div>
      <table className="kv">
        <tbody>
          {f.inputs.map((i) => (
            <tr key={i.labelZh}>
              <th>{i.labelZh}</th>
              <td>{formatFigure({ value: i.value, unit: i.unit }, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div>
        <b>{msg(lang, 'shell.fig.source')}</b>
        {f.sourceZh}
      </div>
      {f.noteZh ? <div className="muted">{f.noteZh}</div> : null}
    </div>
  );
}

/** Figure with its threshold (毛入园率 91.2% ≥ 85% ✓); click to see how it was computed. */
export function FigureCard({ f, lang }: { f: Figure; lang: Lang }) {
  const [open, setOpen] = useState(false);
  const cls = f.pass === undefined ? '' : f.pass ? 'pass' : 'fail';
  return (
    <div className={`figure ${cls}`} data-testid={`figure-${f.key}`}>
      <button type="button" className="figure-head" onClick={() => setOpen(!open)} aria-expanded={open}>
        <span className="figure-label">{lang === 'zh' ? f.labelZh : f.labelEn}</span>
        <span className="figure-value">{formatFigure(f, lang)}</span>
        {f.threshold ? (
          <span className="figure-threshold">
            {formatThreshold(f, lang)} {f.pass ? '✓' : '✗'}
          </span>
        ) : null}
      </button>
      {open ? <FigureExplain f={f} lang={lang} /> : null}
    </div>
  );
}
