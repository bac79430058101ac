import { useRef, useState } from 'react';
import { checkTransition } from '../../analysis/ledger/workflow';
import type { PlanMessage } from '../../analysis/plan/plan-types';
import { enumLabel, SUPPORTING_KG_STATUSES, type SupportingKgStatus } from '../../data/schema';
import { todayIso } from '../../state/analysis-slice';
import { useApp } from '../../state/store';
import { msgOf } from '../messages';
import { useDismiss } from '../use-dismiss';
import { useT } from '../use-t';


/** 变更状态: the workflow's next states (the others disabled, with the reason), date, note, who. */
export function StatusDialog({ communityId, onClose }: { communityId: string; onClose: () => void }) {
  const lang = useApp((s) => s.lang);
  const tr = useT();
  const row = useApp((s) => s.layers.communities.find((c) => c.id === communityId));
  const user = useApp((s) => s.ledgerUser);
  const setUser = useApp((s) => s.setLedgerUser);
  const change = useApp((s) => s.changeLedgerStatus);
  const from = row?.supporting_kg_status ?? null;
  const options = SUPPORTING_KG_STATUSES.map((to) => ({ to, check: checkTransition(from, to) }));
  const [to, setTo] = useState<SupportingKgStatus | ''>(options.find((o) => o.check.ok)?.to ?? '');
  const [date, setDate] = useState(todayIso());
  const [note, setNote] = useState('');
  const [name, setName] = useState(user);
  const [error, setError] = useState<PlanMessage | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  useDismiss(true, onClose, [ref]);
  if (!row) return null;
  const chosen = options.find((o) => o.to === to)?.check;
  const needNote = chosen?.ok === true && chosen.noteRequired;
  const submit = async () => {
    if (!to) return;
    if (!name.trim()) {
      setError({ key: 'ledger.nameRequired' });
      return;
    }
    if (name.trim() !== user) setUser(name);
    const res = await change(communityId, to, { note, date });
    if (res.ok) onClose();
    else setError(res.message);
  };
  return (
    <div className="modal-back">
      <div className="modal status-dialog" ref={ref} role="dialog" aria-label={tr('ledger.ui.status.dialog')} data-testid="status-dialog">
        <h3>{tr('ledger.ui.status.title', { name: row.name })}</h3>
        <p>
          {tr('ledger.ui.status.now')}
          <b>{enumLabel(lang, 'communities', 'supporting_kg_status', from) || tr('ledger.ui.status.none')}</b>
          {row.status_date ? tr('ledger.ui.status.since', { date: row.status_date }) : ''}
        </p>
        <label>
          {tr('ledger.ui.status.to')}{' '}
          <select value={to} onChange={(e) => { setTo(e.target.value as SupportingKgStatus); setError(null); }} data-testid="status-to">
            {options.map((o) => (
              <option key={o.to} value={o.to} disabled={!o.check.ok} title={o.check.ok ? '' : msgOf(lang, o.check.message)}>
                {enumLabel(lang, 'communities', 'supporting_kg_status', o.to)}
                {o.check.ok ? '' : tr('ledger.ui.status.notAllowed')}
              </option>
            ))}
          </select>
        </label>
        {chosen?.ok && chosen.message ? <p className="hint">{msgOf(lang, chosen.message)}</p> : null}
        {options.some((o) => !o.check.ok) ? (
          <details className="refusals" data-testid="status-refusals">
            <summary>{tr('ledger.ui.status.whyNot', { n: options.filter((o) => !o.check.ok).length })}</summary>
            <ul>
              {options
                .filter((o) => !o.check.ok)
                .map((o) => (
                  <li key={o.to}>{o.check.ok ? '' : tr('ledger.ui.status.refusal', { status: enumLabel(lang, 'communities', 'supporting_kg_status', o.to), reason: msgOf(lang, o.check.message) })}</li>
                ))}
            </ul>
          </details>
        ) : null}
        <label>
          {tr('ledger.ui.status.date')} <input type="date" value={date} max={todayIso()} onChange={(e) => setDate(e.target.value)} data-testid="status-date" />
        </label>
        <label className="block">
          {tr('ledger.ui.status.note')}
          {needNote ? <b className="bad">{tr('ledger.ui.status.noteRequired')}</b> : null}
          <textarea value={note} rows={2} onChange={(e) => setNote(e.target.value)} data-testid="status-note" />
        </label>
        <label>
          {tr('ledger.ui.status.by')} <input value={name} onChange={(e) => setName(e.target.value)} placeholder={tr('ledger.ui.status.byPlaceholder')} data-testid="status-user" />
        </label>
        {error ? <p className="error" role="alert" data-testid="status-error">{msgOf(lang, error)}</p> : null}
        <footer>
          <button type="button" onClick={onClose}>{tr('shell.cancel')}</button>
          <button type="button" className="primary" disabled={!to} onClick={() => void submit()} data-testid="status-ok">
            {tr('ledger.ui.ok')}
          </button>
        </footer>
      </div>
    </div>
  );
}
