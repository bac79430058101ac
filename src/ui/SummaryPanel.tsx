import { useShallow } from 'zustand/react/shallow';
import { KG_TYPES, enumLabel } from '../data/schema';
import { KG_TYPE_COLOR, rgbCss } from '../map/palette';
import { selectShownPlan } from '../state/selectors';
import { useApp } from '../state/store';
import { formatInt, formatWan } from './format';
import { msg, type MessageKey } from '../i18n';
import { BasisLine } from './BasisLine';
import { BasisSelect } from './BasisSelect';

function Card({ label, value, unit, sub, testId }: { label: string; value: string; unit: string; sub?: string; testId: string }) {
  return (
    <div className="card" data-testid={testId}>
      <div className="card-label">{label}</div>
      <div className="card-value">
        <span data-testid={`${testId}-value`}>{value}</span>
        <small>{unit}</small>
      </div>
      {sub ? <div className="card-sub" data-testid={`${testId}-sub`}>{sub}</div> : null}
    </div>
  );
}

/**
 * District totals of the year on screen, from the engine (the same figures as the map, the
 * tables, the plan and 汇报): kindergartens and places that supply (one rule), enrolment,
 * children 3–5 of the chosen basis (the census count beside it), residents. The heading names
 * the year and how its children were counted. Until the engine has them the cards hold "…".
 */
export function SummaryPanel() {
  const shown = useApp(useShallow(selectShownPlan));
  const communities = useApp((s) => s.layers.communities.length);
  const lang = useApp((s) => s.lang);
  const y = shown.summary;
  const plan = shown.plan;
  const v = (f: (x: NonNullable<typeof y>) => number, fmt: (n: number) => string = formatInt): string => (y ? fmt(f(y)) : '…');
  const enrolled = (x: NonNullable<typeof y>) => x.enrolledByType.public + x.enrolledByType.inclusive_private + x.enrolledByType.private;
  const census = plan && y && y.year === plan.settings.baseYear ? plan.censusChildren : null;
  const birthsBase = plan && y && y.year === plan.settings.baseYear ? plan.baseChildrenBirths : null;
  // the count the basis did not pick, shown beside the one in use
  const other =
    census === null || birthsBase === null
      ? undefined
      : plan?.demandBasis === 'census'
        ? `${msg(lang, 'basisBirthsShort')} ${formatInt(birthsBase)}`
        : `${plan?.dataYear ?? ''}${msg(lang, 'basisCensusShort')} ${formatInt(census)}`;
  const cards: [MessageKey, string, MessageKey, string, string?][] = [
    ['kindergartens', v((x) => x.kindergartens), 'unitSchools', 'sum-kindergartens'],
    ['places', v((x) => x.places), 'unitPlaces', 'sum-places'],
    ['enrolled', v(enrolled), 'unitPeople', 'sum-enrolled', y && y.year !== plan?.settings.baseYear ? msg(lang, 'projectedShort') : undefined],
    ['children35', v((x) => x.childrenBirths), 'unitPeople', 'sum-children', other],
    ['residents', v((x) => x.residents, (n) => formatWan(n, 1, lang)), 'unitPeople', 'sum-residents'],
    ['communities', formatInt(communities), 'unitCount', 'sum-communities'],
  ];
  return (
    <section className="panel" data-testid="summary-panel" aria-busy={!y}>
      <h3>{msg(lang, 'summary')}</h3>
      <BasisLine testId="summary-basis" />
      <div className="cards">
        {cards.map(([label, value, unit, id, sub]) => (
          <Card key={id} label={msg(lang, label)} value={value} unit={msg(lang, unit)} sub={sub} testId={id} />
        ))}
      </div>
      <BasisSelect />
      <h4>{msg(lang, 'byType')}</h4>
      <table className="grid">
        <thead>
          <tr>
            <th />
            <th className="num">{msg(lang, 'kgCount')}</th>
            <th className="num">{msg(lang, 'places')}</th>
            <th className="num">{msg(lang, 'enrolled')}</th>
          </tr>
        </thead>
        <tbody>
          {KG_TYPES.map((ty, i) => (
            <tr key={ty}>
              <td>
                <span className="dot" style={{ background: rgbCss(KG_TYPE_COLOR[ty]) }} />
                {enumLabel(lang, 'kindergartens', 'type', KG_TYPES[i])}
              </td>
              <td className="num">{y ? formatInt(y.kindergartensByType[ty]) : '…'}</td>
              <td className="num">{y ? formatInt(ty === 'public' ? y.placesPublic : ty === 'inclusive_private' ? y.placesInclusivePrivate : y.placesPrivate) : '…'}</td>
              <td className="num">{y ? formatInt(y.enrolledByType[ty]) : '…'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
