/** Step 4: the problems found (file, row, column, message; first 200) and what to do about them. */
import type { ImportResult } from '../../data/import/build-import';
import { columnText } from '../../data/issues';
import { render, type Lang } from '../../i18n';
import type { Tr } from './import-text';

export interface IssuesStepProps {
  result: ImportResult;
  lang: Lang;
  tr: Tr;
}

/** Counts and the first 200 issues (file, 第N行, column, message), errors and warnings coloured. */
export function IssuesStep({ result, lang, tr }: IssuesStepProps) {
  const list = result.issues.slice(0, 200);
  return (
    <div className="imp-issues">
      <p className="imp-summary">
        {tr('import.ui.issueSummary', { valid: result.rows.length, total: result.totalRows, rejected: result.rejectedCount, errors: result.errorCount, warnings: result.warningCount })}
      </p>
      {list.length === 0 ? (
        <p className="imp-ok">{tr('import.ui.noIssues')}</p>
      ) : (
        <div className="imp-scroll">
          <table className="imp-table">
            <thead>
              <tr>
                <th>{tr('import.ui.file')}</th>
                <th>{tr('import.ui.row')}</th>
                <th>{tr('import.ui.column')}</th>
                <th>{tr('import.ui.message')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((is, i) => (
                <tr key={i} className={is.severity === 'error' ? 'imp-error' : 'imp-warning'}>
                  <td>{is.file}</td>
                  <td>{is.row > 0 ? tr('import.ui.rowOf', { row: is.row }) : ''}</td>
                  <td>{columnText(lang, is.column)}</td>
                  <td>{render(lang, is.message)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {result.issues.length > 200 && <p className="imp-note">{tr('import.ui.shownFirst')}</p>}
        </div>
      )}
    </div>
  );
}
