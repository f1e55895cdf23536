import { useAudit, AUDIT_PAGE_SIZE } from './audit-state';

/** GOV.UK pagination, with buttons because pages are fetched, not navigated to. */
export function AuditPagination() {
  const { total, offset, filter, load } = useAudit();
  if (total <= AUDIT_PAGE_SIZE) return null;
  const page = Math.floor(offset / AUDIT_PAGE_SIZE) + 1;
  const pages = Math.ceil(total / AUDIT_PAGE_SIZE);
  const hasPrev = offset > 0;
  const hasNext = offset + AUDIT_PAGE_SIZE < total;
  return (
    <nav className="govuk-pagination" aria-label="Audit trail pages">
      {hasPrev && (
        <div className="govuk-pagination__prev">
          <button type="button" className="cb-link-button govuk-pagination__link" onClick={() => void load(filter, offset - AUDIT_PAGE_SIZE)}>
            <span className="govuk-pagination__link-title">
              Previous<span className="govuk-visually-hidden"> page</span>
            </span>
          </button>
        </div>
      )}
      <p className="govuk-body govuk-!-margin-0 govuk-!-padding-2">
        Page {page} of {pages}
      </p>
      {hasNext && (
        <div className="govuk-pagination__next">
          <button type="button" className="cb-link-button govuk-pagination__link" onClick={() => void load(filter, offset + AUDIT_PAGE_SIZE)}>
            <span className="govuk-pagination__link-title">
              Next<span className="govuk-visually-hidden"> page</span>
            </span>
          </button>
        </div>
      )}
    </nav>
  );
}
