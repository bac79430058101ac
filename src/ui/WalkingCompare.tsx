import type { WalkingExtras } from '../analysis/network/walking-extras';
import type { StreetRow } from '../analysis/types';
import { formatInt, formatPct } from './format';
import { msg, type Lang, type MessageKey, type MessageValues } from '../i18n';

/** Straight line vs walking network, side by side per 街道: children within the radius and the share. */
export function WalkingCompare({ w, streets, lang }: { w: WalkingExtras; streets: StreetRow[]; lang: Lang }) {
  const tr = (key: MessageKey, values?: MessageValues) => msg(lang, key, values);
  const name = new Map(streets.map((s) => [s.code, s.nameZh]));
  const rows = w.streets.filter((s) => s.children > 0);
  const share = (a: number, b: number): string => formatPct(b > 0 ? a / b : NaN);
  return (
    <div className="walking-compare" data-testid="walking-compare">
      <h4>{tr('shell.walk.title', { radius: w.radiusM })}</h4>
      <table className="data-table compact">
        <thead>
          <tr>
            <th>{tr('shell.walk.street')}</th>
            <th>{tr('shell.walk.children')}</th>
            <th>{tr('shell.walk.straight')}</th>
            <th>{tr('shell.walk.walking')}</th>
            <th>{tr('shell.walk.delta')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.code}>
              <td>{name.get(s.code) || s.code || tr('shell.walk.unassigned')}</td>
              <td>{formatInt(Math.round(s.children))}</td>
              <td>{share(s.straightCovered, s.children)}</td>
              <td>{share(s.walkingCovered, s.children)}</td>
              <td>{formatInt(Math.round(s.walkingCovered - s.straightCovered))}</td>
            </tr>
          ))}
          <tr className="total" data-testid="walking-compare-total">
            <td>{tr('shell.walk.district')}</td>
            <td>{formatInt(Math.round(w.district.children))}</td>
            <td>{share(w.district.straightCovered, w.district.children)}</td>
            <td>{share(w.district.walkingCovered, w.district.children)}</td>
            <td>{formatInt(Math.round(w.district.walkingCovered - w.district.straightCovered))}</td>
          </tr>
        </tbody>
      </table>
      <small>
        {tr('shell.walk.note', { cells: w.unreachableCells })}
      </small>
    </div>
  );
}
