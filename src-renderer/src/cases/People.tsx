import type { ReactNode } from 'react';
import { PARTICIPANT_ROLES, STAGES, type Participant, type ParticipantRole, type Person } from '../../../src-main/domain/cases/case';
import { CONTACT_METHOD_LABELS, CONTACT_METHODS, type ContactMethod } from '../../../src-main/domain/contacts/contacts';
import { ageOn } from '../../../src-main/domain/shared/age';
import { participantRoleLabel } from '../shared/lib/labels';
import { isoToUk } from '../shared/lib/dates';
import { useCaseView } from './case-view-state';
import { TextField } from '../shared/components/TextField';
import { TextArea } from '../shared/components/TextArea';
import { SelectField } from '../shared/components/SelectField';
import { CheckboxesField, RadiosField, SingleCheckbox } from '../shared/components/ChoiceFields';
import { FormPanel, useCommandForm, type FieldProblem } from './command-form';
import { DateBox, enhancedRightsFor, formatDate, newParticipantId, optional, participantsInOrder, PersonTags, readDate, roleOf, Row, who, type CaseContext } from './shared';

/** Everyone in the case, with their details; add people, change details, record who takes part. */
export function People({ ctx }: { ctx: CaseContext }) {
  const form = useCaseView((s) => s.form);
  const openForm = useCaseView((s) => s.openForm);
  return (
    <>
      <h2 className="govuk-heading-l">People</h2>
      {ctx.c.participants.length === 0 && <p className="govuk-body">Nobody has been added to this case yet.</p>}
      {participantsInOrder(ctx.c).map((p) => (
        <PersonCard key={p.id} ctx={ctx} p={p} />
      ))}
      {ctx.canEdit && (
        <>
          <button type="button" className="govuk-button govuk-button--secondary" aria-expanded={form === 'add-person'} onClick={() => openForm(form === 'add-person' ? undefined : 'add-person')}>
            Add a person
          </button>
          {form === 'add-person' && <PersonForm ctx={ctx} />}
        </>
      )}
    </>
  );
}

function PersonCard({ ctx, p }: { ctx: CaseContext; p: Participant }) {
  const form = useCaseView((s) => s.form);
  const openForm = useCaseView((s) => s.openForm);
  const person = p.person;
  const age = ageOn(person.dateOfBirth, ctx.reference.today);
  const toggle = (key: string) => openForm(form === key ? undefined : key);
  const processStarted = STAGES.indexOf(ctx.c.stage) >= STAGES.indexOf('process');
  const language = person.language ? `${person.language}${person.interpreter ? ', needs an interpreter' : ''}` : person.interpreter ? 'Needs an interpreter' : undefined;
  // What is recorded, in order; what is not is listed in one line rather than a row each.
  const all: [string, ReactNode][] = [
    ['Preferred name', person.preferredName],
    ['Pronouns', person.pronouns],
    ['Date of birth', person.dateOfBirth ? `${formatDate(person.dateOfBirth)}${age !== undefined ? ` (age ${age})` : ''}` : undefined],
    ['Phone', person.phone],
    ['Email', person.email],
    ['Address', person.address && <span className="cb-pre-wrap">{person.address}</span>],
    ['Preferred contact', person.preferredContact && CONTACT_METHOD_LABELS[person.preferredContact]],
    ['Safe times to contact', person.safeTimes],
    ['Language', language],
    ['Accessibility needs', person.accessibilityNeeds],
    ['Vulnerability', person.vulnerabilities?.length ? person.vulnerabilities.join(', ') : undefined],
  ];
  const enhanced = enhancedRightsFor(p, ctx.c, ctx.reference.today);
  const details = all.filter(([, v]) => v);
  const missing = all.filter(([, v]) => !v).map(([k], i) => (i === 0 ? k : k.toLowerCase()));
  return (
    <div className="govuk-summary-card" data-testid={`person-${p.id}`}>
      <div className="govuk-summary-card__title-wrapper">
        <h3 className="govuk-summary-card__title">
          {who(p)} <span className="cb-secondary cb-role">{roleOf(p, ctx.labels)}</span>
          <PersonTags p={p} c={ctx.c} today={ctx.reference.today} />
        </h3>
        {ctx.canEdit && (
          <ul className="govuk-summary-card__actions">
            <li className="govuk-summary-card__action">
              <button type="button" className="cb-link-button cb-link-button--small" aria-expanded={form === `person:${p.id}`} onClick={() => toggle(`person:${p.id}`)}>
                Change details<span className="govuk-visually-hidden"> of {who(p)}</span>
              </button>
            </li>
            {!(processStarted && p.takesPart === false) && (
              <li className="govuk-summary-card__action">
                <button type="button" className="cb-link-button cb-link-button--small" aria-expanded={form === `participation:${p.id}`} onClick={() => toggle(`participation:${p.id}`)}>
                  Mark<span className="govuk-visually-hidden"> {who(p)}</span> as {p.takesPart === false ? 'taking part' : 'not taking part'}
                </button>
              </li>
            )}
          </ul>
        )}
      </div>
      <div className="govuk-summary-card__content">
        {form === `person:${p.id}` && ctx.canEdit && <PersonForm ctx={ctx} existing={p} />}
        {form === `participation:${p.id}` && ctx.canEdit && <ParticipationForm p={p} />}
        <dl className="govuk-summary-list">
          {details.map(([label, value]) => (
            <Row key={label} label={label}>
              {value}
            </Row>
          ))}
          {p.role === 'harmed' && <Row label="Enhanced rights (Victims' Code)">{enhanced.length > 0 ? `Yes: ${enhanced.join(', ')}` : 'No'}</Row>}
          <Row label="Takes part in the process">{p.takesPart === false ? 'No' : 'Yes'}</Row>
          {missing.length > 0 && <Row label="Not recorded">{<span className="cb-secondary">{missing.join(', ')}</span>}</Row>}
        </dl>
      </div>
    </div>
  );
}

