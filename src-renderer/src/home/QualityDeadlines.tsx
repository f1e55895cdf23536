import { useEffect, useState } from 'react';
import { can } from '../../../src-main/domain/access/capabilities';
import type { ComplaintRow } from '../../../src-main/domain/quality/complaints';
import { COMPLAINANT_ROLE_LABELS } from '../../../src-main/domain/quality/complaints';
import type { PolicyRow } from '../../../src-main/domain/quality/policies';
import { useNav } from '../app/nav';
import { useSession } from '../app/session';
import { call } from '../shared/api/client';
import { formatDate } from '../shared/lib/dates';
import { ComplaintTag, ReviewTag } from '../quality/QualityTag';
import '../quality/records.scss';

/**
 * Home, for those who keep them: policy reviews due soon or overdue, and complaints waiting
 * for their acknowledgement (10 working days). Nothing shows for anyone else, and nothing
 * when there is nothing to chase.
 */
export function QualityDeadlines() {
  const role = useSession((s) => s.session?.user.role);
  const go = useNav((s) => s.go);
  const policiesFor = can(role, 'manage-policies');
  const complaintsFor = can(role, 'manage-complaints');
  const [reviews, setReviews] = useState<PolicyRow[]>([]);
  const [waiting, setWaiting] = useState<ComplaintRow[]>([]);

  useEffect(() => {
    let live = true;
    // A register that cannot be read is reported on its own page; Home stays usable.
    if (policiesFor) void call('listPolicies', {}).then((l) => live && setReviews(l.policies.filter((p) => p.status !== 'current')), () => undefined);
    if (complaintsFor) void call('listComplaints', {}).then((l) => live && setWaiting(l.complaints.filter((c) => c.status === 'due' || c.status === 'overdue')), () => undefined);
    return () => {
      live = false;
    };
  }, [policiesFor, complaintsFor]);

  if (reviews.length === 0 && waiting.length === 0) return null;
  return (
    <section className="cb-dash__panel cb-records-deadlines govuk-!-margin-bottom-6" aria-labelledby="quality-deadlines-title" data-testid="dash-quality">
      <h2 className="govuk-heading-m" id="quality-deadlines-title">
        Policies and complaints to chase <span className="govuk-caption-m govuk-!-display-inline">({reviews.length + waiting.length})</span>
      </h2>
      <ul className="govuk-list govuk-list--spaced">
        {reviews.map((p) => (
          <li key={p.id}>
            {p.title}: review {p.status === 'overdue' ? 'was due' : 'due'} on {formatDate(p.nextReview)} <ReviewTag status={p.status} />
          </li>
        ))}
        {waiting.map((c) => (
          <li key={c.id}>
            Complaint from {COMPLAINANT_ROLE_LABELS[c.from].toLowerCase()} received on {formatDate(c.receivedOn)}: acknowledge by {formatDate(c.acknowledgeBy)} <ComplaintTag c={c} />
          </li>
        ))}
      </ul>
      <p className="govuk-body">
        {reviews.length > 0 && (
          <button type="button" className="cb-link-button govuk-!-margin-right-4" onClick={() => go('policies')}>
            Open the policies register
          </button>
        )}
        {waiting.length > 0 && (
          <button type="button" className="cb-link-button" onClick={() => go('complaints')}>
            Open the complaints log
          </button>
        )}
      </p>
    </section>
  );
}
