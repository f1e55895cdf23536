import { STAGES } from '../../../src-main/domain/cases/case';
import { agreementProgress, overdueActions, type AgreementProgress, type OutcomeAgreement } from '../../../src-main/domain/outcomes/agreement';
import { useCaseView } from '../cases/case-view-state';
import { Tag } from '../shared/components/Tag';
import { formatDate, OpenFormButton, Row, signerName, StatusTag, type CaseContext } from '../cases/shared';
import { conferenceLabel, conferences, kindLabel, participantName, STATE_TAGS, STATUS_TAGS } from './agreement/common';
import { DraftForm } from './agreement/DraftForm';
import { ProgressForm, ReviewForm, SignForm } from './agreement/forms';
import { AgreementDocument } from './agreement/AgreementDocument';
import './agreement/outcome.scss';

/**
 * The outcome agreement: drafted with the parties' actions, printed and signed, then monitored
 * action by action until each is done or known not to be, with dated monitoring reviews.
 */
export function Agreement({ ctx }: { ctx: CaseContext }) {
  const g = ctx.c.agreement;
  return (
    <div data-testid="agreement">
      <h2 className="govuk-heading-l">Agreement</h2>
      {!g ? <NoAgreement ctx={ctx} /> : g.signedOn === undefined ? <Draft ctx={ctx} g={g} /> : <Signed ctx={ctx} g={g} />}
    </div>
  );
}

function NoAgreement({ ctx }: { ctx: CaseContext }) {
  const form = useCaseView((s) => s.form);
  const started = STAGES.indexOf(ctx.c.stage) >= STAGES.indexOf('process');
  if (!started) {
    return <p className="govuk-body">An outcome agreement is drafted once the restorative process has started.</p>;
  }
  return (
    <>
      <p className="govuk-body">
        No agreement has been recorded. Draft it with the actions the parties agreed, print it for everyone to sign, then record the
        date it was signed. It is voluntary and not legally binding; it is monitored until every action is done or known not to be.
      </p>
      {ctx.canEdit && (
        <OpenFormButton form="agreement:draft" secondary={false}>
          Draft the agreement
        </OpenFormButton>
      )}
      {form === 'agreement:draft' && ctx.canEdit && <DraftForm ctx={ctx} />}
    </>
  );
}

/** Who signs, who countersigns and where it was made. */
function Details({ ctx, g }: { ctx: CaseContext; g: OutcomeAgreement }) {
  const meeting = conferences(ctx.c).find((m) => m.id === g.meetingId);
  return (
    <dl className="govuk-summary-list" data-testid="agreement-details">
      <Row label="Made at">{meeting ? conferenceLabel(meeting) : g.meetingId ? 'A conference no longer booked' : 'Not made at a conference'}</Row>
      <Row label="Signed by">{g.signatoryIds.map((id) => participantName(ctx.c, id)).join(', ')}</Row>
      <Row label="Countersigned by">{signerName(ctx.reference, g.countersignedBy, g.recordedOnBehalfBy)}</Row>
      <Row label="Date signed">{g.signedOn ? formatDate(g.signedOn) : 'Not signed yet'}</Row>
    </dl>
  );
}

function Draft({ ctx, g }: { ctx: CaseContext; g: OutcomeAgreement }) {
  const form = useCaseView((s) => s.form);
  return (
    <>
      <p className="cb-tags">
        <StatusTag tag={STATE_TAGS.draft} />
      </p>
      <p className="govuk-body">Print the agreement for everyone to sign. Once it is signed, record the date: the actions then start and are monitored.</p>
      <Details ctx={ctx} g={g} />
      <ActionsTable ctx={ctx} g={g} />
      {ctx.canEdit && (
        <div className="govuk-button-group">
          <OpenFormButton form="agreement:sign" secondary={false}>
            Record signatures
          </OpenFormButton>
          <OpenFormButton form="agreement:draft">Change the draft</OpenFormButton>
        </div>
      )}
      {form === 'agreement:sign' && ctx.canEdit && <SignForm ctx={ctx} g={g} />}
      {form === 'agreement:draft' && ctx.canEdit && <DraftForm ctx={ctx} draft={g} />}
      <AgreementDocument ctx={ctx} signed={false} />
    </>
  );
}

