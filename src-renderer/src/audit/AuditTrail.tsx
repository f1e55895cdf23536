import { useEffect } from 'react';
import { useAudit, AUDIT_PAGE_SIZE } from './audit-state';
import { auditActionWords, auditFieldWords } from '../../../src-main/domain/casebook/audit-words';
import { auditActionLabel } from '../shared/lib/labels';
import { usePageTitle } from '../shared/hooks/usePageTitle';
import { DateTime } from '../shared/components/DateTime';
import { AuditFilters } from './AuditFilters';
import { AuditPagination } from './AuditPagination';
import { VerifyAudit } from './VerifyAudit';

/** Who did what, when, to which record: filterable, a page at a time, and verifiable. */
export function AuditTrail() {
  const h1 = usePageTitle('Audit trail');
  const { entries, total, offset, error, load, loadUsers } = useAudit();

  useEffect(() => {
    void loadUsers();
    void load();
  }, [load, loadUsers]);

  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + AUDIT_PAGE_SIZE, total);

  return (
    <>
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        Audit trail
      </h1>
      <p className="govuk-body">
        Every change is recorded here with who made it and when. The trail records which fields changed, never what
        they contained.
      </p>
      <AuditFilters />
      {error && <p className="govuk-error-message">{error}</p>}
      <p className="govuk-body" role="status" data-testid="audit-count">
        {entries ? (total === 0 ? 'No entries match.' : `Showing ${first} to ${last} of ${total} entries`) : 'Loading the audit trail…'}
      </p>
      {entries && entries.length > 0 && (
        <table className="govuk-table" data-testid="audit-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Audit entries, newest first</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">When</th>
              <th scope="col" className="govuk-table__header">Who</th>
              <th scope="col" className="govuk-table__header">What</th>
              <th scope="col" className="govuk-table__header">Record</th>
              <th scope="col" className="govuk-table__header">Fields changed</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {entries.map((e) => (
              <tr className="govuk-table__row" key={e.seq}>
                <td className="govuk-table__cell">
                  <DateTime iso={e.at} />
                </td>
                <td className="govuk-table__cell">{e.userName}</td>
                <td className="govuk-table__cell">
                  {auditActionWords(e.action)}
                </td>
                <td className="govuk-table__cell">
                  {auditActionLabel(e.entity.type)}
                  {e.entity.id && <span className="cb-code-hint">{e.entity.id}</span>}
                </td>
                <td className="govuk-table__cell">{e.fields.length ? e.fields.map(auditFieldWords).join(', ') : 'None'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <AuditPagination />
      <VerifyAudit />
    </>
  );
}
