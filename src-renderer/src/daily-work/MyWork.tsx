import { useEffect, useState } from 'react';
import type { MyWork as Work, WorkItem, WorkTab } from '../../../src-main/domain/daily-work/my-work';
import { call, messageOf } from '../shared/api/client';
import { formatDate } from '../shared/lib/dates';
import { Tag } from '../shared/components/Tag';
import { CompactTable, SensitiveTag, type CompactColumn } from '../shared/components/CompactTable';
import { openCaseAt } from './open-case-at';
import './daily-work.scss';

const TAB_NAMES: Record<WorkTab, string> = { contacts: 'Contacts', risk: 'Risk', agreement: 'Agreement' };

const COLUMNS: CompactColumn<WorkItem>[] = [
  {
    header: 'Task',
    cell: (w) => (
      <button type="button" className="cb-link-button cb-my-work__task" onClick={() => openCaseAt(w.caseId, w.tab)}>
        {w.task}
        <span className="govuk-visually-hidden">
          {' '}
          on case {w.reference}, in {TAB_NAMES[w.tab]}
        </span>
      </button>
    ),
  },
  { header: 'About', kind: 'clip', cell: (w) => w.about ?? '', title: (w) => w.about },
  {
    header: 'Case',
    kind: 'nowrap',
    cell: (w) => (
      <>
        {w.reference}
        <SensitiveTag sensitive={w.sensitive} />
      </>
    ),
  },
  {
    header: 'Due',
    kind: 'nowrap',
    cell: (w) => (
      <>
        {formatDate(w.due)}{' '}
        {w.status === 'overdue' ? (
          <Tag colour="red" className="cb-tag">
            Overdue
          </Tag>
        ) : (
          <Tag colour="yellow" className="cb-tag">
            Due soon
          </Tag>
        )}
      </>
    ),
  },
];

/** Rows shown before "Show all". */
const FIRST = 15;

/**
 * Home's first panel: the signed-in person's overdue and due-soon work on their own cases,
 * each naming the deadline, and each a link straight to the section of the case that clears it.
 */
export function MyWork() {
  const [work, setWork] = useState<Work>();
  const [error, setError] = useState<string>();
  const [all, setAll] = useState(false);
  useEffect(() => {
    let live = true;
    call('getMyWork')
      .then((w) => live && setWork(w))
      .catch((e: unknown) => live && setError(messageOf(e)));
    return () => {
      live = false;
    };
  }, []);
  // A login with no staff record has no cases of its own: the panel would only ever be empty.
  if (work && !work.onStaffList) return null;
  const items = work?.items ?? [];
  const overdue = items.filter((i) => i.status === 'overdue').length;
  const shown = all ? items : items.slice(0, FIRST);
  return (
    <section className="cb-dash__panel cb-my-work" aria-labelledby="my-work-title" data-testid="my-work">
      <h2 className="govuk-heading-m" id="my-work-title">
        My work today{' '}
        {work && (
          <span className="govuk-caption-m govuk-!-display-inline">
            ({overdue} overdue, {items.length - overdue} due by {formatDate(work.dueSoonUntil)})
          </span>
        )}
      </h2>
      {error && <p className="govuk-error-message">{error}</p>}
      {!work && !error && (
        <p className="govuk-body" role="status">
          Looking at your cases…
        </p>
      )}
      {work && items.length === 0 && <p className="govuk-body">Nothing on your cases is overdue or due in the next few working days.</p>}
      {items.length > 0 && <CompactTable caption="My work today: overdue first, then due soon" columns={COLUMNS} rows={shown} rowKey={(w) => `${w.caseId}:${w.task}:${w.about ?? ''}:${w.due}`} />}
      {items.length > FIRST && (
        <p className="govuk-body">
          <button type="button" className="cb-link-button" aria-expanded={all} onClick={() => setAll(!all)}>
            {all ? `Show the first ${FIRST}` : `Show all ${items.length} tasks`}
          </button>
        </p>
      )}
    </section>
  );
}
