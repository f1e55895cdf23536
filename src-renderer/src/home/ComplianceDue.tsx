import { useEffect, useState } from 'react';
import { can } from '../../../src-main/domain/access/capabilities';
import type { ServiceCompliance } from '../../../src-main/domain/staff/compliance-schema';
import { call, messageOf } from '../shared/api/client';
import { formatDate } from '../shared/lib/dates';
import { useSession } from '../app/session';
import { chasing, ruleLabel, type Chase } from '../quality/compliance-tags';
import { DataTable, type Column } from '../quality/DataTable';
import { useQuality } from '../quality/quality-state';

/** Rows shown before "see them all on the Quality page". */
const ROWS = 8;

/**
 * Home for coordinators, quality leads and administrators ('read-all-compliance'): the staff
 * checks that are overdue today (supervision, observed practice, registration…), each naming
 * the person, the rule and since when, and opening their register record.
 */
export function ComplianceDue() {
  const role = useSession((s) => s.session?.user.role);
  const oversees = can(role, 'read-all-compliance');
  const openRecord = useQuality((s) => s.openRecord);
  const [compliance, setCompliance] = useState<ServiceCompliance>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (!oversees) return;
    let live = true;
    call('getCompliance', {})
      .then((c) => live && setCompliance(c))
      .catch((e: unknown) => live && setError(messageOf(e)));
    return () => {
      live = false;
    };
  }, [oversees]);
  if (!oversees) return null;
  const overdue = compliance ? chasing(compliance, ['overdue']) : [];
  const columns: Column<Chase>[] = [
    {
      key: 'name',
      header: 'Name',
      cell: (k) => (
        <button type="button" className="cb-link-button" onClick={() => openRecord(k.staffId)}>
          {k.name}
        </button>
      ),
    },
    { key: 'rule', header: 'Rule', cell: (k) => ruleLabel(k.rule) },
    { key: 'since', header: 'Overdue since', className: 'cb-nowrap', cell: (k) => (k.due ? formatDate(k.due) : 'Not recorded') },
  ];
  return (
    <section className="cb-dash__panel govuk-!-margin-bottom-6" aria-labelledby="compliance-due-title" data-testid="dash-compliance-due">
      <h2 className="govuk-heading-m" id="compliance-due-title">
        Staff compliance overdue {compliance && <span className="govuk-caption-m govuk-!-display-inline">({overdue.length})</span>}
      </h2>
      {error && <p className="govuk-error-message">{error}</p>}
      {compliance && overdue.length === 0 && <p className="govuk-body">No staff checks are overdue.</p>}
      {overdue.length > 0 && (
        <DataTable caption="Staff compliance overdue" columns={columns} rows={overdue.slice(0, ROWS)} rowKey={(k) => `${k.staffId}-${k.rule}`} />
      )}
      {overdue.length > ROWS && <p className="govuk-body govuk-hint">And {overdue.length - ROWS} more on the Quality page.</p>}
    </section>
  );
}
