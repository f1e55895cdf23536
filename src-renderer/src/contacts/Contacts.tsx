import { ATTEMPT_OUTCOMES, CONTACT_METHOD_LABELS, CONTACT_METHODS, CONTACT_OUTCOMES, contactHistory, MEETING_FORMATS, OUTCOME_LABELS, type ContactKind, type ContactMethod } from '../../../src-main/domain/contacts/contacts';
import type { Participant } from '../../../src-main/domain/cases/case';
import { useCaseView } from '../cases/case-view-state';
import { Tag } from '../shared/components/Tag';
import { TextField } from '../shared/components/TextField';
import { TextArea } from '../shared/components/TextArea';
import { SelectField } from '../shared/components/SelectField';
import { CheckboxesField, RadiosField, SingleCheckbox } from '../shared/components/ChoiceFields';
import { FormPanel, useCommandForm, type FieldProblem } from '../cases/command-form';
import { DateBox, formatDate, nameAndRole, optional, OpenFormButton, participantsInOrder, readDate, roleOf, signerName, staffName, staffOptions, ukToday, who, type CaseContext } from '../cases/shared';
import { ON_BEHALF_DEFAULTS, ON_BEHALF_FIELDS, readOnBehalf, SignedBy, type OnBehalfValues } from '../cases/signed-by';
import { MEETING_FORMAT_LABELS } from '../cases/labels';

