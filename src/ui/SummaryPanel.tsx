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

/** District totals from DuckDB: kindergartens, places, enrolled, children 3–5, residents. */
export function SummaryPanel() {
  const summary = useApp((s) => s.summary);
  const types = useApp((s) => s.typeBreakdown);
  const lang = useApp((s) => s.lang);
  if (!summary) return null;
  const cards: [StringKey, string, StringKey, string][] = [
    ['kindergartens', formatInt(summary.kindergartens), 'unitSchools', 'sum-kindergartens'],
    ['places', formatInt(summary.places), 'unitPlaces', 'sum-places'],
    ['enrolled', formatInt(summary.enrolled), 'unitPeople', 'sum-enrolled'],
    ['children35', formatInt(summary.children_3_5), 'unitChildren', 'sum-children'],
    ['residents', formatWan(summary.residents), 'unitPeople', 'sum-residents'],
    ['communities', formatInt(summary.communities), 'unitCount', 'sum-communities'],
  ];
  return (
    <section className="panel" data-testid="summary-panel">
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
                <td className="num">{formatInt(r?.n ?? 0)}</td>
                <td className="num">{formatInt(r?.places ?? 0)}</td>
                <td className="num">{formatInt(r?.enrolled ?? 0)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
