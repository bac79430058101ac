/** Step 4: the problems found (file, row, column, message; first 200) and what to do about them. */
import type { ImportResult } from '../../data/import/build-import';
import type { ImportText } from './import-text';

export interface IssuesStepProps {
  result: ImportResult;
  t: ImportText;
}

/** Counts and the first 200 issues (file, 第N行, column, message), errors and warnings coloured. */
export function IssuesStep({ result, t }: IssuesStepProps) {
  const list = result.issues.slice(0, 200);
  return (
    <div className="imp-issues">
      <p className="imp-summary">
        {t.valid} {result.rows.length} / {result.totalRows}，{t.rejected} {result.rejectedCount}，{t.errors} {result.errorCount}，{t.warnings}{' '}
        {result.warningCount}
      </p>
      {list.length === 0 ? (
        <p className="imp-ok">{t.noIssues}</p>
      ) : (
        <div className="imp-scroll">
          <table className="imp-table">
            <thead>
              <tr>
                <th>{t.file}</th>
                <th>{t.row}</th>
                <th>{t.column}</th>
                <th>{t.message}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((is, i) => (
                <tr key={i} className={is.severity === 'error' ? 'imp-error' : 'imp-warning'}>
                  <td>{is.file}</td>
                  <td>{is.row > 0 ? t.rowOf(is.row) : ''}</td>
                  <td>{is.column}</td>
                  <td>{is.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {result.issues.length > 200 && <p className="imp-note">{t.shownFirst}</p>}
        </div>
      )}
    </div>
  );
}