interface PersonValues {
  role: '' | ParticipantRole;
  takesPart: boolean;
  givenName: string;
  familyName: string;
  preferredName: string;
  pronouns: string;
  dateOfBirth: string;
  phone: string;
  email: string;
  address: string;
  preferredContact: '' | ContactMethod;
  safeTimes: string;
  language: string;
  interpreter: boolean;
  accessibilityNeeds: string;
  vulnerabilities: string[];
  enhancedRights: boolean;
}

const PERSON_FIELDS = ['role', 'givenName', 'familyName', 'preferredName', 'pronouns', 'dateOfBirth', 'phone', 'email', 'address', 'preferredContact', 'safeTimes', 'language', 'accessibilityNeeds', 'vulnerabilities'] as const;

function valuesOf(p: Participant | undefined): PersonValues {
  const x: Partial<Person> = p?.person ?? {};
  return {
    role: p?.role ?? '',
    takesPart: p?.takesPart !== false,
    givenName: x.givenName ?? '',
    familyName: x.familyName ?? '',
    preferredName: x.preferredName ?? '',
    pronouns: x.pronouns ?? '',
    dateOfBirth: x.dateOfBirth ? isoToUk(x.dateOfBirth) : '',
    phone: x.phone ?? '',
    email: x.email ?? '',
    address: x.address ?? '',
    preferredContact: x.preferredContact ?? '',
    safeTimes: x.safeTimes ?? '',
    language: x.language ?? '',
    interpreter: x.interpreter === true,
    accessibilityNeeds: x.accessibilityNeeds ?? '',
    vulnerabilities: x.vulnerabilities ?? [],
    enhancedRights: x.enhancedRights === true,
  };
}

