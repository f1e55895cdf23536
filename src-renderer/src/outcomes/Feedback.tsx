import type { Participant } from '../../../src-main/domain/cases/case';
import { currentConsent } from '../../../src-main/domain/consent/consent';
import { FEEDBACK_CONSENT_ELEMENT } from '../../../src-main/domain/outcomes/outcome-steps';
import { AGREE_SCALE_LABELS, FEEDBACK_ITEMS, type AgreeScore, type Feedback as FeedbackRecord } from '../../../src-main/domain/outcomes/feedback';
import { useCaseView } from '../cases/case-view-state';
import { Tag } from '../shared/components/Tag';
import { formatDate, OpenFormButton, participantsInOrder, roleOf, Row, signerName, who, type CaseContext } from '../cases/shared';
import { FeedbackForm } from './feedback/FeedbackForm';
import { EQUALITY_QUESTIONS, RECOMMEND_LABELS, statement } from './feedback/common';
import './agreement/outcome.scss';

/**
 * Feedback from each person who took part, entered by staff once the case has closed (it can
 * be entered on a closed case). Only people who agreed to be contacted for feedback are asked.
 */
export function Feedback({ ctx }: { ctx: CaseContext }) {
  const given = ctx.c.feedback ?? [];
  const people = participantsInOrder(ctx.c).filter((p) => p.takesPart !== false || given.some((f) => f.participantId === p.id));
  const element = ctx.reference.consentElements.find((e) => e.id === FEEDBACK_CONSENT_ELEMENT);
  return (
    <div data-testid="feedback">
      <h2 className="govuk-heading-l">Feedback</h2>
      <p className="govuk-body">
        Each person who took part is asked about their experience, usually after the case closes, and their answers are entered
        here. {element ? `Only people who agreed to be contacted for feedback (consent element ${element.number}) are asked.` : ''}
      </p>
      <p className="govuk-body" data-testid="feedback-count">
        Feedback from {given.length} of {people.length} {people.length === 1 ? 'person' : 'people'}.
      </p>
      {people.map((p) => (
        <ParticipantFeedback key={p.id} ctx={ctx} p={p} record={given.find((f) => f.participantId === p.id)} />
      ))}
    </div>
  );
}

function ParticipantFeedback({ ctx, p, record }: { ctx: CaseContext; p: Participant; record?: FeedbackRecord }) {
  const form = useCaseView((s) => s.form);
  const element = ctx.reference.consentElements.find((e) => e.id === FEEDBACK_CONSENT_ELEMENT);
  // A service whose consent form has no feedback question may ask anyone.
  const answer = element ? currentConsent(p).get(element.id)?.status : 'given';
  const headingId = `feedback-${p.id}-heading`;
  const ended = ctx.c.stage === 'closed' || ctx.c.exit !== undefined;
  return (
    <section aria-labelledby={headingId} className="cb-participant-section" data-testid={`feedback-${p.id}`}>
      <h3 className="govuk-heading-m" id={headingId}>
        {who(p)} <span className="cb-secondary cb-role">{roleOf(p, ctx.labels)}</span>
      </h3>
      {record ? (
        <RecordView ctx={ctx} f={record} />
      ) : answer !== 'given' ? (
        <>
          <p className="cb-tags">
            <Tag colour="grey">{answer === 'declined' || answer === 'withdrawn' ? 'Not to be contacted for feedback' : 'No answer on feedback contact'}</Tag>
          </p>
          <p className="govuk-body" data-testid="no-feedback-consent">
            {answer === 'declined' || answer === 'withdrawn'
              ? `${who(p)} did not agree to be contacted for feedback, so their feedback cannot be entered.`
              : `${who(p)} has not said whether they may be contacted for feedback, so their feedback cannot be entered yet.`}{' '}
            {element && `If they agree, record their consent to element ${element.number} (${element.title}) in the Consent section first${ended ? ': reopen the case to do so' : ''}.`}
          </p>
        </>
      ) : (
        <>
          <p className="govuk-body">No feedback entered yet.</p>
          {ctx.canWork && (
            <OpenFormButton form={`feedback:${p.id}`}>
              Enter feedback<span className="govuk-visually-hidden"> from {who(p)}</span>
            </OpenFormButton>
          )}
          {form === `feedback:${p.id}` && ctx.canWork && <FeedbackForm ctx={ctx} p={p} />}
        </>
      )}
    </section>
  );
}

function RecordView({ ctx, f }: { ctx: CaseContext; f: FeedbackRecord }) {
  const equality = EQUALITY_QUESTIONS.filter((q) => f.equality?.[q.key]);
  return (
    <div className="cb-feedback-record">
      <dl className="govuk-summary-list" data-testid="feedback-record">
        <Row label="Given on">{formatDate(f.givenOn)}</Row>
        <Row label="Entered by">{signerName(ctx.reference, f.enteredBy, f.recordedOnBehalfBy)}</Row>
        {FEEDBACK_ITEMS.map((item) => {
          const score = f.answers[item] as AgreeScore | undefined;
          return (
            <Row key={item} label={statement(ctx.reference, item)}>
              {score === undefined ? <span className="cb-secondary">No answer</span> : `${AGREE_SCALE_LABELS[score]} (${score} of 5)`}
            </Row>
          );
        })}
        <Row label="Overall score">{f.overall === undefined ? <span className="cb-secondary">No answer</span> : `${f.overall} out of 10`}</Row>
        <Row label="Would recommend the service">{f.wouldRecommend ? RECOMMEND_LABELS[f.wouldRecommend] : <span className="cb-secondary">No answer</span>}</Row>
        <Row label="Comments">{f.comments && <span className="cb-pre-wrap">{f.comments}</span>}</Row>
        <Row label="Equality monitoring">{f.equalityConsent ? `Agreed to answer (${equality.length} of ${EQUALITY_QUESTIONS.length} questions answered)` : 'Did not agree to answer'}</Row>
      </dl>
      {equality.length > 0 && (
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Equality monitoring answers</span>
          </summary>
          <div className="govuk-details__text">
            <dl className="govuk-summary-list govuk-summary-list--no-border" data-testid="equality-answers">
              {equality.map((q) => (
                <Row key={q.key} label={q.label}>
                  {f.equality?.[q.key]}
                </Row>
              ))}
            </dl>
          </div>
        </details>
      )}
    </div>
  );
}
