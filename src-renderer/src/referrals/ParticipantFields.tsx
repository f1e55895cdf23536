import { useEffect, useState } from 'react';
import { PARTICIPANT_ROLES } from '../../../src-main/domain/cases/case';
import { CONTACT_METHODS, CONTACT_METHOD_LABELS } from '../../../src-main/domain/contacts/contacts';
import { isUnder18, type CaseworkLists } from '../../../src-main/domain/referrals/referral';
import type { Settings } from '../../../src-main/domain/casebook/settings';
import { CheckboxField, CheckboxesField, InputField, SelectField, TextareaField } from '../shared/components/Fields';
import { participantRoleLabel } from '../shared/lib/labels';
import { parseUkDate } from '../shared/lib/dates';
import { fieldIdOf, type ParticipantForm, type Problems } from './form';

/** Fields kept behind "More about this person": open by itself when one of them has a problem. */
const MORE = ['preferredName', 'pronouns', 'address', 'preferredContact', 'safeTimes', 'language', 'accessibilityNeeds', 'vulnerabilities'] as const;

interface Props {
  index: number;
  value: ParticipantForm;
  onChange(p: ParticipantForm): void;
  onRemove?: () => void;
  problems: Problems;
  lists: CaseworkLists;
  roleLabels: Settings['roleLabels'];
  /** The referral date as ISO, when it can be read, for the under-18 note. */
  receivedOn?: string;
}