/** Add a person (new id, role) or change someone's details: the same fields, the same checks. */
function PersonForm({ ctx, existing }: { ctx: CaseContext; existing?: Participant }) {
  const { reference, c } = ctx;
  const processStarted = STAGES.indexOf(c.stage) >= STAGES.indexOf('process');
  const f = useCommandForm<PersonValues>({
    prefix: existing ? `person-${existing.id}-` : 'add-person-',
    fields: PERSON_FIELDS,
    defaultValues: { ...valuesOf(existing), ...(existing ? {} : { takesPart: !processStarted }) },
    build: (v) => {
      const errors: FieldProblem[] = [];
      if (!existing && !v.role) errors.push({ field: 'role', message: 'Choose their role in the case' });
      const dob = readDate(v.dateOfBirth, 'dateOfBirth', { label: 'Date of birth', required: false, notAfter: reference.today, notAfterWhy: 'The date of birth must be in the past' }, errors);
      const text = (k: keyof PersonValues) => optional(v[k] as string);
      const vulnerabilities = Array.isArray(v.vulnerabilities) ? v.vulnerabilities : [];
      const person: Person = {
        givenName: v.givenName.trim(),
        familyName: v.familyName.trim(),
        ...(text('preferredName') ? { preferredName: text('preferredName') } : {}),
        ...(text('pronouns') ? { pronouns: text('pronouns') } : {}),
        ...(dob ? { dateOfBirth: dob } : {}),
        ...(text('phone') ? { phone: text('phone') } : {}),
        ...(text('email') ? { email: text('email') } : {}),
        ...(text('address') ? { address: text('address') } : {}),
        ...(v.preferredContact ? { preferredContact: v.preferredContact } : {}),
        ...(text('safeTimes') ? { safeTimes: text('safeTimes') } : {}),
        ...(text('language') ? { language: text('language') } : {}),
        ...(v.interpreter ? { interpreter: true } : {}),
        ...(text('accessibilityNeeds') ? { accessibilityNeeds: text('accessibilityNeeds') } : {}),
        ...(vulnerabilities.length ? { vulnerabilities } : {}),
        ...(v.enhancedRights && (existing?.role ?? v.role) === 'harmed' ? { enhancedRights: true } : {}),
      };
      if (existing) return { errors, commands: [{ type: 'update-person', participantId: existing.id, person }] };
      return {
        errors,
        commands: [{ type: 'add-participant', participant: { id: newParticipantId(), role: v.role as ParticipantRole, person, ...(v.takesPart ? {} : { takesPart: false }) } }],
      };
    },
    fieldFor: (path) => {
      const m = /^(?:participant\.)?(?:person\.)?([a-zA-Z]+)/.exec(path);
      const name = m?.[1];
      return name && (PERSON_FIELDS as readonly string[]).includes(name) ? name : undefined;
    },
    notice: (v) => (existing ? `Details of ${v.givenName.trim()} ${v.familyName.trim()} saved` : `${v.givenName.trim()} ${v.familyName.trim()} added to the case`),
  });
  // Keep flags that are no longer on the service's list, so saving does not drop them.
  const listed = reference.lists.vulnerabilityFlags.map((l) => l.label);
  const extra = (existing?.person.vulnerabilities ?? []).filter((v) => !listed.includes(v));
  const title = existing ? `Change the details of ${who(existing)}` : 'Add a person to the case';
  // Enhanced rights are a victim's (enhanced-rights.ts): asked only about a person harmed.
  const harmed = (existing?.role ?? f.watch('role')) === 'harmed';
  return (
    <FormPanel title={title} summary={f.summary} focusKey={f.focusKey} onSubmit={f.onSubmit} submitLabel={existing ? 'Save details' : 'Add person'} submitting={f.formState.isSubmitting} testId={existing ? 'person-form' : 'add-person-form'}>
      {!existing && (
        <>
          <RadiosField
            id={f.id('role')}
            legend="Their role in the case"
            error={f.error('role')}
            choices={PARTICIPANT_ROLES.map((r) => ({ value: r, label: participantRoleLabel(r, ctx.labels) }))}
            registration={f.register('role')}
          />
          <SingleCheckbox
            id={f.id('takesPart')}
            label="Takes part in the restorative process"
            hint={processStarted ? 'The process has started: people added now cannot join it.' : undefined}
            registration={f.register('takesPart', { disabled: processStarted })}
          />
        </>
      )}
      <TextField id={f.id('givenName')} label="Given name" error={f.error('givenName')} registration={f.register('givenName')} autoComplete="off" widthClass="govuk-!-width-one-half" />
      <TextField id={f.id('familyName')} label="Family name" error={f.error('familyName')} registration={f.register('familyName')} autoComplete="off" widthClass="govuk-!-width-one-half" />
      <TextField id={f.id('preferredName')} label="Preferred name (optional)" error={f.error('preferredName')} registration={f.register('preferredName')} autoComplete="off" widthClass="govuk-!-width-one-half" />
      <TextField id={f.id('pronouns')} label="Pronouns (optional)" hint="For example, she/her, they/them" error={f.error('pronouns')} registration={f.register('pronouns')} autoComplete="off" widthClass="govuk-input--width-10" />
      <DateBox id={f.id('dateOfBirth')} label="Date of birth (optional)" hint="Under-18s get enhanced rights automatically." error={f.error('dateOfBirth')} registration={f.register('dateOfBirth')} />
      <TextField id={f.id('phone')} label="Phone (optional)" type="tel" error={f.error('phone')} registration={f.register('phone')} autoComplete="off" widthClass="govuk-input--width-20" />
      <TextField id={f.id('email')} label="Email (optional)" type="email" error={f.error('email')} registration={f.register('email')} autoComplete="off" spellCheck={false} widthClass="govuk-!-width-two-thirds" />
      <TextArea id={f.id('address')} label="Address (optional)" rows={3} error={f.error('address')} registration={f.register('address')} />
      <SelectField
        id={f.id('preferredContact')}
        label="Preferred way to contact them (optional)"
        error={f.error('preferredContact')}
        placeholder="No preference recorded"
        options={CONTACT_METHODS.map((m) => ({ value: m, label: CONTACT_METHOD_LABELS[m] }))}
        registration={f.register('preferredContact')}
      />
      <TextField id={f.id('safeTimes')} label="Safe times to contact (optional)" hint="In their words, for example “weekdays after 6pm, never at home”" error={f.error('safeTimes')} registration={f.register('safeTimes')} autoComplete="off" />
      <TextField id={f.id('language')} label="Language (optional)" error={f.error('language')} registration={f.register('language')} autoComplete="off" widthClass="govuk-input--width-20" />
      <SingleCheckbox id={f.id('interpreter')} label="Needs an interpreter" registration={f.register('interpreter')} />
      <TextArea id={f.id('accessibilityNeeds')} label="Accessibility needs (optional)" rows={3} error={f.error('accessibilityNeeds')} registration={f.register('accessibilityNeeds')} />
      <CheckboxesField
        id={f.id('vulnerabilities')}
        legend="Vulnerability (optional)"
        hint={harmed ? "Any of these gives enhanced rights under the Victims' Code." : undefined}
        error={f.error('vulnerabilities')}
        small
        choices={[...listed, ...extra].map((label) => ({ value: label, label }))}
        registration={f.register('vulnerabilities')}
      />
      {harmed && (
        <SingleCheckbox id={f.id('enhancedRights')} label="Entitled to enhanced rights under the Victims' Code" hint="Victims of the most serious crime, persistently targeted, vulnerable or intimidated victims. Every under-18 is entitled." registration={f.register('enhancedRights')} />
      )}
    </FormPanel>
  );
}

function ParticipationForm({ p }: { p: Participant }) {
  const joining = p.takesPart === false;
  const f = useCommandForm<{ reason: string }>({
    prefix: `participation-${p.id}-`,
    fields: ['reason'],
    defaultValues: { reason: '' },
    build: (v) => ({ commands: [{ type: 'set-participation', participantId: p.id, takesPart: joining, reason: v.reason.trim() }] }),
    fieldFor: (path) => (path === 'reason' ? 'reason' : undefined),
    notice: `${who(p)} ${joining ? 'takes part' : 'will not take part'} in the process`,
  });
  return (
    <FormPanel
      title={joining ? `Record that ${who(p)} will take part` : `Record that ${who(p)} will not take part`}
      summary={f.summary}
      focusKey={f.focusKey}
      onSubmit={f.onSubmit}
      submitLabel="Save"
      submitting={f.formState.isSubmitting}
      testId="participation-form"
    >
      {!joining && <p className="govuk-body">They stay on the case record. Their consent and risk assessment no longer hold up the process.</p>}
      <TextArea id={f.id('reason')} label="Reason" error={f.error('reason')} registration={f.register('reason')} />
    </FormPanel>
  );
}
