import { COMPLIANCE_RULES, type ServiceCompliance, type StaffCompliance } from '../../../src-main/domain/staff/compliance-schema';
import { PRACTITIONER_LEVEL_LABELS } from '../../../src-main/domain/staff/staff';
import { ruleLabel, shortDueText, StatusTag } from './compliance-tags';
import { DataTable, type Column } from './DataTable';

/** Practitioners down, rules across: each cell the status and the day it falls due. The name opens their record. */
export function ComplianceTable({ c, onOpen }: { c: ServiceCompliance; onOpen(staffId: string): void }) {
  if (c.staff.length === 0) return <p className="govuk-body">No practitioners are in post on this day.</p>;
  const columns: Column<StaffCompliance>[] = [
    {
      key: 'name',
      header: 'Practitioner',
      cell: (s) => (
        <>
          <button type="button" className="cb-link-button" onClick={() => onOpen(s.staffId)}>
            {s.name}
          </button>
          <span className="cb-quality-muted cb-quality-table__level">{s.level ? PRACTITIONER_LEVEL_LABELS[s.level] : 'No level'}</span>
        </>
      ),
    },
    ...COMPLIANCE_RULES.map((r) => ({
      key: r,
      header: ruleLabel(r),
      cell: (s: StaffCompliance) => {
        const k = s.checks.find((x) => x.rule === r);
        if (!k) return <span className="cb-quality-muted">Not checked</span>;
        return (
          <>
            <StatusTag status={k.status} />
            {k.due && <span className="cb-quality-muted cb-quality-table__due">{shortDueText(k.due)}</span>}
          </>
        );
      },
    })),
  ];
  return (
    // Focusable, so a keyboard can scroll it when the window is too narrow for every rule.
    <div className="cb-quality-table-wrap" role="region" aria-labelledby="compliance-table-caption" tabIndex={0}>
      <DataTable caption="Practitioners against each rule" captionId="compliance-table-caption" captionShown columns={columns} rows={c.staff} rowKey={(s) => s.staffId} rowHeaders className="cb-quality-table" testId="compliance-table" />
    </div>
  );
}
