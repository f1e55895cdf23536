import { CONSENT_METHOD_LABELS, CONSENT_METHODS, consentHistory, currentConsent, type ConsentElement, type ConsentEntry, type ConsentMethod } from '../../../src-main/domain/consent/consent';
import { isUnder18 } from '../../../src-main/domain/shared/age';
import type { Participant } from '../../../src-main/domain/cases/case';
import type { WorkflowCommand } from '../../../src-main/domain/cases/workflow';
import { useCaseView } from '../cases/case-view-state';
import { Tag, type TagColour } from '../shared/components/Tag';
import { TextArea } from '../shared/components/TextArea';
import { SelectField } from '../shared/components/SelectField';
import { CheckboxesField, RadiosField } from '../shared/components/ChoiceFields';
import { FormPanel, useCommandForm, type FieldProblem } from '../cases/command-form';
import { CONSENT_STATE_TAGS, DateBox, formatDate, OpenFormButton, optional, participantsInOrder, readDate, roleOf, signerName, staffName, StatusTag, ukToday, who, type CaseContext } from '../cases/shared';
import { ON_BEHALF_DEFAULTS, ON_BEHALF_FIELDS, readOnBehalf, SignedBy, type OnBehalfValues } from '../cases/signed-by';
import './consent.scss';

const STATUS_TAGS: Record<ConsentEntry['status'] | 'not-asked', { label: string; colour: TagColour }> = {
  given: { label: 'Given', colour: 'green' },
  declined: { label: 'Declined', colour: 'orange' },
  withdrawn: { label: 'Withdrawn', colour: 'red' },
  'not-asked': { label: 'Not asked', colour: 'grey' },
};

/** Consent per participant and per element, with the history of every change. */
export function Consent({ ctx }: { ctx: CaseContext }) {
  return (
    <>
      <h2 className="govuk-heading-l">Consent</h2>
      <p className="govuk-body">
        Consent is written, free and informed, and can be withdrawn at any time. Each element is recorded separately and every
        change is kept.
      </p>
      {participantsInOrder(ctx.c).map((p) => (
        <ParticipantConsent key={p.id} ctx={ctx} p={p} />
      ))}
    </>
  );
}

function required(el: ConsentElement, p: Participant): boolean {
  return el.requiredFor.includes(p.role);
}

