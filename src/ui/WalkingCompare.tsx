import type { WalkingExtras } from '../analysis/network/walking-extras';
import type { StreetRow } from '../analysis/types';
import { formatInt, formatPct } from './format';

/** Straight line vs walking network, side by side per 街道: children within the radius and the share. */
export function WalkingCompare({ w, streets, lang }: { w: WalkingExtras; streets: StreetRow[]; lang: 'zh' | 'en' }) {
  const zh = lang === 'zh';
  const name = new Map(streets.map((s) => [s.code, s.nameZh]));
  const rows = w.streets.filter((s) => s.children > 0);
  const share = (a: number, b: number): string => formatPct(b > 0 ? a / b : NaN);
  return (
    <div className="walking-compare" data-testid="walking-compare">
      <h4>{zh ? `直线与步行覆盖对比（${w.radiusM} 米）` : `Straight line vs walking (${w.radiusM} m)`}</h4>
      <table className="data-table compact">
        <thead>
          <tr>
            <th>{zh ? '街道' : 'Sub-district'}</th>
            <th>{zh ? '3–5岁幼儿' : 'Children'}</th>
            <th>{zh ? '直线覆盖' : 'Straight'}</th>
            <th>{zh ? '步行覆盖' : 'Walking'}</th>
            <th>{zh ? '差' : 'Δ'}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.code}>
              <td>{name.get(s.code) || s.code || (zh ? '未分配' : 'unassigned')}</td>
              <td>{formatInt(Math.round(s.children))}</td>
              <td>{share(s.straightCovered, s.children)}</td>
              <td>{share(s.walkingCovered, s.children)}</td>
              <td>{formatInt(Math.round(s.walkingCovered - s.straightCovered))}</td>
            </tr>
          ))}
          <tr className="total" data-testid="walking-compare-total">
            <td>{zh ? '全区' : 'District'}</td>
            <td>{formatInt(Math.round(w.district.children))}</td>
            <td>{share(w.district.straightCovered, w.district.children)}</td>
            <td>{share(w.district.walkingCovered, w.district.children)}</td>
            <td>{formatInt(Math.round(w.district.walkingCovered - w.district.straightCovered))}</td>
          </tr>
        </tbody>
      </table>
      <small>
        {zh
          ? `步行距离沿步行路网计，含点到最近路段的接入距离；距路网过远的网格 ${w.unreachableCells} 个按不可达计。`
          : `Walking distance along the network, including the walk to the nearest segment; ${w.unreachableCells} cells too far from any path count as unreachable.`}
      </small>
    </div>
  );
}
