import { z } from 'zod';
import { isUnder18 } from '../shared/age';
import type { Case, Participant } from '../cases/case';
import { dateField, formatDate } from '../time/dates';
import { allow, refuse, type Decision } from '../shared/decision';
import { ListIdSchema, ParticipantIdSchema, PARTICIPANT_ROLES, type ParticipantRole } from '../cases/participant-role';
import { findStaff, StaffIdSchema, type StaffMember } from '../staff/staff';
import { duplicateIds, parseYamlTemplate, type TemplateResult } from '../shared/template-file';
import { requiredText, text } from '../shared/text';

/**
 * Consent is written, free, informed and withdrawable at any time (product.md). It is kept
 * per participant and per element as an append-only list: a change adds a new version and
 * nothing is ever overwritten, so the file shows what each person agreed to and when.
 */

// ── The ten elements, as data (templates/casework/consent-elements.yaml) ──────────────────

export const ConsentElementSchema = z.strictObject({
  id: ListIdSchema,
  number: z.number({ error: 'number must be a whole number' }).int().min(1).max(99),
  title: requiredText('Title', 200),
  /** What the facilitator explains and the participant agrees to, as printed on the form. */
  wording: requiredText('Wording', 5_000),
  /** Roles for whom this element must be given before a restorative process can start. An
   * empty list means it is recorded (for example a feedback preference) but never blocks. */
  requiredFor: z.array(z.enum(PARTICIPANT_ROLES, { error: `A role is one of: ${PARTICIPANT_ROLES.join(', ')}` })).max(PARTICIPANT_ROLES.length),
  /** For under-18s this element also needs a parent's or guardian's signature. */
  parentGuardianForUnder18: z.boolean({ error: 'parentGuardianForUnder18 must be true or false' }).default(false),
});
export type ConsentElement = z.infer<typeof ConsentElementSchema>;

export const ConsentElementsFileSchema = z
  .strictObject({
    version: z.literal(1, { error: 'version must be 1' }),
    elements: z.array(ConsentElementSchema).min(1, { error: 'List at least one consent element' }).max(50),
  })
  .superRefine((f, ctx) => {
    for (const d of duplicateIds(f.elements)) ctx.addIssue({ code: 'custom', path: ['elements', d.index, 'id'], message: `the id "${d.id}" is used twice` });
    const numbers = new Set<number>();
    f.elements.forEach((e, i) => {
      if (numbers.has(e.number)) ctx.addIssue({ code: 'custom', path: ['elements', i, 'number'], message: `number ${e.number} is used twice` });
      numbers.add(e.number);
    });
  });

export function parseConsentElements(yamlText: string, file: string): TemplateResult<ConsentElement[]> {
  const r = parseYamlTemplate(yamlText, file, ConsentElementsFileSchema);
  return r.ok ? { ok: true, value: [...r.value.elements].sort((a, b) => a.number - b.number) } : r;
}

// ── The record kept on each participant ───────────────────────────────────────────────

export const CONSENT_STATUSES = ['given', 'declined', 'withdrawn'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];
export const CONSENT_METHODS = ['signed-form', 'recorded-verbal'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];
export const CONSENT_METHOD_LABELS: Record<ConsentMethod, string> = { 'signed-form': 'Signed form', 'recorded-verbal': 'Recorded verbal consent' };

export const ConsentEntrySchema = z.strictObject({
  elementId: ListIdSchema,
  /** 1 for the first answer on this element, then 2, 3… */
  version: z.number().int().min(1),
  status: z.enum(CONSENT_STATUSES, { error: 'Consent is given, declined or withdrawn' }),
  on: dateField('Consent date'),
  /** How it was given; a withdrawal may come by any means, so it is optional there. */
  method: z.enum(CONSENT_METHODS, { error: 'Choose how consent was given: signed form or recorded verbal' }).optional(),
  /** The facilitator who took it (their record is the countersignature). */
  takenBy: StaffIdSchema,
  /** For an under-18: the parent or guardian (a participant in the case) who also signed. */
  parentGuardianId: ParticipantIdSchema.optional(),
  reason: text('Reason', 2_000).optional(),
  recordedAt: z.iso.datetime(),
});
export type ConsentEntry = z.infer<typeof ConsentEntrySchema>;

