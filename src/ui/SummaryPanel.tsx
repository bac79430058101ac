import { KG_TYPES, KG_TYPE_EN, KG_TYPE_ZH } from '../data/schema';
import { KG_TYPE_COLOR, rgbCss } from '../map/palette';
import { useApp } from '../state/store';
import { formatInt, formatWan } from './format';
import { t, type StringKey } from './i18n';

function Card({ label, value, unit, testId }: { label: string; value: string; unit: string; testId: string }) {
  return (
    <div className="card" data-testid={testId}>
      <div className="card-label">{label}</div>
      <div className="card-value">
        <span data-testid={`${testId}-value`}>{value}</span>
        <small>{unit}</small>
      </div>
    </div>
  );
}

/**
 * District totals from DuckDB: kindergartens, places, enrolled, children 3–5, residents.
 * Until DuckDB has them (it starts after the map's first frame) the same cards hold "…",
 * so the panels below do not jump when the numbers arrive.
 */
export function SummaryPanel() {
  const summary = useApp((s) => s.summary);
  const types = useApp((s) => s.typeBreakdown);
  const lang = useApp((s) => s.lang);
  const v = (f: (x: NonNullable<typeof summary>) => string): string => (summary ? f(summary) : '…');
  const cards: [StringKey, string, StringKey, string][] = [
    ['kindergartens', v((x) => formatInt(x.kindergartens)), 'unitSchools', 'sum-kindergartens'],
    ['places', v((x) => formatInt(x.places)), 'unitPlaces', 'sum-places'],
    ['enrolled', v((x) => formatInt(x.enrolled)), 'unitPeople', 'sum-enrolled'],
    ['children35', v((x) => formatInt(x.children_3_5)), 'unitChildren', 'sum-children'],
    ['residents', v((x) => formatWan(x.residents)), 'unitPeople', 'sum-residents'],
    ['communities', v((x) => formatInt(x.communities)), 'unitCount', 'sum-communities'],
  ];
  return (
    <section className="panel" data-testid="summary-panel" aria-busy={!summary}>
      <h3>{t(lang, 'summary')}</h3>
      <div className="cards">
        {cards.map(([label, value, unit, id]) => (
          <Card key={id} label={t(lang, label)} value={value} unit={t(lang, unit)} testId={id} />
        ))}
      </div>
      <h4>{t(lang, 'byType')}</h4>
      <table className="grid">
        <thead>
          <tr>
            <th />
            <th className="num">{t(lang, 'kgCount')}</th>
            <th className="num">{t(lang, 'places')}</th>
            <th className="num">{t(lang, 'enrolled')}</th>
          </tr>
        </thead>
        <tbody>
          {KG_TYPES.map((ty, i) => {
            const r = types.find((x) => x.type === ty);
            return (
              <tr key={ty}>
                <td>
                  <span className="dot" style={{ background: rgbCss(KG_TYPE_COLOR[ty]) }} />
                  {lang === 'zh' ? KG_TYPE_ZH[i] : KG_TYPE_EN[i]}
                </td>
                <td className="num">{summary ? formatInt(r?.n ?? 0) : '…'}</td>
                <td className="num">{summary ? formatInt(r?.places ?? 0) : '…'}</td>
                <td className="num">{summary ? formatInt(r?.enrolled ?? 0) : '…'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
