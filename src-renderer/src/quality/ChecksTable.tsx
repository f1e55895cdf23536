import type { ComplianceCheck } from '../../../src-main/domain/staff/compliance-schema';
import { dueText, ruleLabel, StatusTag } from './compliance-tags';
import { DataTable, type Column } from './DataTable';

const COLUMNS: Column<ComplianceCheck>[] = [
  { key: 'rule', header: 'Rule', cell: (k) => ruleLabel(k.rule) },
  { key: 'status', header: 'Status', cell: (k) => <StatusTag status={k.status} /> },
  { key: 'due', header: 'Due', className: 'cb-nowrap', cell: (k) => dueText(k.due) },
  { key: 'why', header: 'Why', cell: (k) => k.detail },
];

/** One person's checks today: each rule, its status, when it falls due and why. */
export function ChecksTable({ checks }: { checks: readonly ComplianceCheck[] }) {
  return (
    <section aria-labelledby="checks-title" data-testid="checks">
      <h2 className="govuk-heading-m" id="checks-title">
        Compliance today
      </h2>
      {checks.length === 0 ? (
        <p className="govuk-body">Nothing to check: only practitioners in post are checked against the RJC’s codes.</p>
      ) : (
        <DataTable caption="Compliance today" columns={COLUMNS} rows={checks} rowKey={(k) => k.rule} rowTestId={(k) => `check-${k.rule}`} rowHeaders />
      )}
    </section>
  );
}