/** One person on the referral: who they are and how to reach them safely. */
export function ParticipantFields({ index, value: p, onChange, onRemove, problems, lists, roleLabels, receivedOn }: Props) {
  const base = `participants.${index}`;
  const path = (f: string) => `${base}.person.${f}`;
  const id = (f: string) => fieldIdOf(path(f));
  const err = (f: string) => problems[path(f)];
  const set = <K extends keyof ParticipantForm>(k: K, v: ParticipantForm[K]) => onChange({ ...p, [k]: v });
  const name = [p.givenName.trim(), p.familyName.trim()].filter(Boolean).join(' ');
  const heading = `Person ${index + 1}${name ? `: ${name}` : ''}`;
  const dob = parseUkDate(p.dateOfBirth);
  const child = dob && receivedOn ? isUnder18(dob, receivedOn) : false;
  const moreHasProblem = MORE.some((f) => err(f));
  const headingId = `${fieldIdOf(base)}-heading`;
  const [open, setOpen] = useState(moreHasProblem);
  // A problem in the hidden part opens it, so the error summary's link lands on a visible box.
  useEffect(() => {
    if (moreHasProblem) setOpen(true);
  }, [moreHasProblem]);

  return (
    <section className="cb-participant" aria-labelledby={headingId} data-testid={`participant-${index}`}>
      <div className="cb-participant__head">
        <h3 className="govuk-heading-s" id={headingId}>
          {heading}
        </h3>
        {onRemove && (
          <button type="button" className="govuk-button govuk-button--secondary" onClick={onRemove}>
            Remove<span className="govuk-visually-hidden"> person {index + 1}{name ? `, ${name}` : ''}</span>
          </button>
        )}
      </div>
      <SelectField
        id={fieldIdOf(`${base}.role`)}
        label="Role in the case"
        error={problems[`${base}.role`]}
        value={p.role}
        onValue={(v) => set('role', v as ParticipantForm['role'])}
        placeholder="Choose a role"
        choices={PARTICIPANT_ROLES.map((r) => ({ value: r, label: participantRoleLabel(r, roleLabels) }))}
      />
      <div className="cb-field-row">
        <InputField id={id('givenName')} label="Given name" error={err('givenName')} value={p.givenName} onValue={(v) => set('givenName', v)} autoComplete="off" spellCheck={false} widthClass="govuk-input--width-20" />
        <InputField id={id('familyName')} label="Family name" error={err('familyName')} value={p.familyName} onValue={(v) => set('familyName', v)} autoComplete="off" spellCheck={false} widthClass="govuk-input--width-20" />
      </div>
      <div className="cb-field-row">
        <InputField
          id={id('dateOfBirth')}
          label="Date of birth (optional)"
          hint="For example, 27/3/2007"
          error={err('dateOfBirth')}
          value={p.dateOfBirth}
          onValue={(v) => set('dateOfBirth', v)}
          autoComplete="off"
          inputMode="numeric"
          widthClass="govuk-input--width-10"
        />
        <InputField id={id('phone')} label="Phone (optional)" error={err('phone')} value={p.phone} onValue={(v) => set('phone', v)} type="tel" autoComplete="off" widthClass="govuk-input--width-20" />
      </div>
      {child && (
        <div className="govuk-inset-text govuk-!-margin-top-0" data-testid={`under-18-${index}`}>
          {p.role === 'harmed'
            ? 'Under 18 when the referral was received: they will be recorded as vulnerable, with enhanced rights under the Victims’ Code.'
            : 'Under 18 when the referral was received: they will be recorded as under 18.'}
        </div>
      )}
      <InputField id={id('email')} label="Email (optional)" error={err('email')} value={p.email} onValue={(v) => set('email', v)} type="email" autoComplete="off" spellCheck={false} widthClass="govuk-!-width-two-thirds" />
      <details className="govuk-details" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">
            More about {name || `person ${index + 1}`}: contact, language, access needs, vulnerability
          </span>
        </summary>
        <div className="govuk-details__text">
          <div className="cb-field-row">
            <InputField id={id('preferredName')} label="Preferred name (optional)" error={err('preferredName')} value={p.preferredName} onValue={(v) => set('preferredName', v)} autoComplete="off" widthClass="govuk-input--width-20" />
            <InputField id={id('pronouns')} label="Pronouns (optional)" hint="For example, she/her" error={err('pronouns')} value={p.pronouns} onValue={(v) => set('pronouns', v)} autoComplete="off" widthClass="govuk-input--width-10" />
          </div>
          <TextareaField id={id('address')} label="Address (optional)" error={err('address')} value={p.address} onValue={(v) => set('address', v)} rows={3} autoComplete="off" />
          <div className="cb-field-row">
            <SelectField
              id={id('preferredContact')}
              label="Preferred way to contact (optional)"
              error={err('preferredContact')}
              value={p.preferredContact}
              onValue={(v) => set('preferredContact', v as ParticipantForm['preferredContact'])}
              placeholder="Not known"
              choices={CONTACT_METHODS.map((m) => ({ value: m, label: CONTACT_METHOD_LABELS[m] }))}
            />
            <InputField
              id={id('safeTimes')}
              label="Safe times to contact (optional)"
              hint="In their words, for example “weekdays after 6pm, not at home”"
              error={err('safeTimes')}
              value={p.safeTimes}
              onValue={(v) => set('safeTimes', v)}
              autoComplete="off"
              widthClass="govuk-input--width-30"
            />
          </div>
          <div className="cb-field-row">
            <InputField id={id('language')} label="Language (optional)" hint="If not English" error={err('language')} value={p.language} onValue={(v) => set('language', v)} autoComplete="off" widthClass="govuk-input--width-10" />
          </div>
          <CheckboxField id={id('interpreter')} label="Needs an interpreter" checked={p.interpreter} onChecked={(v) => set('interpreter', v)} />
          <TextareaField
            id={id('accessibilityNeeds')}
            label="Accessibility needs (optional)"
            hint="For example, step-free access, large print, a hearing loop, extra time"
            error={err('accessibilityNeeds')}
            value={p.accessibilityNeeds}
            onValue={(v) => set('accessibilityNeeds', v)}
            rows={2}
          />
          <CheckboxesField
            id={id('vulnerabilities')}
            legend="Vulnerability (optional)"
            hint={p.role === 'harmed' ? 'Any of these gives a person harmed enhanced rights under the Victims’ Code. Under-18s are flagged automatically from the date of birth.' : 'Under-18s are flagged automatically from the date of birth.'}
            error={err('vulnerabilities')}
            choices={lists.vulnerabilityFlags.map((f) => ({ value: f.id, label: f.label, ...(f.hint ? { hint: f.hint } : {}) }))}
            values={p.vulnerabilities}
            onValues={(v) => set('vulnerabilities', v)}
            columns
          />
        </div>
      </details>
    </section>
  );
}
