import { distanceLabel } from '../analysis/params';
import { render } from '../i18n';
import { selectCurrentResult } from '../state/selectors';
import { useApp } from '../state/store';
import { BasisLine } from './BasisLine';
import { FigureCard } from './FigureCard';
import { WalkingCompare } from './WalkingCompare';
import { msg } from '../i18n';

/** County indicators (三率, staffing, class size) and coverage/2SFCA headline figures. */
export function IndicatorPanel() {
  const result = useApp(selectCurrentResult);
  const lang = useApp((s) => s.lang);
  if (!result) return null;
  return (
    <section className="panel" data-testid="indicator-panel">
      <h3>{msg(lang, 'shell.indicators.title')}</h3>
      <BasisLine testId="indicator-basis" />
      {result.indicators.map((f) => (
        <FigureCard key={f.key} f={f} lang={lang} />
      ))}
      <h3>
        {msg(lang, 'shell.indicators.coverage', { distance: render(lang, distanceLabel(result.params)) })}
      </h3>
      {result.headline.map((f) => (
        <FigureCard key={f.key} f={f} lang={lang} />
      ))}
      {result.walking ? <WalkingCompare w={result.walking} streets={result.streets} lang={lang} /> : null}
    </section>
  );
}
