import { useEffect } from 'react';
import { displayName, type Case } from '../../../src-main/domain/case';
import { useCases } from '../state/cases';
import { useNav } from '../state/nav';
import { useSession } from '../state/session';
import { EXIT_LABELS, STAGE_LABELS, participantRoleLabel } from '../lib/labels';
import { formatDate, formatDateTime } from '../lib/dates';
import { usePageTitle } from '../hooks/usePageTitle';
import { BackLink } from '../components/BackLink';

/** One case, read-only for now: referral, people, and what has happened so far. */
export function CaseView() {
  const caseId = useNav((s) => s.caseId);
  const go = useNav((s) => s.go);
  const { current, error, open } = useCases();
  const h1 = usePageTitle(current ? `Case ${current.reference}` : 'Case');

  useEffect(() => {
    if (caseId) void open(caseId);
  }, [caseId, open]);

  return (
    <>
      <BackLink onClick={() => go('cases')}>Back to cases</BackLink>
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        {current ? `Case ${current.reference}` : 'Case'}
      </h1>
      {error && <p className="govuk-error-message">{error}</p>}
      {!current && !error && <p className="govuk-body" role="status">Opening the case…</p>}
      {current && <CaseDetails c={current} />}
    </>
  );
}

function Row({ label, value }: { label: string; value?: string }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{value || 'Not recorded'}</dd>
    </div>
  );
}

function CaseDetails({ c }: { c: Case }) {
  const labels = useSession((s) => s.session?.settings.roleLabels) ?? { harmed: 'Person harmed', responsible: 'Person responsible' };
  const r = c.referral;
  return (
    <>
      <dl className="govuk-summary-list">
        <Row label="Stage" value={c.exit ? `Ended: ${EXIT_LABELS[c.exit.kind]}` : STAGE_LABELS[c.stage]} />
        {c.exit && <Row label="Why it ended" value={`${c.exit.reason} (${formatDate(c.exit.on)})`} />}
        <Row label="Referral received" value={formatDate(r.receivedOn)} />
        <Row label="Referred by" value={[r.source, r.referrerName, r.referrerOrganisation].filter(Boolean).join(', ')} />
        <Row label="Offence" value={r.offenceCategory} />
        <Row label="What happened" value={r.offenceDescription} />
        {r.offenceDate && <Row label="Date of offence" value={formatDate(r.offenceDate)} />}
        <Row label="Lead facilitator" value={c.leadFacilitator} />
        <Row label="Last changed" value={formatDateTime(c.updatedAt)} />
      </dl>
      <h2 className="govuk-heading-m">People</h2>
      {c.participants.length === 0 ? (
        <p className="govuk-body">Nobody has been added to this case yet.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">People in this case</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Name</th>
              <th scope="col" className="govuk-table__header">Role in the case</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {c.participants.map((p) => (
              <tr className="govuk-table__row" key={p.id}>
                <td className="govuk-table__cell">{displayName(p.person)}</td>
                <td className="govuk-table__cell">{participantRoleLabel(p.role, labels)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 className="govuk-heading-m">What has happened</h2>
      {c.timeline.length === 0 ? (
        <p className="govuk-body">Nothing recorded yet.</p>
      ) : (
        <ol className="govuk-list">
          {c.timeline.map((t, i) => (
            <li key={`${t.at}-${i}`} className="govuk-!-margin-bottom-4">
              <strong>{formatDateTime(t.at)}</strong>, {t.by}
              <br />
              {t.text}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