/** Contact attempts and contacts per participant, and preparation meetings. */
export function Contacts({ ctx }: { ctx: CaseContext }) {
  const form = useCaseView((s) => s.form);
  const meetings = [...(ctx.c.meetings ?? [])].reverse();
  return (
    <>
      <h2 className="govuk-heading-l">Contacts</h2>
      <p className="govuk-body">Every attempt counts: deadlines and a &ldquo;no contact&rdquo; ending are judged on them.</p>
      {participantsInOrder(ctx.c).map((p) => (
        <ParticipantContacts key={p.id} ctx={ctx} p={p} />
      ))}

      <h3 className="govuk-heading-m">Preparation meetings</h3>
      {meetings.length === 0 ? (
        <p className="govuk-body">No preparation meetings recorded yet.</p>
      ) : (
        <table className="govuk-table cb-table--compact" data-testid="meetings">
          <caption className="govuk-table__caption govuk-visually-hidden">Preparation meetings, newest first</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Date</th>
              <th scope="col" className="govuk-table__header">How</th>
              <th scope="col" className="govuk-table__header">With</th>
              <th scope="col" className="govuk-table__header">Held by</th>
              <th scope="col" className="govuk-table__header">Venue and notes</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {meetings.map((m, i) => (
              <tr className="govuk-table__row" key={`${m.recordedAt}-${i}`}>
                <td className="govuk-table__cell cb-nowrap">
                  {formatDate(m.on)}
                  {m.time ? `, ${m.time}` : ''}
                </td>
                <td className="govuk-table__cell">{MEETING_FORMAT_LABELS[m.format]}</td>
                <td className="govuk-table__cell">{m.participantIds.map((id) => nameOf(ctx, id)).join(', ')}</td>
                <td className="govuk-table__cell">{m.staffIds.map((id) => staffName(ctx.reference, id)).join(', ')}</td>
                <td className="govuk-table__cell cb-pre-wrap">{[m.venue, m.notes].filter(Boolean).join('\n') || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {ctx.canEdit && <OpenFormButton form="meeting">Record a preparation meeting</OpenFormButton>}
      {form === 'meeting' && ctx.canEdit && <MeetingForm ctx={ctx} />}
    </>
  );
}

function nameOf(ctx: CaseContext, id: string): string {
  const p = ctx.c.participants.find((x) => x.id === id);
  return p ? who(p) : 'Someone no longer in the case';
}

function ParticipantContacts({ ctx, p }: { ctx: CaseContext; p: Participant }) {
  const form = useCaseView((s) => s.form);
  const entries = contactHistory(p).reverse();
  const headingId = `contacts-${p.id}`;
  return (
    <section aria-labelledby={headingId} className="cb-participant-section" data-testid={`contacts-${p.id}`}>
      <h3 className="govuk-heading-m" id={headingId}>
        {who(p)} <span className="cb-secondary cb-role">{roleOf(p, ctx.labels)}</span>
      </h3>
      {p.person.preferredContact || p.person.safeTimes ? (
        <p className="govuk-body-s cb-secondary">
          {p.person.preferredContact ? `Prefers ${CONTACT_METHOD_LABELS[p.person.preferredContact].toLowerCase()}. ` : ''}
          {p.person.safeTimes ? `Safe times: ${p.person.safeTimes}` : ''}
        </p>
      ) : null}
      {entries.length === 0 ? (
        <p className="govuk-body">No attempts or contacts yet.</p>
      ) : (
        <table className="govuk-table cb-table--compact">
          <caption className="govuk-table__caption govuk-visually-hidden">Attempts and contacts with {who(p)}, newest first</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Date</th>
              <th scope="col" className="govuk-table__header">What</th>
              <th scope="col" className="govuk-table__header">How</th>
              <th scope="col" className="govuk-table__header">Outcome</th>
              <th scope="col" className="govuk-table__header">By</th>
              <th scope="col" className="govuk-table__header">Notes</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {entries.map((e, i) => (
              <tr className="govuk-table__row" key={`${e.recordedAt}-${i}`}>
                <td className="govuk-table__cell cb-nowrap">
                  {formatDate(e.on)}
                  {e.time ? `, ${e.time}` : ''}
                </td>
                <td className="govuk-table__cell">{e.kind === 'attempt' ? 'Attempt' : 'Contact'}</td>
                <td className="govuk-table__cell">{CONTACT_METHOD_LABELS[e.method]}</td>
                <td className="govuk-table__cell">
                  {OUTCOME_LABELS[e.outcome]}
                  {e.rjInformationGiven && (
                    <span className="cb-block">
                      <Tag colour="turquoise">RJ information given</Tag>
                    </span>
                  )}
                </td>
                <td className="govuk-table__cell">{signerName(ctx.reference, e.by, e.recordedOnBehalfBy)}</td>
                <td className="govuk-table__cell cb-pre-wrap">{e.notes || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {ctx.canEdit && (
        <OpenFormButton form={`contact:${p.id}`}>
          Record a contact<span className="govuk-visually-hidden"> with {who(p)}</span>
        </OpenFormButton>
      )}
      {form === `contact:${p.id}` && ctx.canEdit && <ContactForm ctx={ctx} p={p} />}
    </section>
  );
}

interface ContactValues extends OnBehalfValues {
  kind: ContactKind;
  on: string;
  time: string;
  method: '' | ContactMethod;
  outcome: string;
  rjInformationGiven: boolean;
  notes: string;
}

const CONTACT_FIELDS = ['kind', 'on', 'time', 'method', 'outcome', 'rjInformationGiven', 'notes', ...ON_BEHALF_FIELDS] as const;

function ContactForm({ ctx, p }: { ctx: CaseContext; p: Participant }) {
  const { reference, c } = ctx;
  const f = useCommandForm<ContactValues>({
    prefix: `contact-${p.id}-`,
    fields: CONTACT_FIELDS,
    defaultValues: { ...ON_BEHALF_DEFAULTS, kind: 'contact', on: ukToday(reference), time: '', method: p.person.preferredContact ?? '', outcome: '', rjInformationGiven: false, notes: '' },
    build: (v) => {
      const errors: FieldProblem[] = [];
      const on = readDate(v.on, 'on', { label: 'Date', notAfter: reference.today, notBefore: c.referral.receivedOn, notBeforeWhy: `The date must be on or after the referral was received (${formatDate(c.referral.receivedOn)})` }, errors);
      if (!v.method) errors.push({ field: 'method', message: 'Choose how you tried to make contact' });
      if (!v.outcome) errors.push({ field: 'outcome', message: 'Choose what happened' });
      const onBehalfOf = readOnBehalf(v, errors);
      return {
        errors,
        commands: [
          {
            type: 'record-contact',
            participantId: p.id,
            entry: {
              kind: v.kind,
              on: on ?? '',
              ...(v.time.trim() ? { time: v.time.trim() } : {}),
              method: v.method as ContactMethod,
              outcome: v.outcome as (typeof CONTACT_OUTCOMES)[number],
              ...(v.rjInformationGiven ? { rjInformationGiven: true } : {}),
              ...(optional(v.notes) ? { notes: optional(v.notes) } : {}),
            },
            ...onBehalfOf,
          },
        ],
      };
    },
    fieldFor: (path) => {
      const name = path.replace(/^entry\./, '').split('.')[0];
      return name && (CONTACT_FIELDS as readonly string[]).includes(name) ? name : undefined;
    },
    notice: (v) => `${v.kind === 'attempt' ? 'Contact attempt' : 'Contact'} with ${who(p)} recorded`,
  });
  const kind = f.watch('kind');
  const outcomes = kind === 'attempt' ? ATTEMPT_OUTCOMES : CONTACT_OUTCOMES;
  return (
    <FormPanel title={`Record a contact with ${who(p)}`} summary={f.summary} focusKey={f.focusKey} onSubmit={f.onSubmit} submitLabel="Save contact" submitting={f.formState.isSubmitting} testId="contact-form">
      <RadiosField
        id={f.id('kind')}
        legend="Did you reach them?"
        error={f.error('kind')}
        inline
        choices={[
          { value: 'contact', label: 'Yes, we spoke or met' },
          { value: 'attempt', label: 'No, this was an attempt' },
        ]}
        registration={f.register('kind', { onChange: () => f.setValue('outcome', '') })}
      />
      <DateBox id={f.id('on')} label="Date" error={f.error('on')} registration={f.register('on')} />
      <TextField id={f.id('time')} label="Time (optional)" hint="For example, 14:30" error={f.error('time')} registration={f.register('time')} inputMode="numeric" autoComplete="off" widthClass="govuk-input--width-5" />
      <SelectField id={f.id('method')} label="How" error={f.error('method')} placeholder="Choose how" options={CONTACT_METHODS.map((m) => ({ value: m, label: CONTACT_METHOD_LABELS[m] }))} registration={f.register('method')} />
      <SelectField id={f.id('outcome')} label="Outcome" error={f.error('outcome')} placeholder="Choose what happened" options={outcomes.map((o) => ({ value: o, label: OUTCOME_LABELS[o] }))} registration={f.register('outcome')} />
      <SingleCheckbox
        id={f.id('rjInformationGiven')}
        label="Information about restorative justice was given"
        hint="Victims' Code right 3. For an attempt, only when a message, letter or email carried it."
        error={f.error('rjInformationGiven')}
        registration={f.register('rjInformationGiven')}
      />
      <TextArea id={f.id('notes')} label="Notes (optional)" error={f.error('notes')} registration={f.register('notes')} />
      <SignedBy ctx={ctx} f={f} verb="Contact made by" />
    </FormPanel>
  );
}

interface MeetingValues {
  on: string;
  time: string;
  format: '' | (typeof MEETING_FORMATS)[number];
  participantIds: string[];
  staffIds: string[];
  venue: string;
  notes: string;
}

const MEETING_FIELDS = ['on', 'time', 'format', 'participantIds', 'staffIds', 'venue', 'notes'] as const;

function MeetingForm({ ctx }: { ctx: CaseContext }) {
  const { reference, c } = ctx;
  const f = useCommandForm<MeetingValues>({
    prefix: 'meeting-',
    fields: MEETING_FIELDS,
    defaultValues: { on: ukToday(reference), time: '', format: '', participantIds: [], staffIds: ctx.me ? [ctx.me.id] : [], venue: '', notes: '' },
    build: (v) => {
      const errors: FieldProblem[] = [];
      const on = readDate(v.on, 'on', { label: 'Date', notAfter: reference.today, notBefore: c.referral.receivedOn }, errors);
      if (!v.format) errors.push({ field: 'format', message: 'Choose how the meeting was held' });
      const list = (x: unknown) => (Array.isArray(x) ? (x as string[]) : typeof x === 'string' && x ? [x] : []);
      return {
        errors,
        commands: [
          {
            type: 'record-meeting',
            meeting: {
              on: on ?? '',
              ...(v.time.trim() ? { time: v.time.trim() } : {}),
              format: v.format as (typeof MEETING_FORMATS)[number],
              participantIds: list(v.participantIds),
              staffIds: list(v.staffIds),
              ...(optional(v.venue) ? { venue: optional(v.venue) } : {}),
              ...(optional(v.notes) ? { notes: optional(v.notes) } : {}),
            },
          },
        ],
      };
    },
    fieldFor: (path) => {
      const name = path.replace(/^meeting\./, '').split('.')[0];
      return name && (MEETING_FIELDS as readonly string[]).includes(name) ? name : undefined;
    },
    notice: 'Preparation meeting recorded',
  });
  return (
    <FormPanel title="Record a preparation meeting" summary={f.summary} focusKey={f.focusKey} onSubmit={f.onSubmit} submitLabel="Save meeting" submitting={f.formState.isSubmitting} testId="meeting-form">
      <DateBox id={f.id('on')} label="Date" error={f.error('on')} registration={f.register('on')} />
      <TextField id={f.id('time')} label="Time (optional)" hint="For example, 14:30" error={f.error('time')} registration={f.register('time')} inputMode="numeric" autoComplete="off" widthClass="govuk-input--width-5" />
      <RadiosField
        id={f.id('format')}
        legend="How was it held?"
        error={f.error('format')}
        inline
        choices={MEETING_FORMATS.map((m) => ({ value: m, label: MEETING_FORMAT_LABELS[m] }))}
        registration={f.register('format')}
      />
      <CheckboxesField
        id={f.id('participantIds')}
        legend="Who was it with?"
        error={f.error('participantIds')}
        small
        choices={participantsInOrder(c).map((p) => ({ value: p.id, label: nameAndRole(p, ctx.labels) }))}
        registration={f.register('participantIds')}
      />
      <CheckboxesField
        id={f.id('staffIds')}
        legend="Who held it?"
        error={f.error('staffIds')}
        small
        choices={staffOptions(reference).map((s) => ({ value: s.value, label: s.label }))}
        registration={f.register('staffIds')}
      />
      <TextField id={f.id('venue')} label="Venue (optional)" error={f.error('venue')} registration={f.register('venue')} autoComplete="off" />
      <TextArea id={f.id('notes')} label="Notes (optional)" error={f.error('notes')} registration={f.register('notes')} />
    </FormPanel>
  );
}
