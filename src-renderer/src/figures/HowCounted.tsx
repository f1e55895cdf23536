/**
 * Which date puts each item in the period, as figures.ts counts it, for whoever has to
 * explain a number to a commissioner or an assessor.
 */
const RULES: [string, string][] = [
  ['Referrals received', 'Referrals received in the period, counted on the day each was received.'],
  ['Cases by stage and cases ended early', 'Cases open at some point in the period: received by its last day and not closed or ended before its first day. Each is counted once, by its stage or how it ended now.'],
  ['Conferences held', 'Conferences recorded as held, counted on the day of the meeting.'],
  ['Indirect processes started', 'Counted on the day the process started: the first entry in its log of messages and letters.'],
  ['Agreements reached', 'Outcome agreements counted on the day they were signed.'],
  ['Agreements completed', 'Signed agreements with every action done, counted on the day the last action was done.'],
  ['Cases closed', 'Counted on the day each case was closed, by its outcome.'],
  ['Satisfied with the outcome and overall score', 'Feedback counted on the day it was given. Satisfied means the person agreed or strongly agreed with “I am satisfied with the outcome”; people who did not answer that question are left out.'],
  ['Referral to first contact', 'Cases whose first contact fell in the period: the median number of working days from the referral (weekends and bank holidays in England and Wales left out).'],
  ['Referral to conference', 'Cases whose first conference held fell in the period: the median number of working days from the referral.'],
  ['Deadlines met on time', 'Deadlines due in the period whose outcome is known (met, overdue or lapsed). Met on time means met on or before the due date.'],
  ['Complaints', 'Complaints in the complaints log received in the period, counted on the day each was received. Acknowledged late: acknowledged after the 10-working-day deadline (Victims’ Code right 12), or still not acknowledged once it has passed.'],
];

export function HowCounted() {
  return (
    <details className="govuk-details" data-testid="how-counted">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">How each figure is counted</span>
      </summary>
      <div className="govuk-details__text">
        <dl className="govuk-summary-list govuk-summary-list--no-border">
          {RULES.map(([what, how]) => (
            <div className="govuk-summary-list__row" key={what}>
              <dt className="govuk-summary-list__key">{what}</dt>
              <dd className="govuk-summary-list__value">{how}</dd>
            </div>
          ))}
        </dl>
      </div>
    </details>
  );
}
