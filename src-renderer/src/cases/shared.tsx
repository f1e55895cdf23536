import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { displayName, type Case, type Participant } from '../../../src-main/domain/cases/case';
import type { CaseView, CaseworkReference } from '../../../src-main/domain/cases/case-view';
import type { ConsentState } from '../../../src-main/domain/consent/consent';
import type { RiskStatus } from '../../../src-main/domain/risk/risk';
import { isUnder18 } from '../../../src-main/domain/shared/age';
import { enhancedRightsReasons } from '../../../src-main/domain/cases/enhanced-rights';
import { PRACTITIONER_LEVEL_LABELS, STAFF_ROLE_LABELS, type StaffMember, type StaffRole } from '../../../src-main/domain/staff/staff';
import type { Settings } from '../../../src-main/domain/casebook/settings';
import { participantRoleLabel } from '../shared/lib/labels';
import { formatDate, isoToUk, parseUkDate } from '../shared/lib/dates';
import { useSession } from '../app/session';
import { useCasework } from './casework-state';
import { useCaseView } from './case-view-state';
import { TextField } from '../shared/components/TextField';
import { Tag, type TagColour } from '../shared/components/Tag';
import type { SelectOption } from '../shared/components/SelectField';
import type { FieldProblem } from './command-form';

/** Everything a case section needs: the view, the reference data and who is looking. */
export interface CaseContext {
  view: CaseView;
  c: Case;
  reference: CaseworkReference;
  labels: Settings['roleLabels'];
  /** A casework role in a casebook that is not open read-only: may reopen an ended case. */
  canWork: boolean;
  /** May change the case: canWork, and the case has not ended. */
  canEdit: boolean;
  /** canWork, and may choose the lead facilitator and co-facilitator (the 'assign-team' capability). */
  canAssignTeam: boolean;
  /** canWork, and may close the case (the 'close-cases' capability). */
  canClose: boolean;
  /** The signed-in person's staff record: whom every "taken by", "signed off by"… names. */
  me?: StaffMember;
  /** canWork, and may record something for someone else (the 'record-on-behalf' capability: administrators). */
  canRecordOnBehalf: boolean;
}

const DEFAULT_LABELS: Settings['roleLabels'] = { harmed: 'Person harmed', responsible: 'Person responsible' };

export function useRoleLabels(): Settings['roleLabels'] {
  return useSession((s) => s.session?.settings.roleLabels) ?? DEFAULT_LABELS;
}

export function useReference(): CaseworkReference | undefined {
  return useCasework((s) => s.reference);
}

export function who(p: Participant): string {
  return displayName(p.person);
}

export function roleOf(p: Participant, labels: Settings['roleLabels']): string {
  return participantRoleLabel(p.role, labels);
}

/** "Aisha Khan (Victim)" for lists and choices. */
export function nameAndRole(p: Participant, labels: Settings['roleLabels']): string {
  return `${who(p)} (${roleOf(p, labels).toLowerCase()})`;
}

// ── Dates typed the UK way ────────────────────────────────────────────────────────────

export const DATE_HINT = 'For example, 23/11/2026';

/** The box starts with today's date written the UK way. */
export function ukToday(reference: CaseworkReference): string {
  return isoToUk(reference.today);
}

interface DateRules {
  label: string;
  required?: boolean;
  /** Must not be after this date (usually today). */
  notAfter?: string;
  notAfterWhy?: string;
  /** Must not be before this date (usually the day the referral was received). */
  notBefore?: string;
  notBeforeWhy?: string;
  /** Must be after this date (a review after the assessment). */
  after?: string;
  afterWhy?: string;
}

/**
 * Read a date box: undefined when empty and optional, the ISO date when fine, and a problem
 * for the box otherwise (a 31 February, or a date outside what makes sense).
 */
export function readDate(value: string | undefined, field: string, rules: DateRules, problems: FieldProblem[]): string | undefined {
  const text = (value ?? '').trim();
  if (!text) {
    if (rules.required !== false) problems.push({ field, message: `Enter the ${rules.label.toLowerCase()}` });
    return undefined;
  }
  const iso = parseUkDate(text);
  if (!iso) {
    problems.push({ field, message: `${rules.label} must be a real date, like 23/11/2026` });
    return undefined;
  }
  if (rules.notAfter && iso > rules.notAfter) problems.push({ field, message: rules.notAfterWhy ?? `${rules.label} must be today or in the past` });
  else if (rules.notBefore && iso < rules.notBefore) problems.push({ field, message: rules.notBeforeWhy ?? `${rules.label} must be on or after ${formatDate(rules.notBefore)}` });
  else if (rules.after && iso <= rules.after) problems.push({ field, message: rules.afterWhy ?? `${rules.label} must be after ${formatDate(rules.after)}` });
  return iso;
}

export function DateBox({ id, label, hint, error, registration }: { id: string; label: string; hint?: string; error?: string; registration: UseFormRegisterReturn }) {
  return (
    <TextField
      id={id}
      label={label}
      hint={hint ? `${hint} ${DATE_HINT}.` : DATE_HINT}
      error={error}
      registration={registration}
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      widthClass="govuk-input--width-10"
    />
  );
}

/** Optional text: trimmed, and left out of the command when empty. */
export function optional(value: string | undefined): string | undefined {
  const t = (value ?? '').trim();
  return t ? t : undefined;
}

// ── Staff ─────────────────────────────────────────────────────────────────────────────

/** "a manager", "an RJ coordinator": a staff role as said in a sentence. */
export const ROLE_IN_A_SENTENCE: Record<StaffRole, string> = {
  coordinator: 'an RJ coordinator',
  facilitator: 'a facilitator',
  manager: 'a manager',
  'quality-lead': 'a quality lead',
  administrator: 'an administrator',
  volunteer: 'a volunteer facilitator',
};

