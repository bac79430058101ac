import type { AnalysisResult } from '../analysis/types';
import { render } from '../i18n';
import type { Picked } from '../state/ui-slice';
import { FigureCard } from './FigureCard';
import { formatDateZh, formatDistance, formatInt, formatPct, formatRag } from './format';

const ratio = (v: number): string => (Number.isFinite(v) ? v.toFixed(2) : '—');

function Rows({ rows }: { rows: [string, string][] }) {
  return (
    <table className="kv">
      <tbody>
        {rows.map(([k, v]) => (
          <tr key={k}>
            <th>{k}</th>
            <td>{v}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What the analysis says about the selected feature (2SFCA ratio, access, gaps, per-街道 indicators). */
export function AnalysisDetail({ picked, result, lang }: { picked: Picked; result: AnalysisResult; lang: 'zh' | 'en' }) {
  const r = result.params.radiusM;
  const zh = lang === 'zh';
  const L = (a: string, b: string): string => (zh ? a : b);
  const yes = L('是', 'yes');
  const no = L('否', 'no');
  if (picked.layer === 'kindergartens') {
    const i = result.kindergartens.ids.indexOf(picked.id);
    if (i < 0) return null;
    const k = result.kindergartens;
    return (
      <section className="analysis-detail" data-testid="analysis-detail">
        <h4>{L(`供需分析（${r} 米服务半径，2SFCA）`, `Supply and demand (${r} m radius, 2SFCA)`)}</h4>
        <Rows
          rows={[
            [L('计入的学位 S', 'Places counted S'), formatInt(k.supplyPlaces[i])],
            [L('半径内 3–5 岁幼儿', 'Children 3–5 within the radius'), formatInt(k.inCatchmentDemand[i])],
            [L('距离加权需求（高斯）', 'Distance-weighted demand (Gaussian)'), formatInt(k.weightedDemandGaussian[i])],
            [L('供需比 R（均一）', 'Ratio R (uniform)'), ratio(k.ratioPlain[i])],
            [L('供需比 R（高斯）', 'Ratio R (Gaussian)'), ratio(k.ratioGaussian[i])],
            [L('预警', 'Warning'), formatRag(k.status[i], lang)],
          ]}
        />
        <p className="muted">{L('R = 学位 ÷ 服务半径内（距离加权的）3–5 岁幼儿数；R ≥ 1 表示学位够用。', 'R = places ÷ (distance-weighted) children aged 3–5 within the radius; R ≥ 1 means enough places.')}</p>
      </section>
    );
  }
  if (picked.layer === 'population') {
    const i = result.cells.ids.indexOf(picked.id);
    if (i < 0) return null;
    const c = result.cells;
    return (
      <section className="analysis-detail" data-testid="analysis-detail">
        <h4>{L(`可达性（${r} 米）`, `Access (${r} m)`)}</h4>
        <Rows
          rows={[
            [L('在服务半径内', 'Within a catchment'), c.covered[i] ? yes : no],
            [L('最近幼儿园', 'Nearest kindergarten'), Number.isFinite(c.nearestKgM[i]) ? formatDistance(c.nearestKgM[i], lang) : `> ${formatDistance(result.params.nearestMaxM, lang)}`],
            [L('可达性 A（均一）', 'Access A (uniform)'), ratio(c.accessPlain[i])],
            [L('可达性 A（高斯）', 'Access A (Gaussian)'), ratio(c.accessGaussian[i])],
            [L('就近可入园幼儿', 'Children served nearby'), formatInt(c.served[i])],
            [L('半径内但超容', 'Within reach, over capacity'), formatInt(c.overCapacity[i])],
            [L('半径外幼儿', 'Outside every catchment'), formatInt(c.outside[i])],
          ]}
        />
      </section>
    );
  }
  if (picked.layer === 'communities') {
    const g = result.communities.find((x) => x.communityId === picked.id);
    if (!g) return null;
    return (
      <section className="analysis-detail" data-testid="analysis-detail">
        <h4>{L('配套园核查', '配套园 check')}</h4>
        <Rows
          rows={[
            [L('应配建', 'Required'), g.required === null ? L('无法判断（缺人口/户数）', 'cannot tell (no residents/households)') : g.required ? `${yes}（${g.requiredFrom === 'given' ? L('台账给定', 'given in the ledger') : g.ruleSourceZh}）` : no],
            [L('应配建班数', 'Required classes'), g.requiredClasses === null ? '—' : `${g.requiredClasses}${L(' 班', ' classes')}`],
            [L('问题类型', 'Problem'), render(lang, g.problemLabel)],
            [L('应移交日期', 'Handover due'), (zh ? formatDateZh(g.handoverDue) : (g.handoverDue ?? '—')) + (g.handoverDueFrom === 'derived' ? L('（竣工验收日 + 期限）', ' (completion + period)') : '')],
            [L('逾期', 'Overdue'), g.overdue ? `${formatInt(g.daysOverdue)}${L(' 天', ' days')}` : no],
          ]}
        />
      </section>
    );
  }
  if (picked.layer === 'admin_units') {
    const s = result.streets.find((x) => x.code === picked.id);
    if (!s) return null;
    return (
      <section className="analysis-detail" data-testid="analysis-detail">
        <h4>{L(`街道学位供需（${r} 米）`, `Places and demand in the sub-district (${r} m)`)}</h4>
        <Rows
          rows={[
            [L('学位数', 'Places'), formatInt(s.places)],
            [L('3–5 岁幼儿', 'Children 3–5'), formatInt(s.children)],
            [L('学位余缺', 'Places minus children'), formatInt(s.placesBalance)],
            [L('服务半径覆盖率', 'Children within a catchment'), formatPct(s.coveredChildrenShare)],
            [L('就近可入园 / 超容 / 半径外', 'Served / over capacity / outside'), `${formatInt(s.served)} / ${formatInt(s.overCapacity)} / ${formatInt(s.outside)}`],
          ]}
        />
        <h4>{L('督导评估指标（本街道）', 'Inspection indicators (this sub-district)')}</h4>
        {s.indicators.map((f) => (
          <FigureCard key={f.key} f={f} lang={lang} />
        ))}
      </section>
    );
  }
  return null;
}