function Signed({ ctx, g }: { ctx: CaseContext; g: OutcomeAgreement }) {
  const form = useCaseView((s) => s.form);
  const progress = agreementProgress(g, ctx.reference.today);
  const reviews = [...g.reviews].sort((a, b) => (a.on < b.on ? 1 : a.on > b.on ? -1 : 0));
  return (
    <>
      <p className="cb-tags">
        <StatusTag tag={STATE_TAGS[progress.state]} />
      </p>
      <Progress progress={progress} />
      <Details ctx={ctx} g={g} />
      <ActionsTable ctx={ctx} g={g} />
      {g.actions.map((a, i) => form === `agreement:progress:${a.id}` && ctx.canEdit && <ProgressForm key={a.id} ctx={ctx} g={g} action={a} n={i + 1} />)}

      <section aria-labelledby="agreement-reviews" className="cb-agreement-reviews" data-testid="agreement-reviews">
        <h3 className="govuk-heading-m" id="agreement-reviews">
          Monitoring reviews
        </h3>
        {reviews.length === 0 ? (
          <p className="govuk-body">No monitoring reviews yet.</p>
        ) : (
          <table className="govuk-table cb-table--compact">
            <caption className="govuk-table__caption govuk-visually-hidden">Monitoring reviews, newest first</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Date</th>
                <th scope="col" className="govuk-table__header">Reviewed by</th>
                <th scope="col" className="govuk-table__header">What the review found</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {reviews.map((r, i) => (
                <tr className="govuk-table__row" key={`${r.on}-${i}`}>
                  <td className="govuk-table__cell cb-nowrap">{formatDate(r.on)}</td>
                  <td className="govuk-table__cell">{signerName(ctx.reference, r.by, r.recordedOnBehalfBy)}</td>
                  <td className="govuk-table__cell cb-pre-wrap">{r.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {ctx.canEdit && <OpenFormButton form="agreement:review">Add a monitoring review</OpenFormButton>}
        {form === 'agreement:review' && ctx.canEdit && <ReviewForm ctx={ctx} g={g} />}
      </section>
      <AgreementDocument ctx={ctx} signed />
    </>
  );
}

/** "2 of 4 done, 1 not done, 1 overdue", with a bar of the share done. */
function Progress({ progress: p }: { progress: AgreementProgress }) {
  const rest = [p.notDone > 0 && `${p.notDone} not done`, p.inProgress > 0 && `${p.inProgress} in progress`, p.pending > 0 && `${p.pending} pending`].filter(Boolean);
  return (
    <div className="cb-agreement-progress" data-testid="agreement-progress">
      <p className="govuk-body-l govuk-!-margin-bottom-2" id="agreement-progress-text" data-testid="progress-text">
        <strong>
          {p.done} of {p.total} {p.total === 1 ? 'action' : 'actions'} done
        </strong>
        {rest.length > 0 && `, ${rest.join(', ')}`}
        {p.overdue > 0 && (
          <>
            {', '}
            <strong className="cb-overdue-text" data-testid="overdue-count">
              {p.overdue} overdue
            </strong>
          </>
        )}
      </p>
      <progress className="cb-agreement-progress__bar" max={p.total} value={p.done} aria-labelledby="agreement-progress-text">
        {p.percentDone}%
      </progress>
    </div>
  );
}

function ActionsTable({ ctx, g }: { ctx: CaseContext; g: OutcomeAgreement }) {
  const signed = g.signedOn !== undefined;
  // A draft's actions have not started, so none is overdue yet.
  const overdue = new Set(signed ? overdueActions(g, ctx.reference.today).map((a) => a.id) : []);
  return (
    <table className="govuk-table cb-table--compact cb-actions-table" data-testid="agreement-actions">
      <caption className="govuk-table__caption govuk-table__caption--m">Actions</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header cb-actions-table__action">
            Action
          </th>
          <th scope="col" className="govuk-table__header">Who</th>
          <th scope="col" className="govuk-table__header">Due by</th>
          {signed && <th scope="col" className="govuk-table__header">Status</th>}
          {signed && ctx.canEdit && (
            <th scope="col" className="govuk-table__header">
              <span className="govuk-visually-hidden">Change</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {g.actions.map((a, i) => {
          const late = overdue.has(a.id);
          return (
            <tr className={`govuk-table__row${late ? ' cb-row--overdue' : ''}`} key={a.id} data-testid={`action-${i + 1}`}>
              <td className="govuk-table__cell">
                <span className="cb-action-title">
                  {i + 1}. {kindLabel(ctx.reference, a.kind)}
                </span>
                <span className="cb-block cb-pre-wrap">{a.description}</span>
                <span className="cb-block cb-secondary">Shown by: {a.completionShownBy}</span>
                {a.evidenceNotes && (
                  <span className="cb-block cb-pre-wrap">
                    <strong>{a.status === 'not-done' ? 'Why not done' : 'Evidence'}:</strong> {a.evidenceNotes}
                  </span>
                )}
              </td>
              <td className="govuk-table__cell">{participantName(ctx.c, a.byParticipantId)}</td>
              <td className="govuk-table__cell cb-nowrap">
                {formatDate(a.dueOn)}
                {late && (
                  <span className="cb-block">
                    <Tag colour="red">Overdue</Tag>
                  </span>
                )}
              </td>
              {signed && (
                <td className="govuk-table__cell">
                  <StatusTag tag={STATUS_TAGS[a.status]} />
                  {a.resolvedOn && <span className="cb-block cb-secondary">{formatDate(a.resolvedOn)}</span>}
                </td>
              )}
              {signed && ctx.canEdit && (
                <td className="govuk-table__cell">
                  <ProgressButton form={`agreement:progress:${a.id}`} n={i + 1} />
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** "Record progress" as a link-style button, so the table keeps its width for the actions. */
function ProgressButton({ form, n }: { form: string; n: number }) {
  const openForm = useCaseView((s) => s.openForm);
  const current = useCaseView((s) => s.form);
  return (
    <button type="button" className="cb-link-button" aria-expanded={current === form} onClick={() => openForm(current === form ? undefined : form)}>
      Record progress<span className="govuk-visually-hidden"> on action {n}</span>
    </button>
  );
}
