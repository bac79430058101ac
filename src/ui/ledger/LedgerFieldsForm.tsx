import { useState } from 'react';
import { enumLabel, RESPONSIBLE_LINES, type Community, type ResponsibleLine } from '../../data/schema';
import { useApp } from '../../state/store';


/** 责任与期限 of one community: line (教育线/住建线), unit, deadline — saved as one change of the history. */
export function LedgerFieldsForm({ row }: { row: Community }) {
  const lang = useApp((s) => s.lang);
  const zh = lang === 'zh';
  const edit = useApp((s) => s.editLedgerFields);
  const [line, setLine] = useState<ResponsibleLine | ''>(row.responsible_line ?? '');
  const [unit, setUnit] = useState(row.responsible_unit ?? '');
  const [deadline, setDeadline] = useState(row.deadline ?? '');
  const [saved, setSaved] = useState<string | null>(null);
  const save = async () => {
    const changed = await edit(row.id, { responsible_line: line || null, responsible_unit: unit.trim() || null, deadline: deadline || null });
    setSaved(changed ? (zh ? '已保存并记入变更记录' : 'Saved to the history') : zh ? '没有改动' : 'No change');
  };
  return (
    <form className="ledger-fields" data-testid="ledger-fields" onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <label>
        {zh ? '责任条线' : 'Line'}{' '}
        <select value={line} onChange={(e) => setLine(e.target.value as ResponsibleLine | '')} data-testid="ledger-line">
          <option value="">—</option>
          {RESPONSIBLE_LINES.map((l) => (
            <option key={l} value={l}>{enumLabel(lang, 'communities', 'responsible_line', l)}</option>
          ))}
        </select>
      </label>
      <label>
        {zh ? '责任单位' : 'Unit'} <input value={unit} onChange={(e) => setUnit(e.target.value)} />
      </label>
      <label>
        {zh ? '办结期限' : 'Deadline'} <input type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} data-testid="ledger-deadline" />
      </label>
      <button type="submit">{zh ? '保存' : 'Save'}</button>
      {saved ? <span className="hint">{saved}</span> : null}
    </form>
  );
}
