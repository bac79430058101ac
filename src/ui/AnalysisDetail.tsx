import { ruleSource } from '../analysis/params';
import type { AnalysisResult } from '../analysis/types';
import { render } from '../i18n';
import type { Picked } from '../state/ui-slice';
import { FigureCard } from './FigureCard';
import { formatDateZh, formatDistance, formatInt, formatPct, formatRag } from './format';
import { msg, type Lang, type MessageKey, type MessageValues } from '../i18n';

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
export function AnalysisDetail({ picked, result, lang }: { picked: Picked; result: AnalysisResult; lang: Lang }) {
  const radius = result.params.radiusM;
  const L = (key: MessageKey, values?: MessageValues): string => msg(lang, key, values);
  const no = L('shell.no');
  if (picked.layer === 'kindergartens') {
    const i = result.kindergartens.ids.indexOf(picked.id);
    if (i < 0) return null;
    const k = result.kindergartens;
    return (
      <section className="analysis-detail" data-testid="analysis-detail">
        <h4>{L('shell.detail.kgTitle', { radius })}</h4>
        <Rows
          rows={[
            [L('shell.detail.placesS'), formatInt(k.supplyPlaces[i])],
            [L('shell.detail.childrenWithin'), formatInt(k.inCatchmentDemand[i])],
            [L('shell.detail.weightedDemand'), formatInt(k.weightedDemandGaussian[i])],
            [L('shell.detail.ratioUniform'), ratio(k.ratioPlain[i])],
            [L('shell.detail.ratioGaussian'), ratio(k.ratioGaussian[i])],
            [L('shell.detail.warning'), formatRag(k.status[i], lang)],
          ]}
        />
        <p className="muted">{L('shell.detail.ratioNote')}</p>
      </section>
    );
  }
  if (picked.layer === 'population') {
    const i = result.cells.ids.indexOf(picked.id);
    if (i < 0) return null;
    const c = result.cells;
    return (
      <section className="analysis-detail" data-testid="analysis-detail">
        <h4>{L('shell.detail.accessTitle', { radius })}</h4>
        <Rows
          rows={[
            [L('shell.detail.withinCatchment'), c.covered[i] ? L('shell.yes') : no],
            [L('shell.detail.nearestKg'), Number.isFinite(c.nearestKgM[i]) ? formatDistance(c.nearestKgM[i], lang) : `> ${formatDistance(result.params.nearestMaxM, lang)}`],
            [L('shell.detail.accessUniform'), ratio(c.accessPlain[i])],
            [L('shell.detail.accessGaussian'), ratio(c.accessGaussian[i])],
            [L('shell.detail.servedNearby'), formatInt(c.served[i])],
            [L('shell.detail.overCapacity'), formatInt(c.overCapacity[i])],
            [L('shell.detail.outside'), formatInt(c.outside[i])],
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
        <h4>{L('shell.detail.checkTitle')}</h4>
        <Rows
          rows={[
            [
              L('shell.detail.required'),
              g.required === null
                ? L('shell.detail.cannotTell')
                : g.required
                  ? L('shell.detail.requiredFrom', { source: g.requiredFrom === 'given' ? L('shell.detail.givenInLedger') : render(lang, ruleSource(g.ruleSourceZh)) })
                  : no,
            ],
            [L('shell.detail.requiredClasses'), g.requiredClasses === null ? '—' : L('shell.detail.classes', { n: g.requiredClasses })],
            [L('shell.detail.problem'), render(lang, g.problemLabel)],
            [L('shell.detail.handoverDue'), g.handoverDueFrom === 'derived' ? L('shell.detail.dueDerived', { date: formatDateZh(g.handoverDue) }) : formatDateZh(g.handoverDue)],
            [L('shell.detail.overdue'), g.overdue ? L('shell.detail.days', { n: formatInt(g.daysOverdue) }) : no],
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
        <h4>{L('shell.detail.streetTitle', { radius })}</h4>
        <Rows
          rows={[
            [L('shell.detail.places'), formatInt(s.places)],
            [L('shell.childrenAged35'), formatInt(s.children)],
            [L('shell.detail.balance'), formatInt(s.placesBalance)],
            [L('shell.detail.coverage'), formatPct(s.coveredChildrenShare)],
            [L('shell.detail.servedSplit'), `${formatInt(s.served)} / ${formatInt(s.overCapacity)} / ${formatInt(s.outside)}`],
          ]}
        />
        <h4>{L('shell.detail.indicators')}</h4>
        {s.indicators.map((f) => (
          <FigureCard key={f.key} f={f} lang={lang} />
        ))}
      </section>
    );
  }
  return null;
}