export function staffLabel(s: StaffMember): string {
  const level = s.level ? `, ${PRACTITIONER_LEVEL_LABELS[s.level]} practitioner` : '';
  return `${s.name} (${STAFF_ROLE_LABELS[s.role]}${level})`;
}

export function staffById(reference: CaseworkReference, id: string | undefined): StaffMember | undefined {
  return id ? reference.staff.find((s) => s.id === id) : undefined;
}

export function staffName(reference: CaseworkReference, id: string | undefined): string {
  if (!id) return 'Not recorded';
  return staffById(reference, id)?.name ?? 'Someone no longer on the staff list';
}

/** "Margaret Hughes", or "Margaret Hughes (recorded by Siân Evans)" when an administrator recorded it for them. */
export function signerName(reference: CaseworkReference, id: string | undefined, recordedOnBehalfBy?: string): string {
  return recordedOnBehalfBy ? `${staffName(reference, id)} (recorded by ${staffName(reference, recordedOnBehalfBy)})` : staffName(reference, id);
}

/** Active staff as choices, practitioners first; `filter` narrows it (practitioners only, say). */
export function staffOptions(reference: CaseworkReference, filter: (s: StaffMember) => boolean = () => true): SelectOption[] {
  return reference.staff
    .filter((s) => s.active && filter(s))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
    .map((s) => ({ value: s.id, label: staffLabel(s) }));
}

// ── People ────────────────────────────────────────────────────────────────────────────

/**
 * Why a person has enhanced rights (people harmed only), as at the referral or today: a
 * child when referred keeps them for the case (deadlines count from the referral).
 */
export function enhancedRightsFor(p: Participant, c: Case, today: string): string[] {
  return [...new Set([...enhancedRightsReasons(p, c.referral.receivedOn), ...enhancedRightsReasons(p, today)])];
}

/** Tags that matter when working with someone: under 18, enhanced rights and why, not taking part. */
export function PersonTags({ p, c, today }: { p: Participant; c: Case; today: string }) {
  const under18 = isUnder18(p.person.dateOfBirth, today);
  const enhanced = enhancedRightsFor(p, c, today);
  if (!under18 && enhanced.length === 0 && p.takesPart !== false) return null;
  return (
    <span className="cb-tags">
      {under18 && <Tag colour="purple">Under 18</Tag>}
      {enhanced.length > 0 && <Tag colour="pink">Enhanced rights: {enhanced.join(', ')}</Tag>}
      {p.takesPart === false && <Tag colour="grey">Not taking part</Tag>}
    </span>
  );
}

/** Random participant id: "p_" and ten lower-case letters or digits, from the system's generator. */
export function newParticipantId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = crypto.getRandomValues(new Uint8Array(10));
  // 252 is the largest multiple of 36 below 256; redraw above it so every character is equally likely.
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    let b = bytes[i] as number;
    while (b >= 252) b = (crypto.getRandomValues(new Uint8Array(1))[0] as number);
    out += alphabet[b % 36];
  }
  return `p_${out}`;
}

// ── Status tags ───────────────────────────────────────────────────────────────────────

export const CONSENT_STATE_TAGS: Record<ConsentState, { label: string; colour: TagColour }> = {
  complete: { label: 'Consent complete', colour: 'green' },
  partial: { label: 'Consent partly given', colour: 'yellow' },
  none: { label: 'No consent yet', colour: 'grey' },
  withdrawn: { label: 'Consent withdrawn', colour: 'red' },
};

export const RISK_STATUS_TAGS: Record<RiskStatus, { label: string; colour: TagColour }> = {
  none: { label: 'Not assessed', colour: 'grey' },
  unsigned: { label: 'Awaiting sign-off', colour: 'yellow' },
  'needs-approver': { label: 'Needs approver sign-off', colour: 'orange' },
  'signed-off': { label: 'Signed off', colour: 'green' },
  'not-suitable': { label: 'Not suitable', colour: 'red' },
};

export function StatusTag({ tag }: { tag: { label: string; colour: TagColour } }) {
  return <Tag colour={tag.colour}>{tag.label}</Tag>;
}

/** A summary-list row that says "Not recorded" rather than leaving a blank. */
export function Row({ label, children, testId }: { label: string; children?: ReactNode; testId?: string }) {
  const empty = children === undefined || children === null || children === '' || children === false;
  return (
    <div className="govuk-summary-list__row" data-testid={testId}>
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{empty ? <span className="cb-secondary">Not recorded</span> : children}</dd>
    </div>
  );
}

/** A button that opens an inline form; hidden when the person may not change the case. */
export function OpenFormButton({ form, children, secondary = true, warning }: { form: string; children: ReactNode; secondary?: boolean; warning?: boolean }) {
  return (
    <OpenButton form={form} className={`govuk-button${warning ? ' govuk-button--warning' : secondary ? ' govuk-button--secondary' : ''}`}>
      {children}
    </OpenButton>
  );
}


function OpenButton({ form, className, children }: { form: string; className: string; children: ReactNode }) {
  const openForm = useCaseView((s) => s.openForm);
  const current = useCaseView((s) => s.form);
  return (
    <button type="button" className={className} aria-expanded={current === form} onClick={() => openForm(current === form ? undefined : form)}>
      {children}
    </button>
  );
}

/** Which participants have a risk or consent record to show: everyone, in case order. */
export function participantsInOrder(c: Case): Participant[] {
  const order = ['harmed', 'responsible', 'parent-guardian', 'supporter', 'other'];
  return [...c.participants].sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
}

export { formatDate };
