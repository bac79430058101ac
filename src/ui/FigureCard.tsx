import { useState } from 'react';
import type { Figure } from '../analysis/types';
import { formatInt } from './format';

/** A figure with unit: percent with one decimal, ratios as 1:x, counts grouped. */
export function formatFigure(f: Pick<Figure, 'value' | 'unit'>): string {
  if (f.value === null || !Number.isFinite(f.value)) return '—';
  if (f.unit === '%') return `${f.value.toFixed(1)}%`;
  if (f.unit === '人/人') return `1:${f.value.toFixed(1)}`;
  if (f.unit === 'm') return `${formatInt(f.value)} 米`;
  if (Math.abs(f.value) < 10 && !Number.isInteger(f.value)) return f.value.toFixed(2);
  return `${formatInt(f.value)}${f.unit && f.unit !== '比' ? f.unit : ''}`;
}

function formatThreshold(f: Figure): string {
  if (!f.threshold) return '';
  const op = f.threshold.op === '>=' ? '≥' : '≤';
  return `${op} ${formatFigure({ value: f.threshold.value, unit: f.unit })}`;
}

/** The formula, inputs and source behind a figure. */
export function FigureExplain({ f, lang = 'zh' }: { f: Figure; lang?: 'zh' | 'en' }) {
  return (
    <div className="explain" data-testid={`explain-${f.key}`}>
      <div>
        <b>{lang === 'zh' ? '计算公式：' : 'Formula: '}</b>
        {f.formulaZh}
      </div>
      <table className="kv">
        <tbody>
          {f.inputs.map((i) => (
            <tr key={i.labelZh}>
              <th>{i.labelZh}</th>
              <td>{formatFigure({ value: i.value, unit: i.unit })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div>
        <b>{lang === 'zh' ? '来源：' : 'Source: '}</b>
        {f.sourceZh}
      </div>
      {f.noteZh ? <div className="muted">{f.noteZh}</div> : null}
    </div>
  );
}

/** Figure with its threshold (毛入园率 91.2% ≥ 85% ✓); click to see how it was computed. */
export function FigureCard({ f, lang }: { f: Figure; lang: 'zh' | 'en' }) {
  const [open, setOpen] = useState(false);
  const cls = f.pass === undefined ? '' : f.pass ? 'pass' : 'fail';
  return (
    <div className={`figure ${cls}`} data-testid={`figure-${f.key}`}>
      <button type="button" className="figure-head" onClick={() => setOpen(!open)} aria-expanded={open}>
        <span className="figure-label">{lang === 'zh' ? f.labelZh : f.labelEn}</span>
        <span className="figure-value">{formatFigure(f)}</span>
        {f.threshold ? (
          <span className="figure-threshold">
            {formatThreshold(f)} {f.pass ? '✓' : '✗'}
          </span>
        ) : null}
      </button>
      {open ? <FigureExplain f={f} lang={lang} /> : null}
    </div>
  );
}
