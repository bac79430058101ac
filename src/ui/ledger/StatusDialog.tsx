import { useRef, useState } from 'react';
import { checkTransition } from '../../analysis/ledger/workflow';
import type { PlanMessage } from '../../analysis/plan/plan-types';
import { enumLabel, SUPPORTING_KG_STATUSES, type SupportingKgStatus } from '../../data/schema';
import { todayIso } from '../../state/analysis-slice';
import { useApp } from '../../state/store';
import { msgOf } from '../messages';
import { useDismiss } from '../use-dismiss';


/** 变更状态: the workflow's next states (the others disabled, with the reason), date, note, who. */
export function StatusDialog({ communityId, onClose }: { communityId: string; onClose: () => void }) {
  const lang = useApp((s) => s.lang);
  const zh = lang === 'zh';
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
      <div className="modal status-dialog" ref={ref} role="dialog" aria-label={zh ? '变更配套园状态' : 'Change status'} data-testid="status-dialog">
        <h3>
          {zh ? '变更配套园状态：' : 'Change status: '}
          {row.name}
        </h3>
        <p>
          {zh ? '当前状态：' : 'Now: '}
          <b>{enumLabel(lang, 'communities', 'supporting_kg_status', from) || (zh ? '未登记' : 'none')}</b>
          {row.status_date ? `（${row.status_date}）` : ''}
        </p>
        <label>
          {zh ? '改为' : 'To'}{' '}
          <select value={to} onChange={(e) => { setTo(e.target.value as SupportingKgStatus); setError(null); }} data-testid="status-to">
            {options.map((o) => (
              <option key={o.to} value={o.to} disabled={!o.check.ok} title={o.check.ok ? '' : msgOf(lang, o.check.message)}>
                {enumLabel(lang, 'communities', 'supporting_kg_status', o.to)}
                {o.check.ok ? '' : zh ? '（不可）' : ' (not allowed)'}
              </option>
            ))}
          </select>
        </label>
        {chosen?.ok && chosen.message ? <p className="hint">{msgOf(lang, chosen.message)}</p> : null}
        {options.some((o) => !o.check.ok) ? (
          <details className="refusals" data-testid="status-refusals">
            <summary>{zh ? `为什么有 ${options.filter((o) => !o.check.ok).length} 个状态不可选` : `Why ${options.filter((o) => !o.check.ok).length} states are not allowed`}</summary>
            <ul>
              {options
                .filter((o) => !o.check.ok)
                .map((o) => (
                  <li key={o.to}>
                    <b>{enumLabel(lang, 'communities', 'supporting_kg_status', o.to)}</b>：{o.check.ok ? '' : msgOf(lang, o.check.message)}
                  </li>
                ))}
            </ul>
          </details>
        ) : null}
        <label>
          {zh ? '变更日期' : 'Date'} <input type="date" value={date} max={todayIso()} onChange={(e) => setDate(e.target.value)} data-testid="status-date" />
        </label>
        <label className="block">
          {zh ? '备注' : 'Note'}
          {needNote ? <b className="bad">{zh ? '（必填：原因、依据或文号）' : ' (required)'}</b> : null}
          <textarea value={note} rows={2} onChange={(e) => setNote(e.target.value)} data-testid="status-note" />
        </label>
        <label>
          {zh ? '记录人' : 'Recorded by'} <input value={name} onChange={(e) => setName(e.target.value)} placeholder={zh ? '姓名（本浏览器只需填写一次）' : 'your name'} data-testid="status-user" />
        </label>
        {error ? <p className="error" role="alert" data-testid="status-error">{msgOf(lang, error)}</p> : null}
        <footer>
          <button type="button" onClick={onClose}>{zh ? '取消' : 'Cancel'}</button>
          <button type="button" className="primary" disabled={!to} onClick={() => void submit()} data-testid="status-ok">
            {zh ? '确定' : 'OK'}
          </button>
        </footer>
      </div>
    </div>
  );
}
