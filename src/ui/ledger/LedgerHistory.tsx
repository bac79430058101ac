import { useMemo } from 'react';
import type { LedgerEvent } from '../../analysis/ledger/events';
import { enumLabel, fieldLabel, LAYERS } from '../../data/schema';
import { msg, type Lang, type MessageKey } from '../../i18n';
import { useApp } from '../../state/store';
import { useT } from '../use-t';

const FIELD_LABEL = new Map(LAYERS.communities.fields.map((f) => [f.name, f]));
const SOURCE_KEY: Record<LedgerEvent['source'], MessageKey> = {
  edit: 'ledger.ui.history.source.edit',
  import: 'ledger.ui.history.source.import',
  undo: 'ledger.ui.history.source.undo',
};

function valueText(field: string, v: LedgerEvent['from'], lang: Lang): string {
  if (v === null || v === '') return '—';
  const f = FIELD_LABEL.get(field);
  if (f?.type === 'enum') return enumLabel(lang, 'communities', field, String(v));
  if (typeof v === 'boolean') return msg(lang, v ? 'shell.yes' : 'shell.no');
  return String(v);
}

/** 变更记录 of one community: every change, newest first, undone ones struck through. */
export function LedgerHistory({ communityId }: { communityId: string }) {
  const lang = useApp((s) => s.lang);
  const tr = useT();
  const events = useApp((s) => s.ledgerEvents);
  const mine = useMemo(() => events.filter((e) => e.community_id === communityId), [events, communityId]);
  const undone = useMemo(() => new Set(events.filter((e) => e.undoes !== null).map((e) => e.undoes)), [events]);
  const changes = useMemo(() => {
    const by = new Map<number, LedgerEvent[]>();
    for (const e of mine) by.set(e.change, [...(by.get(e.change) ?? []), e]);
    return [...by.values()].reverse();
  }, [mine]);
  if (changes.length === 0) return <p className="hint">{tr('ledger.ui.history.none')}</p>;
  return (
    <ol className="ledger-history" data-testid="ledger-history">
      {changes.map((evs) => {
        const e0 = evs[0];
        return (
          <li key={e0.change} className={undone.has(e0.change) ? 'undone' : ''}>
            <span className="when">{e0.date}</span> <b>{e0.by}</b> <span className="src">[{tr(SOURCE_KEY[e0.source])}]</span>
            {undone.has(e0.change) ? <span className="src">{tr('ledger.ui.history.undone')}</span> : null}
            <ul>
              {evs
                .filter((e) => e.field !== 'status_date')
                .map((e) => (
                  <li key={e.seq}>
                    {e.field === 'id'
                      ? tr(e.to === null ? 'ledger.ui.history.additionUndone' : 'ledger.ui.history.added')
                      : tr('ledger.ui.history.change', { field: fieldLabel(lang, 'communities', e.field), from: valueText(e.field, e.from, lang), to: valueText(e.field, e.to, lang) })}
                  </li>
                ))}
            </ul>
            {e0.note ? <div className="note">{e0.note}</div> : null}
          </li>
        );
      })}
    </ol>
  );
}
