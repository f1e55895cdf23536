import { useEffect, useState } from 'react';
import type { MyWork as Work, WorkTab } from '../../../src-main/domain/daily-work/my-work';
import { call, messageOf } from '../shared/api/client';
import { formatDate } from '../shared/lib/dates';
import { Tag } from '../shared/components/Tag';
import { openCaseAt } from './open-case-at';
import './daily-work.scss';

const TAB_NAMES: Record<WorkTab, string> = { contacts: 'Contacts', risk: 'Risk', agreement: 'Agreement' };

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
      {items.length > 0 && (
        <table className="govuk-table cb-data-table">
          <caption className="govuk-table__caption govuk-visually-hidden">My work today: overdue first, then due soon</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Task
              </th>
              <th scope="col" className="govuk-table__header">
                About
              </th>
              <th scope="col" className="govuk-table__header">
                Case
              </th>
              <th scope="col" className="govuk-table__header">
                Due
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {shown.map((w) => (
              <tr className="govuk-table__row" key={`${w.caseId}:${w.task}:${w.about ?? ''}:${w.due}`}>
                <td className="govuk-table__cell">
                  <button type="button" className="cb-link-button cb-my-work__task" onClick={() => openCaseAt(w.caseId, w.tab)}>
                    {w.task}
                    <span className="govuk-visually-hidden">
                      {' '}
                      on case {w.reference}, in {TAB_NAMES[w.tab]}
                    </span>
                  </button>
                </td>
                <td className="govuk-table__cell cb-data-table__clip" title={w.about}>
                  {w.about ?? ''}
                </td>
                <td className="govuk-table__cell cb-nowrap">
                  {w.reference}
                  {w.sensitive && <strong className="govuk-tag govuk-tag--purple cb-tag">Sensitive</strong>}
                </td>
                <td className="govuk-table__cell cb-nowrap">
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
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
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
