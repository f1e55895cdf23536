import { useEffect, useState } from 'react';
import { ACCESS_KIND_LABELS, type CaseAccessHistory } from '../../../src-main/domain/data-protection/case-access-history';
import { call, messageOf } from '../shared/api/client';
import { DateTime } from '../shared/components/DateTime';

/**
 * A case's own access history, for administrators (issue 13): who opened it, saved or printed
 * a document from it, saved one of its files, exported it, or was refused it, newest first.
 * Opening is recorded once per person per session (and again after an hour), not every click.
 */
export function AccessHistory({ caseId }: { caseId: string }) {
  const [history, setHistory] = useState<CaseAccessHistory>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let live = true;
    call('getCaseAccessHistory', { caseId }).then(
      (h) => live && setHistory(h),
      (e: unknown) => live && setError(messageOf(e)),
    );
    return () => {
      live = false;
    };
  }, [caseId]);

  return (
    <section aria-labelledby="access-history-title">
      <h2 className="govuk-heading-m" id="access-history-title">
        Access history
      </h2>
      <p className="govuk-body">
        Who opened this case, made or printed a document from it, or exported it, from the audit trail. Opening a case is recorded once each time someone unlocks the casebook
        (and again if they come back to it an hour later).
      </p>
      {error && <p className="govuk-error-message">{error}</p>}
      {!history && !error && <p className="govuk-body" role="status">Loading the access history…</p>}
      {history && history.entries.length === 0 && <p className="govuk-body">Nobody has opened this case since it was recorded.</p>}
      {history && history.entries.length > 0 && (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">
            {history.total === history.entries.length ? `${history.total} ${history.total === 1 ? 'entry' : 'entries'}` : `The newest ${history.entries.length} of ${history.total} entries`}
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">When</th>
              <th scope="col" className="govuk-table__header">Who</th>
              <th scope="col" className="govuk-table__header">What</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {history.entries.map((e, i) => (
              <tr className="govuk-table__row" key={`${e.at}-${i}`}>
                <td className="govuk-table__cell">
                  <DateTime iso={e.at} />
                </td>
                <td className="govuk-table__cell">{e.userName}</td>
                <td className="govuk-table__cell">{ACCESS_KIND_LABELS[e.kind]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