// ── Reading the record ────────────────────────────────────────────────────────────────

/** The latest entry for each element. */
export function currentConsent(p: Pick<Participant, 'consent'>): Map<string, ConsentEntry> {
  const out = new Map<string, ConsentEntry>();
  for (const e of p.consent ?? []) {
    const prev = out.get(e.elementId);
    if (!prev || e.version >= prev.version) out.set(e.elementId, e);
  }
  return out;
}

export function consentHistory(p: Pick<Participant, 'consent'>, elementId: string): ConsentEntry[] {
  return (p.consent ?? []).filter((e) => e.elementId === elementId).sort((a, b) => a.version - b.version);
}

export function requiredElements(elements: readonly ConsentElement[], role: ParticipantRole): ConsentElement[] {
  return elements.filter((e) => e.requiredFor.includes(role));
}

export type ConsentState = 'complete' | 'partial' | 'none' | 'withdrawn';

export interface ConsentSummary {
  state: ConsentState;
  /** Required elements currently given (and, for under-18s, co-signed where needed). */
  given: string[];
  /** Required elements not yet given: never answered, declined, withdrawn or lacking a parent's signature. */
  missing: string[];
  declined: string[];
  withdrawn: string[];
  /** Elements given by an under-18 that still lack a parent's or guardian's signature. */
  needsParentGuardian: string[];
}

/**
 * At a glance: withdrawn if any element is currently withdrawn (a withdrawal must never be
 * hidden behind "partial"); complete when every required element is given; none when nothing
 * is given; partial otherwise.
 */
export function consentSummary(p: Participant, elements: readonly ConsentElement[], today: string): ConsentSummary {
  const current = currentConsent(p);
  const under18 = isUnder18(p.person.dateOfBirth, today);
  const s: ConsentSummary = { state: 'none', given: [], missing: [], declined: [], withdrawn: [], needsParentGuardian: [] };
  for (const [id, e] of current) {
    if (e.status === 'declined') s.declined.push(id);
    if (e.status === 'withdrawn') s.withdrawn.push(id);
  }
  let anyGiven = false;
  for (const el of elements) {
    const e = current.get(el.id);
    if (e?.status === 'given') anyGiven = true;
    if (!el.requiredFor.includes(p.role)) continue;
    const cosignMissing = e?.status === 'given' && el.parentGuardianForUnder18 && under18 && !e.parentGuardianId;
    if (cosignMissing) s.needsParentGuardian.push(el.id);
    if (e?.status === 'given' && !cosignMissing) s.given.push(el.id);
    else s.missing.push(el.id);
  }
  s.state = s.withdrawn.length > 0 ? 'withdrawn' : s.missing.length === 0 ? 'complete' : anyGiven ? 'partial' : 'none';
  return s;
}

export function consentState(p: Participant, elements: readonly ConsentElement[], today: string): ConsentState {
  return consentSummary(p, elements, today).state;
}

// ── Changing the record ───────────────────────────────────────────────────────────────

export interface ConsentContext {
  today: string;
  now: string;
  staff: readonly StaffMember[];
  elements: readonly ConsentElement[];
}

export const RecordConsentSchema = z.strictObject({
  participantId: ParticipantIdSchema,
  elementId: ListIdSchema,
  status: z.enum(['given', 'declined'], { error: 'Record consent as given or declined (use withdraw for a withdrawal)' }),
  on: dateField('Consent date'),
  method: z.enum(CONSENT_METHODS, { error: 'Choose how consent was given: signed form or recorded verbal' }),
  takenBy: StaffIdSchema,
  parentGuardianId: ParticipantIdSchema.optional(),
  reason: text('Reason', 2_000).optional(),
});
export type RecordConsentInput = z.infer<typeof RecordConsentSchema>;

export const WithdrawConsentSchema = z.strictObject({
  participantId: ParticipantIdSchema,
  on: dateField('Withdrawal date'),
  /** Which elements; all currently given ones when left out (the usual case). */
  elementIds: z.array(ListIdSchema).max(50).optional(),
  takenBy: StaffIdSchema,
  method: z.enum(CONSENT_METHODS).optional(),
  reason: text('Reason', 2_000).optional(),
});
export type WithdrawConsentInput = z.infer<typeof WithdrawConsentSchema>;

