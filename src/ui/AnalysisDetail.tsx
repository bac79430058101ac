import type { AnalysisResult } from '../analysis/types';
import type { Picked } from '../state/ui-slice';
import { FigureCard } from './FigureCard';
import { formatDateZh, formatDistance, formatInt, formatPct } from './format';

const RAG_ZH: Record<string, string> = { green: '充足', amber: '偏紧', red: '不足', no_demand: '范围内无需求', inactive: '未计入供给' };
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
  if (picked.layer === 'kindergartens') {
    const i = result.kindergartens.ids.indexOf(picked.id);
    if (i < 0) return null;
    const k = result.kindergartens;
    return (
      <section className="analysis-detail" data-testid="analysis-detail">
        <h4>供需分析（{r} 米服务半径，2SFCA）</h4>
        <Rows
          rows={[
            ['计入的学位 S', formatInt(k.supplyPlaces[i])],
            ['半径内 3–5 岁幼儿', formatInt(k.inCatchmentDemand[i])],
            ['距离加权需求（高斯）', formatInt(k.weightedDemandGaussian[i])],
            ['供需比 R（均一）', ratio(k.ratioPlain[i])],
            ['供需比 R（高斯）', ratio(k.ratioGaussian[i])],
            ['预警', RAG_ZH[k.status[i]] ?? k.status[i]],
          ]}
        />
        <p className="muted">R = 学位 ÷ 服务半径内（距离加权的）3–5 岁幼儿数；R ≥ 1 表示学位够用。</p>
      </section>
    );
  }
  if (picked.layer === 'population') {
    const i = result.cells.ids.indexOf(picked.id);
    if (i < 0) return null;
    const c = result.cells;
    return (
      <section className="analysis-detail" data-testid="analysis-detail">
        <h4>可达性（{r} 米）</h4>
        <Rows
          rows={[
            ['在服务半径内', c.covered[i] ? '是' : '否'],
            ['最近幼儿园', Number.isFinite(c.nearestKgM[i]) ? formatDistance(c.nearestKgM[i], lang) : `> ${formatDistance(result.params.nearestMaxM, lang)}`],
            ['可达性 A（均一）', ratio(c.accessPlain[i])],
            ['可达性 A（高斯）', ratio(c.accessGaussian[i])],
            ['就近可入园幼儿', formatInt(c.served[i])],
            ['半径内但超容', formatInt(c.overCapacity[i])],
            ['半径外幼儿', formatInt(c.outside[i])],
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
        <h4>配套园核查</h4>
        <Rows
          rows={[
            ['应配建', g.required === null ? '无法判断（缺人口/户数）' : g.required ? `是（${g.requiredFrom === 'given' ? '台账给定' : g.ruleSourceZh}）` : '否'],
            ['应配建班数', g.requiredClasses === null ? '—' : `${g.requiredClasses} 班`],
            ['问题类型', g.problemZh],
            ['应移交日期', formatDateZh(g.handoverDue) + (g.handoverDueFrom === 'derived' ? '（竣工验收日 + 期限）' : '')],
            ['逾期', g.overdue ? `${formatInt(g.daysOverdue)} 天` : '否'],
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
        <h4>街道学位供需（{r} 米）</h4>
        <Rows
          rows={[
            ['学位数', formatInt(s.places)],
            ['3–5 岁幼儿', formatInt(s.children)],
            ['学位余缺', formatInt(s.placesBalance)],
            ['服务半径覆盖率', formatPct(s.coveredChildrenShare)],
            ['就近可入园 / 超容 / 半径外', `${formatInt(s.served)} / ${formatInt(s.overCapacity)} / ${formatInt(s.outside)}`],
          ]}
        />
        <h4>督导评估指标（本街道）</h4>
        {s.indicators.map((f) => (
          <FigureCard key={f.key} f={f} lang={lang} />
        ))}
      </section>
    );
  }
  return null;
}
