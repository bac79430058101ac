/**
 * Before a 台账 update file changes anything: the rows the workflow refuses (with the
 * reason, as in 变更), a note for the steps that need one, and the 小区编号 not in the
 * ledger — added only when the user ticks it.
 */
import { useState } from 'react';
import type { ImportRefusal } from '../../analysis/ledger/record';
type Lang = 'zh' | 'en';
import { msgOf } from '../messages';

export interface LedgerImportPreview {
  fileName: string;
  changed: number;
  refused: ImportRefusal[];
  unknownIds: string[];
}

const SHOW = 50;

export function LedgerImportReview({ lang, preview, onDone }: { lang: Lang; preview: LedgerImportPreview; onDone: (answer: { note: string; addUnknown: boolean } | null) => void }) {
  const zh = lang === 'zh';
  const [note, setNote] = useState('');
  const [addUnknown, setAddUnknown] = useState(false);
  const needsNote = preview.refused.some((r) => r.message.key === 'ledger.noteRequired');
  return (
    <div className="modal-back ledger-review-back">
      <div className="modal" role="dialog" aria-label={zh ? '台账导入检查' : 'Ledger import check'} data-testid="ledger-import-review">
        <header>
          <h3>{zh ? `台账导入检查：${preview.fileName}` : `Ledger import check: ${preview.fileName}`}</h3>
        </header>
        <p>
          {zh
            ? `${preview.changed} 个小区将按文件更新（空白单元格保留原值）。`
            : `${preview.changed} communities will be updated (blank cells keep their values).`}
        </p>
        {preview.refused.length > 0 ? (
          <>
            <h4>{zh ? `${preview.refused.length} 行不符合状态变更规则，不会导入：` : `${preview.refused.length} rows break the workflow rules and will not be imported:`}</h4>
            <ul className="review-list" data-testid="ledger-import-refused">
              {preview.refused.slice(0, SHOW).map((r) => (
                <li key={`${r.row}-${r.id}`}>{msgOf(lang, { key: 'ledger.import.refused', values: { row: r.row, id: r.id, reason: msgOf(lang, r.message) } })}</li>
              ))}
              {preview.refused.length > SHOW ? <li>{zh ? `……另有 ${preview.refused.length - SHOW} 行` : `… ${preview.refused.length - SHOW} more`}</li> : null}
            </ul>
          </>
        ) : null}
        {needsNote ? (
          <label className="review-note">
            {zh ? '变更说明（跳级、缓建、挪作他用、整改等需要说明的行将使用此说明导入）：' : 'Note (rows whose step needs a note are imported with it):'}
            <input value={note} onChange={(e) => setNote(e.target.value)} data-testid="ledger-import-note" placeholder={zh ? '原因、依据或文号' : 'Reason, basis or document no.'} />
          </label>
        ) : null}
        {preview.unknownIds.length > 0 ? (
          <>
            <h4>{zh ? `${preview.unknownIds.length} 个小区编号不在台账中：` : `${preview.unknownIds.length} IDs are not in the ledger:`}</h4>
            <p className="review-ids" data-testid="ledger-import-unknown">
              {preview.unknownIds.slice(0, SHOW).join('、')}
              {preview.unknownIds.length > SHOW ? (zh ? ` 等 ${preview.unknownIds.length} 个` : ` and ${preview.unknownIds.length - SHOW} more`) : ''}
            </p>
            <label>
              <input type="checkbox" checked={addUnknown} onChange={(e) => setAddUnknown(e.target.checked)} data-testid="ledger-import-add-unknown" />
              {zh ? '作为新小区添加到台账' : 'Add them to the ledger as new communities'}
            </label>
          </>
        ) : null}
        <footer>
          <button type="button" onClick={() => onDone(null)} data-testid="ledger-import-cancel">
            {zh ? '取消（不导入）' : 'Cancel'}
          </button>
          <button type="button" className="primary" onClick={() => onDone({ note, addUnknown })} data-testid="ledger-import-confirm">
            {zh ? '导入' : 'Import'}
          </button>
        </footer>
      </div>
    </div>
  );
}
