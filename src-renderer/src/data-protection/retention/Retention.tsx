import { useCallback, useEffect, useState } from 'react';
import { can } from '../../../../src-main/domain/access/capabilities';
import type { RetentionResult, RetentionReview } from '../../../../src-main/domain/data-protection/retention/contract';
import { useSession } from '../../app/session';
import { call, messageOf } from '../../shared/api/client';
import { ActionError } from '../../shared/components/ActionError';
import { Banner } from '../../shared/components/Banner';
import { usePageTitle } from '../../shared/hooks/usePageTitle';
import { formatDate } from '../../shared/lib/dates';
import { PendingProposals } from './PendingProposals';
import { RetentionActionForm } from './RetentionActionForm';

type Item = RetentionReview['items'][number];

const since = (days: number) => (days === 0 ? 'today' : days === 1 ? '1 day ago' : `${days} days ago`);

/**
 * The retention review (issue 13): what is due under the schedule in
 * templates/data-protection/retention.yaml and why, what someone has proposed, and what was
 * anonymised or deleted. Each action says afterwards exactly what happened, backups included.
 */
export function Retention() {
  const h1 = usePageTitle('Retention');
  const session = useSession((s) => s.session);
  const mayAct = session !== undefined && can(session.user.role, 'apply-retention') && !session.readOnly;
  const [review, setReview] = useState<RetentionReview>();
  const [problem, setProblem] = useState<string>();
  const [chosen, setChosen] = useState<Item>();
  const [result, setResult] = useState<RetentionResult>();

  const load = useCallback(async () => {
    try {
      setReview(await call('reviewRetention', {}));
    } catch (e) {
      setProblem(messageOf(e));
    }
  }, []);
  useEffect(() => void load(), [load]);

  const done = (r: RetentionResult) => {
    setResult(r);
    setChosen(undefined);
    void load();
  };

  return (
    <>
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        Retention
      </h1>
      <p className="govuk-body">
        Records are kept for the periods in the service’s retention schedule. Those whose period has passed are listed here with the rule and why. Nothing is anonymised or deleted until someone
        chooses to{review?.approvalNeeded ? ', and a second person approves it' : ''}.
      </p>
      {result && (
        <Banner title={result.outcome === 'applied' ? 'Done' : result.outcome === 'proposed' ? 'Proposed' : 'Refused'} success>
          <p className="govuk-body" data-testid="retention-result">
            {result.message}
          </p>
        </Banner>
      )}
      <ActionError message={problem} />
      {review && (
        <>
          <h2 className="govuk-heading-m">Waiting for approval</h2>
          {mayAct ? <PendingProposals pending={review.pending} onDone={done} /> : <p className="govuk-body">{review.pending.length} waiting.</p>}

          <h2 className="govuk-heading-m">Due for review on {formatDate(review.at)}</h2>
          {review.items.length === 0 ? (
            <p className="govuk-body">Nothing is due.</p>
          ) : (
            <table className="govuk-table" data-testid="retention-due">
              <caption className="govuk-table__caption govuk-table__caption--s">
                {review.items.length === 1 ? '1 record past its retention period' : `${review.items.length} records past their retention period`}
              </caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  {['Record', 'Rule', 'Due since', 'Why', ''].map((h, i) => (
                    <th key={h || i} scope="col" className="govuk-table__header">
                      {h || <span className="govuk-visually-hidden">Action</span>}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {review.items.map((i) => (
                  <tr key={`${i.record.kind}:${i.record.id}`} className="govuk-table__row">
                    <td className="govuk-table__cell">{i.label}</td>
                    <td className="govuk-table__cell">{i.ruleLabel}</td>
                    <td className="govuk-table__cell">
                      {formatDate(i.due)}
                      <div className="govuk-hint govuk-!-margin-0">{since(i.daysOverdue)}</div>
                    </td>
                    <td className="govuk-table__cell">{i.why}</td>
                    <td className="govuk-table__cell">
                      {i.pending ? (
                        <span className="govuk-hint govuk-!-margin-0">
                          {i.pending.action} proposed by {i.pending.proposedByName}
                        </span>
                      ) : (
                        mayAct && (
                          <button type="button" className="cb-link-button" onClick={() => setChosen(i)}>
                            Choose what to do<span className="govuk-visually-hidden"> with {i.label}</span>
                          </button>
                        )
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {chosen && <RetentionActionForm key={`${chosen.record.kind}:${chosen.record.id}`} item={chosen} approvalNeeded={review.approvalNeeded} onDone={done} onCancel={() => setChosen(undefined)} />}

          <h2 className="govuk-heading-m">Recently anonymised or deleted</h2>
          {review.recent.length === 0 ? (
            <p className="govuk-body">None yet.</p>
          ) : (
            <ul className="govuk-list govuk-list--bullet" data-testid="retention-recent">
              {review.recent.map((t) => (
                <li key={`${t.caseId}-${t.appliedOn}-${t.action}`}>
                  {t.reference}: {t.action === 'delete' ? 'deleted' : 'anonymised'} on {formatDate(t.appliedOn)} (closed {formatDate(t.endedOn)}), proposed by {t.proposedBy}
                  {t.approvedBy ? `, approved by ${t.approvedBy}` : ''}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}
