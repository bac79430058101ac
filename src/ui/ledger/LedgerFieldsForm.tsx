import { useState } from 'react';
import { enumLabel, RESPONSIBLE_LINES, type Community, type ResponsibleLine } from '../../data/schema';
import type { MessageKey } from '../../i18n';
import { useApp } from '../../state/store';
import { useT } from '../use-t';


/** 责任与期限 of one community: line (教育线/住建线), unit, deadline — saved as one change of the history. */
export function LedgerFieldsForm({ row }: { row: Community }) {
  const lang = useApp((s) => s.lang);
  const tr = useT();
  const edit = useApp((s) => s.editLedgerFields);
  const [line, setLine] = useState<ResponsibleLine | ''>(row.responsible_line ?? '');
  const [unit, setUnit] = useState(row.responsible_unit ?? '');
  const [deadline, setDeadline] = useState(row.deadline ?? '');
  const [saved, setSaved] = useState<MessageKey | null>(null);
  const save = async () => {
    const changed = await edit(row.id, { responsible_line: line || null, responsible_unit: unit.trim() || null, deadline: deadline || null });
    setSaved(changed ? 'ledger.ui.fields.saved' : 'ledger.ui.fields.noChange');
  };
  return (
    <form className="ledger-fields" data-testid="ledger-fields" onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <label>
        {tr('ledger.ui.fields.line')}{' '}
        <select value={line} onChange={(e) => setLine(e.target.value as ResponsibleLine | '')} data-testid="ledger-line">
          <option value="">—</option>
          {RESPONSIBLE_LINES.map((l) => (
            <option key={l} value={l}>{enumLabel(lang, 'communities', 'responsible_line', l)}</option>
          ))}
        </select>
      </label>
      <label>
        {tr('ledger.ui.fields.unit')} <input value={unit} onChange={(e) => setUnit(e.target.value)} />
      </label>
      <label>
        {tr('ledger.ui.fields.deadline')} <input type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} data-testid="ledger-deadline" />
      </label>
      <button type="submit">{tr('ledger.ui.fields.save')}</button>
      {saved ? <span className="hint">{tr(saved)}</span> : null}
    </form>
  );
}
