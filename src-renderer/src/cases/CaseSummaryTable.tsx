import type { CaseSummary } from '../../../src-main/domain/cases/case';
import { EXIT_LABELS, STAGE_LABELS } from '../shared/lib/labels';
import { formatDate } from '../shared/lib/dates';
import { DateTime } from '../shared/components/DateTime';

/**
 * A short list of cases (the dashboard's panels): reference (opens the case), people, stage,
 * and either the next due date or when the case last changed.
 */
export function CaseSummaryTable({
  caption,
  rows,
  show,
  today,
  onOpen,
  testId,
}: {
  caption: string;
  rows: CaseSummary[];
  show: 'due' | 'changed';
  today: string;
  onOpen(id: string): void;
  testId?: string;
}) {
  return (
    <table className="govuk-table cb-data-table" data-testid={testId}>
      <caption className="govuk-table__caption govuk-visually-hidden">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Reference
          </th>
          <th scope="col" className="govuk-table__header">
            People
          </th>
          <th scope="col" className="govuk-table__header">
            Stage
          </th>
          <th scope="col" className="govuk-table__header">
            {show === 'due' ? 'Due' : 'Changed'}
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((r) => (
          <tr className="govuk-table__row" key={r.id}>
            <td className="govuk-table__cell cb-nowrap">
              <button type="button" className="cb-link-button cb-nowrap" onClick={() => onOpen(r.id)}>
                {r.reference}
              </button>
              {r.sensitive && <strong className="govuk-tag govuk-tag--purple cb-tag">Sensitive</strong>}
            </td>
            <td className="govuk-table__cell">{r.names.join(', ')}</td>
            <td className="govuk-table__cell">{r.exit ? `Ended: ${EXIT_LABELS[r.exit]}` : STAGE_LABELS[r.stage]}</td>
            <td className="govuk-table__cell">
              {show === 'changed' ? (
                <DateTime iso={r.updatedAt} />
              ) : r.nextDue ? (
                <span className="cb-nowrap">
                  {formatDate(r.nextDue)}
                  {r.nextDue < today && <strong className="govuk-tag govuk-tag--red cb-tag">Overdue</strong>}
                </span>
              ) : (
                'None'
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
