import { z } from 'zod';
import { isUnder18 } from '../shared/age';
import type { Case, Participant } from '../cases/case';
import { dateField, formatDate } from '../time/dates';
import { allow, refuse, type Decision } from '../shared/decision';
import { ListIdSchema, ParticipantIdSchema, type ParticipantRole } from '../cases/participant-role';
import { ON_BEHALF_FIELD, onBehalf, type Signature } from '../staff/signer';
import { text } from '../shared/text';
import { strictForm } from '../shared/strict-form';

/**
 * Consent is written, free, informed and withdrawable at any time (product.md). It is kept
 * per participant and per element as an append-only list: a change adds a new version and
 * nothing is ever overwritten, so the file shows what each person agreed to and when.
 */

import { ConsentElement, CONSENT_METHODS, ConsentEntry } from './consent-record';

export * from './consent-record';

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
  elements: readonly ConsentElement[];
}

export const RecordConsentSchema = strictForm({
  participantId: ParticipantIdSchema,
  elementId: ListIdSchema,
  status: z.enum(['given', 'declined'], { error: 'Record consent as given or declined (use withdraw for a withdrawal)' }),
  on: dateField('Consent date'),
  method: z.enum(CONSENT_METHODS, { error: 'Choose how consent was given: signed form or recorded verbal' }),
  parentGuardianId: ParticipantIdSchema.optional(),
  reason: text('Reason', 2_000).optional(),
  ...ON_BEHALF_FIELD,
}, 'the command');
export type RecordConsentInput = z.infer<typeof RecordConsentSchema>;

export const WithdrawConsentSchema = strictForm({
  participantId: ParticipantIdSchema,
  on: dateField('Withdrawal date'),
  /** Which elements; all currently given ones when left out (the usual case). */
  elementIds: z.array(ListIdSchema).max(50).optional(),
  method: z.enum(CONSENT_METHODS).optional(),
  reason: text('Reason', 2_000).optional(),
  ...ON_BEHALF_FIELD,
}, 'the command');
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

/** Consent is taken by the person who signs (signer.ts): the signed-in person, or whom an administrator records it for. */
export function recordConsent(c: Case, input: RecordConsentInput, ctx: ConsentContext, signer: Signature): Decision<Participant> {
  const p = c.participants.find((x) => x.id === input.participantId);
  if (!p) return refuse('That participant is not in this case.');
  const el = ctx.elements.find((e) => e.id === input.elementId);
  if (!el) return refuse(`"${input.elementId}" is not one of the consent elements.`);
  const problems = checkDate(input.on, c, ctx.today, 'consent');
  if (!signer.by.active) problems.push(`${signer.by.name} is no longer active and cannot take consent.`);
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
    takenBy: signer.by.id,
    ...onBehalf(signer),
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
export function withdrawConsent(c: Case, input: WithdrawConsentInput, ctx: ConsentContext, signer: Signature): Decision<Participant> {
  const p = c.participants.find((x) => x.id === input.participantId);
  if (!p) return refuse('That participant is not in this case.');
  const problems = checkDate(input.on, c, ctx.today, 'withdrawal');
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
    takenBy: signer.by.id,
    ...onBehalf(signer),
    ...(input.reason ? { reason: input.reason } : {}),
    recordedAt: ctx.now,
  }));
  return allow({ ...p, consent: [...(p.consent ?? []), ...added] });
}
