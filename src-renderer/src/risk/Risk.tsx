import {
  currentAssessment,
  factorsFor,
  RISK_DECISION_LABELS,
  RISK_DECISIONS,
  RISK_RATINGS,
  type RiskAssessment,
  type RiskDecision,
  type RiskRating,
} from '../../../src-main/domain/risk/risk';
import { addDays } from '../../../src-main/domain/time/dates';
import { STAFF_ROLE_LABELS } from '../../../src-main/domain/staff/staff';
import type { Participant } from '../../../src-main/domain/cases/case';
import { isoToUk } from '../shared/lib/dates';
import { useCaseView } from '../cases/case-view-state';
import { DateTime } from '../shared/components/DateTime';
import { Tag, type TagColour } from '../shared/components/Tag';
import { TextArea } from '../shared/components/TextArea';
import { RadiosField } from '../shared/components/ChoiceFields';
import { FormPanel, useCommandForm, type FieldProblem } from '../cases/command-form';
import { DateBox, formatDate, OpenFormButton, optional, participantsInOrder, readDate, RISK_STATUS_TAGS, roleOf, Row, signerName, StatusTag, ukToday, who, type CaseContext } from '../cases/shared';
import { ON_BEHALF_DEFAULTS, ON_BEHALF_FIELDS, readOnBehalf, SignedBy, type OnBehalfValues } from '../cases/signed-by';
import { SelfSignOffWarning, SignOffForm, signOffNeeds } from './SignOffForm';
import './risk.scss';

const RATING_TAGS: Record<RiskRating, { label: string; colour: TagColour }> = {
  low: { label: 'Low', colour: 'green' },
  medium: { label: 'Medium', colour: 'yellow' },
  high: { label: 'High', colour: 'red' },
};

const DECISION_HINTS: Record<RiskDecision, string> = {
  direct: 'A face-to-face or video meeting can go ahead, as can an indirect process.',
  'indirect-only': 'Messages, letters or recordings only: no meeting between the parties.',
  'not-suitable': 'A restorative process should not go ahead for this person.',
};

/** Risk assessments for everyone in the case, supporters included. */
export function Risk({ ctx }: { ctx: CaseContext }) {
  return (
    <>
      <h2 className="govuk-heading-l">Risk</h2>
      <p className="govuk-body">
        Everyone in the case is assessed, supporters too, and re-assessed as the case moves on. A new assessment makes a new
        version, which needs its own sign-off.
      </p>
      {participantsInOrder(ctx.c).map((p) => (
        <ParticipantRisk key={p.id} ctx={ctx} p={p} />
      ))}
    </>
  );
}

function ParticipantRisk({ ctx, p }: { ctx: CaseContext; p: Participant }) {
  const form = useCaseView((s) => s.form);
  const { reference } = ctx;
  const a = currentAssessment(p);
  const status = ctx.view.risk[p.id];
  const ended = ctx.c.stage === 'closed' || ctx.c.exit !== undefined;
  const overdue = a && !ended && p.takesPart !== false && a.reviewOn < reference.today;
  const earlier = (p.risk ?? []).filter((x) => x !== a).sort((x, y) => y.version - x.version);
  const headingId = `risk-${p.id}`;
  return (
    <section aria-labelledby={headingId} className="cb-participant-section" data-testid={`risk-${p.id}`}>
      <h3 className="govuk-heading-m" id={headingId}>
        {who(p)} <span className="cb-secondary cb-role">{roleOf(p, ctx.labels)}</span>
      </h3>
      <p className="cb-tags">
        {status && <StatusTag tag={RISK_STATUS_TAGS[status]} />}
        {overdue && <Tag colour="red">Review overdue</Tag>}
        {p.takesPart === false && <Tag colour="grey">Not taking part</Tag>}
      </p>
      {!a ? (
        <p className="govuk-body">Not assessed yet.</p>
      ) : (
        <>
          <dl className="govuk-summary-list">
            <Row label="Version">{a.version}</Row>
            <Row label="Assessed">
              {formatDate(a.assessedOn)} by {signerName(reference, a.assessedBy, a.recordedOnBehalfBy)}
            </Row>
            <Row label="Decision">{RISK_DECISION_LABELS[a.decision]}</Row>
            {a.reason && <Row label="Reason">{a.reason}</Row>}
            <Row label="Review by" testId="review-row">
              {formatDate(a.reviewOn)} {overdue && <Tag colour="red">Overdue</Tag>}
            </Row>
            <Row label="Sign-off" testId="sign-off-row">
              {a.signOff ? (
                <>
                  {signerName(reference, a.signOff.by, a.signOff.recordedOnBehalfBy)} ({STAFF_ROLE_LABELS[a.signOff.role]}), <DateTime iso={a.signOff.at} />
                  {a.signOff.sameAsAssessor ? <span className="cb-block">Signed off by the same person who assessed it.</span> : null}
                  {a.signOff.note ? <span className="cb-block">{a.signOff.note}</span> : null}
                </>
              ) : (
                <>Not signed off. Needs sign-off by {signOffNeeds(ctx, a)}.</>
              )}
            </Row>
          </dl>
          <Factors ctx={ctx} a={a} name={who(p)} />
        </>
      )}
      {earlier.length > 0 && (
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Earlier versions ({earlier.length})</span>
          </summary>
          <div className="govuk-details__text">
            {earlier.map((x) => (
              <div key={x.version} className="cb-earlier-version">
                <h4 className="govuk-heading-s">
                  Version {x.version}: {formatDate(x.assessedOn)}, {RISK_DECISION_LABELS[x.decision].toLowerCase()}
                </h4>
                <p className="govuk-body-s">
                  Assessed by {signerName(reference, x.assessedBy, x.recordedOnBehalfBy)}.{' '}
                  {x.signOff ? `Signed off by ${signerName(reference, x.signOff.by, x.signOff.recordedOnBehalfBy)} (${STAFF_ROLE_LABELS[x.signOff.role]}).` : 'Not signed off.'}
                </p>
                <FactorTable ctx={ctx} a={x} caption={`Risk factors for ${who(p)}, version ${x.version}`} />
              </div>
            ))}
          </div>
        </details>
      )}
      {ctx.canEdit && a && !a.signOff && form !== `signoff:${p.id}` && <SelfSignOffWarning ctx={ctx} a={a} signer={ctx.me} />}
      {ctx.canEdit && (
        <div className="govuk-button-group">
          <OpenFormButton form={`assess:${p.id}`}>
            New assessment<span className="govuk-visually-hidden"> for {who(p)}</span>
          </OpenFormButton>
          {a && !a.signOff && (
            <OpenFormButton form={`signoff:${p.id}`}>
              Sign off<span className="govuk-visually-hidden"> the assessment for {who(p)}</span>
            </OpenFormButton>
          )}
        </div>
      )}
      {form === `assess:${p.id}` && ctx.canEdit && <AssessForm ctx={ctx} p={p} previous={a} />}
      {form === `signoff:${p.id}` && ctx.canEdit && a && !a.signOff && <SignOffForm ctx={ctx} p={p} a={a} />}
    </section>
  );
}