function nextVersion(p: Participant, elementId: string): number {
  return (p.consent ?? []).reduce((v, e) => (e.elementId === elementId ? Math.max(v, e.version) : v), 0) + 1;
}

function checkDate(on: string, c: Case, today: string, what: string): string[] {
  const out: string[] = [];
  if (on > today) out.push(`The ${what} date ${formatDate(on)} is in the future.`);
  if (on < c.referral.receivedOn) out.push(`The ${what} date ${formatDate(on)} is before the referral was received (${formatDate(c.referral.receivedOn)}).`);
  return out;
}

export function recordConsent(c: Case, input: RecordConsentInput, ctx: ConsentContext): Decision<Participant> {
  const p = c.participants.find((x) => x.id === input.participantId);
  if (!p) return refuse('That participant is not in this case.');
  const el = ctx.elements.find((e) => e.id === input.elementId);
  if (!el) return refuse(`"${input.elementId}" is not one of the consent elements.`);
  const problems = checkDate(input.on, c, ctx.today, 'consent');
  const taker = findStaff(ctx.staff, input.takenBy);
  if (!taker) problems.push('The person who took consent is not on the staff list.');
  else if (!taker.active) problems.push(`${taker.name} is no longer active and cannot take consent.`);
  if (input.parentGuardianId !== undefined) {
    const pg = c.participants.find((x) => x.id === input.parentGuardianId);
    if (!pg || pg.role !== 'parent-guardian') problems.push('The co-signing parent or guardian must be a parent or guardian taking part in this case.');
  } else if (input.status === 'given' && el.parentGuardianForUnder18 && isUnder18(p.person.dateOfBirth, input.on)) {
    problems.push(`${p.person.givenName} is under 18, so element ${el.number} (${el.title}) also needs a parent's or guardian's signature: choose who signed.`);
  }
  if (problems.length > 0) return refuse(...problems);
  const entry: ConsentEntry = {
    elementId: el.id,
    version: nextVersion(p, el.id),
    status: input.status,
    on: input.on,
    method: input.method,
    takenBy: input.takenBy,
    ...(input.parentGuardianId ? { parentGuardianId: input.parentGuardianId } : {}),
    ...(input.reason ? { reason: input.reason } : {}),
    recordedAt: ctx.now,
  };
  return allow({ ...p, consent: [...(p.consent ?? []), entry] });
}

/**
 * A participant may withdraw at any time and need give no reason. Every element currently
 * given (or those named) gets a new "withdrawn" version dated when they withdrew.
 */
export function withdrawConsent(c: Case, input: WithdrawConsentInput, ctx: ConsentContext): Decision<Participant> {
  const p = c.participants.find((x) => x.id === input.participantId);
  if (!p) return refuse('That participant is not in this case.');
  const problems = checkDate(input.on, c, ctx.today, 'withdrawal');
  if (!findStaff(ctx.staff, input.takenBy)) problems.push('The person recording the withdrawal is not on the staff list.');
  const current = currentConsent(p);
  const given = [...current.values()].filter((e) => e.status === 'given').map((e) => e.elementId);
  const ids = [...new Set(input.elementIds ?? given)];
  for (const id of ids) {
    if (!ctx.elements.some((e) => e.id === id)) problems.push(`"${id}" is not one of the consent elements.`);
    else if (current.get(id)?.status !== 'given') problems.push(`Consent to "${id}" is not currently given, so it cannot be withdrawn.`);
  }
  if (ids.length === 0) problems.push(`${p.person.givenName} has not given consent to anything, so there is nothing to withdraw; record a decline instead.`);
  if (problems.length > 0) return refuse(...problems);
  const added: ConsentEntry[] = ids.map((id) => ({
    elementId: id,
    version: nextVersion(p, id),
    status: 'withdrawn',
    on: input.on,
    ...(input.method ? { method: input.method } : {}),
    takenBy: input.takenBy,
    ...(input.reason ? { reason: input.reason } : {}),
    recordedAt: ctx.now,
  }));
  return allow({ ...p, consent: [...(p.consent ?? []), ...added] });
}
