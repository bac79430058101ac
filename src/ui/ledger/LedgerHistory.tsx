import { useMemo } from 'react';
import type { LedgerEvent } from '../../analysis/ledger/events';
import { enumLabel, fieldLabel, LAYERS } from '../../data/schema';
import { useApp } from '../../state/store';

const FIELD_LABEL = new Map(LAYERS.communities.fields.map((f) => [f.name, f]));
const SOURCE_ZH: Record<LedgerEvent['source'], string> = { edit: '手工', import: '导入', undo: '撤销' };

function valueText(field: string, v: LedgerEvent['from'], lang: 'zh' | 'en'): string {
  if (v === null || v === '') return '—';
  const f = FIELD_LABEL.get(field);
  if (f?.type === 'enum') return enumLabel(lang, 'communities', field, String(v));
  if (typeof v === 'boolean') return v ? '是' : '否';
  return String(v);
}

/** 变更记录 of one community: every change, newest first, undone ones struck through. */
export function LedgerHistory({ communityId }: { communityId: string }) {
  const lang = useApp((s) => s.lang);
  const zh = lang === 'zh';
  const events = useApp((s) => s.ledgerEvents);
  const mine = useMemo(() => events.filter((e) => e.community_id === communityId), [events, communityId]);
  const undone = useMemo(() => new Set(events.filter((e) => e.undoes !== null).map((e) => e.undoes)), [events]);
  const changes = useMemo(() => {
    const by = new Map<number, LedgerEvent[]>();
    for (const e of mine) by.set(e.change, [...(by.get(e.change) ?? []), e]);
    return [...by.values()].reverse();
  }, [mine]);
  if (changes.length === 0) return <p className="hint">{zh ? '暂无变更记录' : 'No changes recorded'}</p>;
  return (
    <ol className="ledger-history" data-testid="ledger-history">
      {changes.map((evs) => {
        const e0 = evs[0];
        return (
          <li key={e0.change} className={undone.has(e0.change) ? 'undone' : ''}>
            <span className="when">{e0.date}</span> <b>{e0.by}</b> <span className="src">[{zh ? SOURCE_ZH[e0.source] : e0.source}]</span>
            {undone.has(e0.change) ? <span className="src">{zh ? '（已撤销）' : ' (undone)'}</span> : null}
            <ul>
              {evs
                .filter((e) => e.field !== 'status_date')
                .map((e) => (
                  <li key={e.seq}>
                    {e.field === 'id' ? (e.to === null ? (zh ? '撤销新增' : 'addition undone') : zh ? '新增小区' : 'added') : `${fieldLabel(lang, 'communities', e.field)}：${valueText(e.field, e.from, lang)} → ${valueText(e.field, e.to, lang)}`}
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
