import { useEffect, useState } from 'react';
import { can } from '../../../../src-main/domain/access/capabilities';
import type { SubjectAccessRow } from '../../../../src-main/domain/data-protection/subject-access/register';
import { useNav } from '../../app/nav';
import { useSession } from '../../app/session';
import { call } from '../../shared/api/client';
import { formatDate } from '../../shared/lib/dates';
import { SubjectAccessTag } from './SubjectAccessTag';

/**
 * Home, for those who answer them: subject access requests overdue or due within a week, by
 * number and date — never the name, as Home is the screen most often left open. Nothing shows
 * for anyone else, nor when nothing is due.
 */
export function SubjectAccessDue() {
  const role = useSession((s) => s.session?.user.role);
  const go = useNav((s) => s.go);
  const mine = can(role, 'manage-subject-access');
  const [due, setDue] = useState<SubjectAccessRow[]>([]);
  useEffect(() => {
    let live = true;
    // A register that cannot be read is reported on its own page; Home stays usable.
    if (mine) void call('listSubjectAccessRequests', {}).then((l) => live && setDue(l.requests.filter((r) => r.status === 'overdue' || r.status === 'due-soon')), () => undefined);
    return () => {
      live = false;
    };
  }, [mine]);
  if (due.length === 0) return null;
  return (
    <section className="cb-dash__panel govuk-!-margin-bottom-6" aria-labelledby="sar-due-title" data-testid="dash-subject-access">
      <h2 className="govuk-heading-m" id="sar-due-title">
        Subject access requests to answer <span className="govuk-caption-m govuk-!-display-inline">({due.length})</span>
      </h2>
      <ul className="govuk-list govuk-list--spaced">
        {due.map((r) => (
          <li key={r.id}>
            Subject access request {r.number} {r.status === 'overdue' ? 'was due' : 'due'} {formatDate(r.due ?? r.receivedOn)} <SubjectAccessTag r={r} />
          </li>
        ))}
      </ul>
      <p className="govuk-body">
        <button type="button" className="cb-link-button" onClick={() => go('subject-access')}>
          Open the subject access register
        </button>
      </p>
    </section>
  );
}
