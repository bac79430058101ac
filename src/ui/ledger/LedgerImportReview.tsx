/**
 * Before a 台账 update file changes anything: the rows the workflow refuses (with the
 * reason, as in 变更), a note for the steps that need one, and the 小区编号 not in the
 * ledger — added only when the user ticks it.
 */
import { useState } from 'react';
import type { ImportRefusal } from '../../analysis/ledger/record';
import { msg, type Lang, type MessageKey, type MessageValues } from '../../i18n';
import { msgOf } from '../messages';

export interface LedgerImportPreview {
  fileName: string;
  changed: number;
  refused: ImportRefusal[];
  unknownIds: string[];
}

const SHOW = 50;

export function LedgerImportReview({ lang, preview, onDone }: { lang: Lang; preview: LedgerImportPreview; onDone: (answer: { note: string; addUnknown: boolean } | null) => void }) {
  const tr = (key: MessageKey, values?: MessageValues) => msg(lang, key, values);
  const [note, setNote] = useState('');
  const [addUnknown, setAddUnknown] = useState(false);
  const needsNote = preview.refused.some((r) => r.message.key === 'ledger.noteRequired');
  return (
    <div className="modal-back ledger-review-back">
      <div className="modal" role="dialog" aria-label={tr('ledger.ui.review.dialog')} data-testid="ledger-import-review">
        <header>
          <h3>{tr('ledger.ui.review.title', { file: preview.fileName })}</h3>
        </header>
        <p>{tr('ledger.ui.review.changed', { n: preview.changed })}</p>
        {preview.refused.length > 0 ? (
          <>
            <h4>{tr('ledger.ui.review.refused', { n: preview.refused.length })}</h4>
            <ul className="review-list" data-testid="ledger-import-refused">
              {preview.refused.slice(0, SHOW).map((r) => (
                <li key={`${r.row}-${r.id}`}>{msgOf(lang, { key: 'ledger.import.refused', values: { row: r.row, id: r.id, reason: msgOf(lang, r.message) } })}</li>
              ))}
              {preview.refused.length > SHOW ? <li>{tr('ledger.ui.review.moreRows', { n: preview.refused.length - SHOW })}</li> : null}
            </ul>
          </>
        ) : null}
        {needsNote ? (
          <label className="review-note">
            {tr('ledger.ui.review.note')}
            <input value={note} onChange={(e) => setNote(e.target.value)} data-testid="ledger-import-note" placeholder={tr('ledger.ui.review.notePlaceholder')} />
          </label>
        ) : null}
        {preview.unknownIds.length > 0 ? (
          <>
            <h4>{tr('ledger.ui.review.unknown', { n: preview.unknownIds.length })}</h4>
            <p className="review-ids" data-testid="ledger-import-unknown">
              {preview.unknownIds.slice(0, SHOW).join(tr('ledger.ui.listSep'))}
              {preview.unknownIds.length > SHOW ? tr('ledger.ui.review.unknownMore', { total: preview.unknownIds.length }) : ''}
            </p>
            <label>
              <input type="checkbox" checked={addUnknown} onChange={(e) => setAddUnknown(e.target.checked)} data-testid="ledger-import-add-unknown" />
              {tr('ledger.ui.review.addUnknown')}
            </label>
          </>
        ) : null}
        <footer>
          <button type="button" onClick={() => onDone(null)} data-testid="ledger-import-cancel">
            {tr('ledger.ui.review.cancel')}
          </button>
          <button type="button" className="primary" onClick={() => onDone({ note, addUnknown })} data-testid="ledger-import-confirm">
            {tr('ledger.ui.review.import')}
          </button>
        </footer>
      </div>
    </div>
  );
}