function ParticipantConsent({ ctx, p }: { ctx: CaseContext; p: Participant }) {
  const form = useCaseView((s) => s.form);
  const { reference } = ctx;
  const summary = ctx.view.consent[p.id];
  const current = currentConsent(p);
  const anyGiven = [...current.values()].some((e) => e.status === 'given');
  const headingId = `consent-${p.id}`;
  const parentName = (id: string | undefined) => (id ? ctx.c.participants.find((x) => x.id === id) : undefined);
  return (
    <section aria-labelledby={headingId} className="cb-participant-section" data-testid={`consent-${p.id}`}>
      <h3 className="govuk-heading-m" id={headingId}>
        {who(p)} <span className="cb-secondary cb-role">{roleOf(p, ctx.labels)}</span>
      </h3>
      <p className="cb-tags">
        {summary && <StatusTag tag={CONSENT_STATE_TAGS[summary.state]} />}
        {p.takesPart === false && <Tag colour="grey">Not taking part</Tag>}
      </p>
      {summary && summary.needsParentGuardian.length > 0 && (
        <p className="govuk-body">
          {p.person.givenName} is under 18: a parent or guardian must also sign element
          {summary.needsParentGuardian.length > 1 ? 's' : ''}{' '}
          {summary.needsParentGuardian.map((id) => reference.consentElements.find((e) => e.id === id)?.number ?? id).join(', ')}.
        </p>
      )}
      <table className="govuk-table cb-table--compact cb-consent-grid">
        <caption className="govuk-table__caption govuk-visually-hidden">Consent given by {who(p)}, element by element</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Element</th>
            <th scope="col" className="govuk-table__header">Status</th>
            <th scope="col" className="govuk-table__header">Date</th>
            <th scope="col" className="govuk-table__header">How</th>
            <th scope="col" className="govuk-table__header">Taken by</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {reference.consentElements.map((el) => {
            const e = current.get(el.id);
            const history = consentHistory(p, el.id);
            const pg = parentName(e?.parentGuardianId);
            return (
              <tr className="govuk-table__row" key={el.id} data-testid={`consent-row-${el.id}`}>
                <th scope="row" className="govuk-table__header cb-consent-grid__element">
                  <span className="cb-consent-grid__title">
                    {el.number}. {el.title}
                  </span>
                  <span className="cb-secondary cb-consent-grid__required">{required(el, p) ? 'Required' : 'Optional'}</span>
                  {history.length > 0 && <History entries={history} ctx={ctx} element={el.number} />}
                </th>
                <td className="govuk-table__cell">
                  <StatusTag tag={STATUS_TAGS[e?.status ?? 'not-asked']} />
                </td>
                <td className="govuk-table__cell cb-nowrap">{e ? formatDate(e.on) : '—'}</td>
                <td className="govuk-table__cell">
                  {e?.method ? CONSENT_METHOD_LABELS[e.method] : '—'}
                  {pg && <span className="cb-block">Co-signed by {who(pg)}</span>}
                </td>
                <td className="govuk-table__cell">{e ? signerName(reference, e.takenBy, e.recordedOnBehalfBy) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {ctx.canEdit && (
        <div className="govuk-button-group">
          <OpenFormButton form={`consent:${p.id}`}>
            Record consent<span className="govuk-visually-hidden"> for {who(p)}</span>
          </OpenFormButton>
          {anyGiven && (
            <OpenFormButton form={`withdraw:${p.id}`}>
              Record a withdrawal<span className="govuk-visually-hidden"> for {who(p)}</span>
            </OpenFormButton>
          )}
        </div>
      )}
      {form === `consent:${p.id}` && ctx.canEdit && <RecordConsentForm ctx={ctx} p={p} />}
      {form === `withdraw:${p.id}` && ctx.canEdit && <WithdrawForm ctx={ctx} p={p} />}
    </section>
  );
}

function History({ entries, ctx, element }: { entries: ConsentEntry[]; ctx: CaseContext; element: number }) {
  return (
    <details className="govuk-details cb-details--compact">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">
          History ({entries.length})<span className="govuk-visually-hidden"> of element {element}</span>
        </span>
      </summary>
      <div className="govuk-details__text">
        <ol className="govuk-list cb-history">
          {[...entries].reverse().map((e) => (
            <li key={e.version}>
              <strong>{STATUS_TAGS[e.status].label}</strong> on {formatDate(e.on)}
              {e.method ? `, ${CONSENT_METHOD_LABELS[e.method].toLowerCase()}` : ''}
              {e.recordedOnBehalfBy ? `, taken by ${staffName(ctx.reference, e.takenBy)}, recorded by ${staffName(ctx.reference, e.recordedOnBehalfBy)}` : `, recorded by ${staffName(ctx.reference, e.takenBy)}`}
              {e.reason ? `. ${e.reason}` : ''}
            </li>
          ))}
        </ol>
      </div>
    </details>
  );
}

interface ConsentValues extends OnBehalfValues {
  elementIds: string[];
  status: 'given' | 'declined';
  on: string;
  method: '' | ConsentMethod;
  parentGuardianId: string;
  reason: string;
}

const CONSENT_FIELDS = ['elementIds', 'status', 'on', 'method', 'parentGuardianId', 'reason', ...ON_BEHALF_FIELDS] as const;

function RecordConsentForm({ ctx, p }: { ctx: CaseContext; p: Participant }) {
  const { reference, c } = ctx;
  const current = currentConsent(p);
  const notYet = reference.consentElements.filter((el) => required(el, p) && current.get(el.id)?.status !== 'given').map((el) => el.id);
  const under18 = isUnder18(p.person.dateOfBirth, reference.today);
  const parents = c.participants.filter((x) => x.role === 'parent-guardian' && x.id !== p.id);
  const f = useCommandForm<ConsentValues>({
    prefix: `consent-${p.id}-`,
    fields: CONSENT_FIELDS,
    defaultValues: { ...ON_BEHALF_DEFAULTS, elementIds: notYet, status: 'given', on: ukToday(reference), method: '', parentGuardianId: '', reason: '' },
    build: (v) => {
      const errors: FieldProblem[] = [];
      const ids = Array.isArray(v.elementIds) ? v.elementIds : v.elementIds ? [v.elementIds as unknown as string] : [];
      if (ids.length === 0) errors.push({ field: 'elementIds', message: 'Choose at least one element' });
      const on = readDate(v.on, 'on', { label: 'Date', notAfter: reference.today, notBefore: c.referral.receivedOn, notBeforeWhy: `The date must be on or after the referral was received (${formatDate(c.referral.receivedOn)})` }, errors);
      if (!v.method) errors.push({ field: 'method', message: 'Choose how consent was given: signed form or recorded verbal consent' });
      const onBehalfOf = readOnBehalf(v, errors);
      const commands: WorkflowCommand[] = ids.map((elementId) => ({
        type: 'record-consent',
        participantId: p.id,
        elementId,
        status: v.status,
        on: on ?? '',
        method: v.method as ConsentMethod,
        ...(v.parentGuardianId ? { parentGuardianId: v.parentGuardianId } : {}),
        ...(optional(v.reason) ? { reason: optional(v.reason) } : {}),
        ...onBehalfOf,
      }));
      return { errors, commands };
    },
    fieldFor: (path) => {
      const name = path.split('.')[0];
      if (name === 'elementId') return 'elementIds';
      return name && (CONSENT_FIELDS as readonly string[]).includes(name) ? name : undefined;
    },
    notice: (v) => {
      const n = Array.isArray(v.elementIds) ? v.elementIds.length : 1;
      return `Consent ${v.status === 'given' ? 'given' : 'declined'} by ${who(p)}: ${n} element${n === 1 ? '' : 's'} recorded`;
    },
  });
  return (
    <FormPanel title={`Record consent for ${who(p)}`} summary={f.summary} focusKey={f.focusKey} onSubmit={f.onSubmit} submitLabel="Save consent" submitting={f.formState.isSubmitting} testId="consent-form">
      <CheckboxesField
        id={f.id('elementIds')}
        legend="Which elements?"
        hint="The required elements not yet given are ticked. Each is recorded separately, with the date and method below."
        error={f.error('elementIds')}
        small
        choices={reference.consentElements.map((el) => ({ value: el.id, label: `${el.number}. ${el.title}${required(el, p) ? '' : ' (optional)'}` }))}
        registration={f.register('elementIds')}
      />
      <RadiosField
        id={f.id('status')}
        legend="Their answer"
        error={f.error('status')}
        inline
        choices={[
          { value: 'given', label: 'Consent given' },
          { value: 'declined', label: 'Declined' },
        ]}
        registration={f.register('status')}
      />
      <DateBox id={f.id('on')} label="Date" error={f.error('on')} registration={f.register('on')} />
      <RadiosField
        id={f.id('method')}
        legend="How was it given?"
        error={f.error('method')}
        choices={CONSENT_METHODS.map((m) => ({ value: m, label: CONSENT_METHOD_LABELS[m] }))}
        registration={f.register('method')}
      />
      <SignedBy ctx={ctx} f={f} verb="Taken by" hint="The record of who took it is the facilitator's countersignature." />
      {(under18 || parents.length > 0) && (
        <SelectField
          id={f.id('parentGuardianId')}
          label={under18 ? 'Parent or guardian who also signed' : 'Parent or guardian who also signed (optional)'}
          hint={under18 ? `${p.person.givenName} is under 18: the signature element also needs a parent's or guardian's signature.` : undefined}
          error={f.error('parentGuardianId')}
          placeholder={parents.length ? 'Nobody' : 'No parent or guardian is in this case yet'}
          options={parents.map((x) => ({ value: x.id, label: who(x) }))}
          registration={f.register('parentGuardianId')}
        />
      )}
      <TextArea id={f.id('reason')} label="Notes (optional)" hint="For example, what they said when declining." error={f.error('reason')} registration={f.register('reason')} />
    </FormPanel>
  );
}

interface WithdrawValues extends OnBehalfValues {
  scope: 'all' | 'some';
  elementIds: string[];
  on: string;
  method: '' | ConsentMethod;
  reason: string;
}

const WITHDRAW_FIELDS = ['scope', 'elementIds', 'on', 'method', 'reason', ...ON_BEHALF_FIELDS] as const;

/** Withdrawal is recorded plainly: no reason is needed and nothing asks them to think again. */
function WithdrawForm({ ctx, p }: { ctx: CaseContext; p: Participant }) {
  const { reference, c } = ctx;
  const given = reference.consentElements.filter((el) => currentConsent(p).get(el.id)?.status === 'given');
  const f = useCommandForm<WithdrawValues>({
    prefix: `withdraw-${p.id}-`,
    fields: WITHDRAW_FIELDS,
    defaultValues: { ...ON_BEHALF_DEFAULTS, scope: 'all', elementIds: [], on: ukToday(reference), method: '', reason: '' },
    build: (v) => {
      const errors: FieldProblem[] = [];
      const ids = Array.isArray(v.elementIds) ? v.elementIds : v.elementIds ? [v.elementIds as unknown as string] : [];
      if (v.scope === 'some' && ids.length === 0) errors.push({ field: 'elementIds', message: 'Choose which consent they withdrew' });
      const on = readDate(v.on, 'on', { label: 'Date they withdrew', notAfter: reference.today, notBefore: c.referral.receivedOn }, errors);
      const onBehalfOf = readOnBehalf(v, errors);
      return {
        errors,
        commands: [
          {
            type: 'withdraw-consent',
            participantId: p.id,
            on: on ?? '',
            ...(v.scope === 'some' ? { elementIds: ids } : {}),
            ...(v.method ? { method: v.method } : {}),
            ...(optional(v.reason) ? { reason: optional(v.reason) } : {}),
            ...onBehalfOf,
          },
        ],
      };
    },
    fieldFor: (path) => {
      const name = path.split('.')[0];
      return name && (WITHDRAW_FIELDS as readonly string[]).includes(name) ? name : undefined;
    },
    notice: `Withdrawal of consent by ${who(p)} recorded`,
  });
  const scope = f.watch('scope');
  return (
    <FormPanel title={`Record a withdrawal of consent by ${who(p)}`} summary={f.summary} focusKey={f.focusKey} onSubmit={f.onSubmit} submitLabel="Record withdrawal" submitting={f.formState.isSubmitting} testId="withdraw-form">
      <div className="govuk-inset-text">People can withdraw consent at any time, for any reason or none. Record what they told you.</div>
      <RadiosField
        id={f.id('scope')}
        legend="What did they withdraw?"
        error={f.error('scope')}
        selected={scope}
        choices={[
          { value: 'all', label: 'All the consent they had given' },
          {
            value: 'some',
            label: 'Only some of it',
            conditional: (
              <CheckboxesField
                id={f.id('elementIds')}
                legend="Which elements?"
                legendSize="plain"
                error={f.error('elementIds')}
                small
                choices={given.map((el) => ({ value: el.id, label: `${el.number}. ${el.title}` }))}
                registration={f.register('elementIds')}
              />
            ),
          },
        ]}
        registration={f.register('scope')}
      />
      <DateBox id={f.id('on')} label="Date they withdrew" error={f.error('on')} registration={f.register('on')} />
      <SelectField
        id={f.id('method')}
        label="How did they tell you? (optional)"
        error={f.error('method')}
        placeholder="Another way, or not recorded"
        options={CONSENT_METHODS.map((m) => ({ value: m, label: m === 'signed-form' ? 'In writing' : 'In person or by phone (recorded)' }))}
        registration={f.register('method')}
      />
      <SignedBy ctx={ctx} f={f} verb="Recorded by" />
      <TextArea id={f.id('reason')} label="Reason (optional)" hint="Only if they chose to give one." error={f.error('reason')} registration={f.register('reason')} />
    </FormPanel>
  );
}