/** Factors rated medium or high in full; every rating behind "All … ratings". */
function Factors({ ctx, a, name }: { ctx: CaseContext; a: RiskAssessment; name: string }) {
  const raised = a.factors.filter((f) => f.rating !== 'low');
  const count = (r: RiskRating) => a.factors.filter((f) => f.rating === r).length;
  return (
    <>
      <p className="govuk-body" data-testid="rating-counts">
        Ratings: {count('high')} high, {count('medium')} medium, {count('low')} low.
      </p>
      {raised.length > 0 && <FactorTable ctx={ctx} a={{ ...a, factors: raised }} caption={`Factors rated medium or high for ${name}`} />}
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">All {a.factors.length} factor ratings</span>
        </summary>
        <div className="govuk-details__text">
          <FactorTable ctx={ctx} a={a} caption={`Every risk factor for ${name}, version ${a.version}`} />
        </div>
      </details>
    </>
  );
}

function FactorTable({ ctx, a, caption }: { ctx: CaseContext; a: RiskAssessment; caption: string }) {
  return (
    <table className="govuk-table cb-table--compact">
      <caption className="govuk-table__caption govuk-visually-hidden">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Factor</th>
          <th scope="col" className="govuk-table__header">Rating</th>
          <th scope="col" className="govuk-table__header">Mitigation</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {a.factors.map((f) => (
          <tr className="govuk-table__row" key={f.factorId}>
            <th scope="row" className="govuk-table__header cb-normal-weight">
              {ctx.reference.riskFactors.find((x) => x.id === f.factorId)?.title ?? f.factorId}
            </th>
            <td className="govuk-table__cell">
              <StatusTag tag={RATING_TAGS[f.rating]} />
            </td>
            <td className="govuk-table__cell cb-pre-wrap">{f.mitigation || '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type AssessValues = Record<string, string | boolean> &
  OnBehalfValues & {
    assessedOn: string;
    decision: string;
    reason: string;
    reviewOn: string;
  };

function AssessForm({ ctx, p, previous }: { ctx: CaseContext; p: Participant; previous?: RiskAssessment }) {
  const { reference, c } = ctx;
  const factors = factorsFor(reference.riskFactors, p.role);
  const defaults: AssessValues = {
    ...ON_BEHALF_DEFAULTS,
    assessedOn: ukToday(reference),
    decision: previous?.decision ?? '',
    reason: previous?.reason ?? '',
    reviewOn: isoToUk(addDays(reference.today, 28)),
  };
  for (const factor of factors) {
    const old = previous?.factors.find((x) => x.factorId === factor.id);
    defaults[`rating-${factor.id}`] = old?.rating ?? '';
    defaults[`mitigation-${factor.id}`] = old?.mitigation ?? '';
  }
  const fields = ['assessedOn', ...factors.flatMap((x) => [`rating-${x.id}`, `mitigation-${x.id}`]), 'decision', 'reason', 'reviewOn', ...ON_BEHALF_FIELDS];
  const f = useCommandForm<AssessValues>({
    prefix: `assess-${p.id}-`,
    fields,
    defaultValues: defaults,
    build: (v) => {
      const errors: FieldProblem[] = [];
      const assessedOn = readDate(v.assessedOn, 'assessedOn', { label: 'Assessment date', notAfter: reference.today, notBefore: c.referral.receivedOn }, errors);
      const text = (name: string) => String(v[name] ?? '');
      for (const factor of factors) {
        const rating = text(`rating-${factor.id}`);
        if (!rating) errors.push({ field: `rating-${factor.id}`, message: `Rate ${factor.title.toLowerCase()}: low, medium or high` });
        else if (rating !== 'low' && !optional(text(`mitigation-${factor.id}`))) errors.push({ field: `mitigation-${factor.id}`, message: `${factor.title} is rated ${rating}: say how the risk will be reduced` });
      }
      if (!v.decision) errors.push({ field: 'decision', message: 'Choose the decision: direct, indirect only or not suitable' });
      if (v.decision === 'not-suitable' && !optional(v.reason)) errors.push({ field: 'reason', message: 'Give the reason this person is not suitable' });
      const reviewOn = readDate(v.reviewOn, 'reviewOn', { label: 'Review date', after: assessedOn ?? reference.today, afterWhy: 'The review date must be after the assessment date' }, errors);
      const onBehalfOf = readOnBehalf(v, errors);
      return {
        errors,
        commands: [
          {
            type: 'assess-risk',
            participantId: p.id,
            assessedOn: assessedOn ?? '',
            factors: factors.map((factor) => {
              const mitigation = optional(text(`mitigation-${factor.id}`));
              return { factorId: factor.id, rating: text(`rating-${factor.id}`) as RiskRating, ...(mitigation ? { mitigation } : {}) };
            }),
            decision: v.decision as RiskDecision,
            ...(v.decision === 'not-suitable' && optional(v.reason) ? { reason: optional(v.reason) } : {}),
            reviewOn: reviewOn ?? '',
            ...onBehalfOf,
          },
        ],
      };
    },
    fieldFor: (path) => {
      const m = /^factors\.(\d+)\.(rating|mitigation)/.exec(path);
      if (m) {
        const factor = factors[Number(m[1])];
        return factor ? `${m[2]}-${factor.id}` : undefined;
      }
      const name = path.split('.')[0];
      return name && ['assessedOn', 'decision', 'reason', 'reviewOn', 'onBehalfOf'].includes(name) ? name : undefined;
    },
    notice: `New risk assessment for ${who(p)} saved`,
  });
  const decision = f.watch('decision');
  return (
    <FormPanel
      title={`${previous ? 'Re-assess' : 'Assess'} the risk for ${who(p)}`}
      summary={f.summary}
      focusKey={f.focusKey}
      onSubmit={f.onSubmit}
      submitLabel="Save assessment"
      submitting={f.formState.isSubmitting}
      testId="assess-form"
    >
      {previous && <p className="govuk-body">This makes version {previous.version + 1}. The ratings from version {previous.version} are filled in: change what has changed.</p>}
      <DateBox id={f.id('assessedOn')} label="Date of the assessment" error={f.error('assessedOn')} registration={f.register('assessedOn')} />
      <SignedBy ctx={ctx} f={f} verb="Assessed by" />
      <h4 className="govuk-heading-s">Risk factors</h4>
      <div className="cb-factors">
        {factors.map((factor) => (
          <div className="cb-factor" key={factor.id} data-testid={`factor-${factor.id}`}>
            <RadiosField
              id={f.id(`rating-${factor.id}`)}
              legend={factor.title}
              hint={factor.guidance}
              error={f.error(`rating-${factor.id}`)}
              inline
              small
              choices={RISK_RATINGS.map((r) => ({ value: r, label: RATING_TAGS[r].label }))}
              registration={f.register(`rating-${factor.id}`)}
            />
            <TextArea
              id={f.id(`mitigation-${factor.id}`)}
              label={<>Mitigation<span className="govuk-visually-hidden"> for {factor.title.toLowerCase()}</span></>}
              plainLabel
              hint="Needed for a medium or high rating."
              rows={2}
              error={f.error(`mitigation-${factor.id}`)}
              registration={f.register(`mitigation-${factor.id}`)}
            />
          </div>
        ))}
      </div>
      <RadiosField
        id={f.id('decision')}
        legend="Decision"
        legendSize="m"
        error={f.error('decision')}
        selected={decision}
        choices={RISK_DECISIONS.map((d) => ({
          value: d,
          label: RISK_DECISION_LABELS[d],
          hint: DECISION_HINTS[d],
          conditional:
            d === 'not-suitable' ? <TextArea id={f.id('reason')} label="Why they are not suitable" error={f.error('reason')} registration={f.register('reason')} /> : undefined,
        }))}
        registration={f.register('decision')}
      />
      <DateBox id={f.id('reviewOn')} label="Review by" hint="The assessment must be reviewed by this date." error={f.error('reviewOn')} registration={f.register('reviewOn')} />
    </FormPanel>
  );
}
