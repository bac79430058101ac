/** Step 3: coordinate system (guess, reason, override, swap) and a preview of the converted rows. */
import { allCrsIds, crsLabel, isProjected, toWgs84Fn, type CrsId } from '../../data/coords/crs';
import type { ImportResult } from '../../data/import/build-import';
import { render } from '../../i18n';
import { LAYERS, enumLabel, fieldLabel } from '../../data/schema';
import type { Tr } from './import-text';
import { PreviewMap, type PreviewMapProps } from './PreviewMap';

export interface CrsStepProps {
  result: ImportResult;
  crs: CrsId | 'auto';
  swap: boolean | undefined;
  lang: 'zh' | 'en';
  tr: Tr;
  onCrs(c: CrsId | 'auto'): void;
  onSwap(v: boolean): void;
  /** what is loaded already, for the map check */
  reference?: Pick<PreviewMapProps, 'rings' | 'labels'>;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(6).replace(/0+$/, '');
  return String(v);
}

/**
 * True when the user must choose the system: lon/lat whose system the values, hints,
 * reference area and loaded names could not decide, still on "auto" (the rows were
 * then read as WGS84, which puts a BD-09 file ≈ 1 km off).
 */
export function needsCrsPick(result: ImportResult, crs: CrsId | 'auto'): boolean {
  return crs === 'auto' && result.crsGuess.confidence === 'uncertain' && result.crsUsed !== null && !isProjected(result.crsUsed) && result.rows.length > 0;
}

/** CRS select (detected guess first, with its reason), x/y swap, flag counts and a 10-row preview. */
export function CrsStep({ result, crs, swap, lang, tr, onCrs, onSwap, reference }: CrsStepProps) {
  const def = LAYERS[result.layer];
  const g = result.crsGuess;
  const conf = g.confidence === 'certain' ? tr('import.ui.certain') : g.confidence === 'likely' ? tr('import.ui.likely') : tr('import.ui.uncertain');
  const shown = def.fields.filter((fd) => fd.type !== 'geometry' && (fd.required || result.mapping[fd.name] !== undefined)).slice(0, 8);
  const rows = (result.rows as unknown as Record<string, unknown>[]).slice(0, 10);
  const ids = allCrsIds();
  // uncertain lon/lat: draw the rows as WGS84, GCJ-02 and BD-09 and make the user pick (no silent default)
  const mustPick = needsCrsPick(result, crs);
  const raw = mustPick ? (result.rows as unknown as { lon: number; lat: number }[]).slice(0, 2000) : [];
  const candidates = mustPick
    ? ([['wgs84', '#d63031'], ['gcj02', '#0984e3'], ['bd09', '#00a86b']] as const).map(([c, color]) => {
        const f = toWgs84Fn(c);
        return { label: crsLabel(c, lang), color, points: raw.map((r) => f(r.lon, r.lat) as [number, number]) };
      })
    : undefined;
  return (
    <div className="imp-crs">
      <div className="imp-crs-row">
        <label>
          {tr('import.ui.crs')}
          <select value={crs} onChange={(e) => onCrs(e.target.value as CrsId | 'auto')}>
            <option value="auto">
              {g.crs ? tr('import.ui.autoWith', { crs: crsLabel(g.crs, lang) }) : tr('import.ui.auto')}
            </option>
            {[...g.candidates.filter((c) => ids.includes(c)), ...ids.filter((c) => !g.candidates.includes(c))].map((c) => (
              <option key={c} value={c}>
                {crsLabel(c, lang)}
              </option>
            ))}
          </select>
        </label>
        <label className="imp-swap">
          <input type="checkbox" checked={swap ?? result.swapXY} onChange={(e) => onSwap(e.target.checked)} /> {tr('import.ui.swap')}
        </label>
      </div>
      <p className={`imp-guess imp-guess-${g.confidence}`}>
        <strong>{tr('import.ui.guessWith', { confidence: conf })}</strong>
        {render(lang, g.reason)}
      </p>
      <p className="imp-flags">
        {tr('import.ui.flagLine', { rounded: result.flagCounts.rounded, outside: result.flagCounts.outside_area, china: result.flagCounts.outside_china })}
      </p>
      <PreviewMap
        points={(result.rows as unknown as { lon: number; lat: number }[]).slice(0, 5000).map((r) => [r.lon, r.lat] as [number, number])}
        candidates={candidates}
        rings={reference?.rings}
        labels={reference?.labels}
        lang={lang}
      />
      <h4>{tr('import.ui.preview')}</h4>
      <div className="imp-scroll">
        <table className="imp-table imp-preview">
          <thead>
            <tr>
              {shown.map((fd) => (
                <th key={fd.name}>{fieldLabel(lang, result.layer, fd.name)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                {shown.map((fd) => (
                  <td key={fd.name}>{fd.type === 'enum' ? enumLabel(lang, result.layer, fd.name, r[fd.name] as string | null) : cellText(r[fd.name])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
