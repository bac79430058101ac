import { useState } from 'react';
import { UNIT_KEY } from '../analysis/figures';
import type { Figure } from '../analysis/types';
import { msg, render, type Lang, type Message } from '../i18n';
import { formatInt } from './format';

/** A figure with unit: percent with one decimal, ratios as 1:x, counts grouped. */
export function formatFigure(f: Pick<Figure, 'value' | 'unit'>, lang: Lang = 'zh'): string {
  if (f.value === null || !Number.isFinite(f.value)) return '—';
  if (f.unit === '%') return `${f.value.toFixed(1)}%`;
  if (f.unit === '人/人') return `1:${f.value.toFixed(1)}`;
  if (f.unit === 'm') return msg(lang, 'engine.distance.radius', { radius: formatInt(f.value) });
  if (Math.abs(f.value) < 10 && !Number.isInteger(f.value)) return f.value.toFixed(2);
  const unit = UNIT_KEY[f.unit];
  return `${formatInt(f.value)}${unit ? msg(lang, unit) : ''}`;
}

function formatThreshold(f: Figure, lang: Lang): string {
  if (!f.threshold) return '';
  const op = f.threshold.op === '>=' ? '≥' : '≤';
  return `${op} ${formatFigure({ value: f.threshold.value, unit: f.unit }, lang)}`;
}

/** The formula, inputs and source behind a figure. */
export function FigureExplain({ f, lang = 'zh' }: { f: Figure; lang?: Lang }) {
  const r = (x: Message) => render(lang, x);
  return (
    <div className="explain" data-testid={`explain-${f.key}`}>
      <div>
        <b>{msg(lang, 'shell.fig.formula')}</b>
        {r(f.formula)}
      </div>
      <table className="kv">
        <tbody>
          {f.inputs.map((i) => (
            <tr key={i.label.key}>
              <th>{r(i.label)}</th>
              <td>{formatFigure({ value: i.value, unit: i.unit }, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div>
        <b>{msg(lang, 'shell.fig.source')}</b>
        {r(f.source)}
      </div>
      {f.note ? <div className="muted">{r(f.note)}</div> : null}
    </div>
  );
}

/** Figure with its threshold (毛入园率 91.2% ≥ 85% ✓); click to see how it was computed. */
export function FigureCard({ f, lang }: { f: Figure; lang: Lang }) {
  const [open, setOpen] = useState(false);
  const r = (x: Message) => render(lang, x);
  const cls = f.pass === undefined ? '' : f.pass ? 'pass' : 'fail';
  return (
    <div className={`figure ${cls}`} data-testid={`figure-${f.key}`}>
      <button type="button" className="figure-head" onClick={() => setOpen(!open)} aria-expanded={open}>
        <span className="figure-label">{r(f.label)}</span>
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
