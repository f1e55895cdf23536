import type { CaseSummary } from '../../../src-main/domain/cases/case';
import { EXIT_LABELS, STAGE_LABELS } from '../shared/lib/labels';
import { formatDate } from '../shared/lib/dates';
import { DateTime } from '../shared/components/DateTime';
import { CompactTable, SensitiveTag, type CompactColumn } from '../shared/components/CompactTable';
import { Tag } from '../shared/components/Tag';

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
  const columns: CompactColumn<CaseSummary>[] = [
    {
      header: 'Reference',
      kind: 'nowrap',
      cell: (r) => (
        <>
          <button type="button" className="cb-link-button cb-nowrap" onClick={() => onOpen(r.id)}>
            {r.reference}
          </button>
          <SensitiveTag sensitive={r.sensitive} />
        </>
      ),
    },
    { header: 'People', cell: (r) => r.names.join(', ') },
    { header: 'Stage', cell: (r) => (r.exit ? `Ended: ${EXIT_LABELS[r.exit]}` : STAGE_LABELS[r.stage]) },
    {
      header: show === 'due' ? 'Due' : 'Changed',
      cell: (r) =>
        show === 'changed' ? (
          <DateTime iso={r.updatedAt} />
        ) : r.nextDue ? (
          <span className="cb-nowrap">
            {formatDate(r.nextDue)}
            {r.nextDue < today && (
              <Tag colour="red" className="cb-tag">
                Overdue
              </Tag>
            )}
          </span>
        ) : (
          'None'
        ),
    },
  ];
  return <CompactTable caption={caption} columns={columns} rows={rows} rowKey={(r) => r.id} {...(testId ? { testId } : {})} />;
}
