import { z } from 'zod';
import { isUnder18 } from '../shared/age';
import { CJS_STAGES, DateSchema, PersonSchema, PRIORITIES, type Case, type Participant, type Person } from '../cases/case';
import { formatDate, isCalendarDate } from '../time/dates';
import { allow, refuse, type Decision } from '../shared/decision';
import { fold } from '../shared/fold';
import { ListIdSchema, ParticipantIdSchema, PARTICIPANT_ROLES } from '../cases/participant-role';
import { strictForm } from '../shared/strict-form';
import { duplicateIds, parseYamlTemplate, type TemplateResult } from '../shared/template-file';
import { requiredText, text } from '../shared/text';

export { isUnder18 } from '../shared/age';

/**
 * Taking a referral: the lists the form offers (as data), the form's schema, the checks that
 * need today's date and the lists, opening the case, allocating its reference and spotting
 * possible duplicates before it is saved.
 */

// ── Lists (templates/casework/lists.yaml) ─────────────────────────────────────────────

export const ListEntrySchema = z.strictObject({
  id: ListIdSchema,
  label: requiredText('Label', 80),
  hint: text('Hint', 200).optional(),
  /** Offence categories only: sensitive-case flags to suggest when this category is chosen. */
  sensitive: z.array(ListIdSchema).max(20).optional(),
});
export type ListEntry = z.infer<typeof ListEntrySchema>;

const list = (name: string) => z.array(ListEntrySchema).min(1, { error: `${name} needs at least one entry` }).max(500);

export const CaseworkListsSchema = z
  .strictObject({
    version: z.literal(1, { error: 'version must be 1' }),
    referralSources: list('referralSources'),
    offenceCategories: list('offenceCategories'),
    sensitiveFlags: list('sensitiveFlags'),
    vulnerabilityFlags: list('vulnerabilityFlags'),
  })
  .superRefine((f, ctx) => {
    for (const key of ['referralSources', 'offenceCategories', 'sensitiveFlags', 'vulnerabilityFlags'] as const) {
      for (const d of duplicateIds(f[key])) ctx.addIssue({ code: 'custom', path: [key, d.index, 'id'], message: `the id "${d.id}" is used twice` });
      const labels = new Set<string>();
      f[key].forEach((e, i) => {
        if (labels.has(fold(e.label))) ctx.addIssue({ code: 'custom', path: [key, i, 'label'], message: `the label "${e.label}" is used twice` });
        labels.add(fold(e.label));
      });
    }
    const flags = new Set(f.sensitiveFlags.map((s) => s.id));
    f.offenceCategories.forEach((c, i) =>
      c.sensitive?.forEach((s, j) => {
        if (!flags.has(s)) ctx.addIssue({ code: 'custom', path: ['offenceCategories', i, 'sensitive', j], message: `"${s}" is not one of the sensitiveFlags` });
      }),
    );
  });
export type CaseworkLists = z.infer<typeof CaseworkListsSchema>;

export function parseCaseworkLists(yamlText: string, file: string): TemplateResult<CaseworkLists> {
  return parseYamlTemplate(yamlText, file, CaseworkListsSchema);
}

// ── The referral form ─────────────────────────────────────────────────────────────────

/** People details on the form; vulnerability flags are list ids here and labels in the case. */
export const ParticipantInputSchema = strictForm(
  {
    role: z.enum(PARTICIPANT_ROLES, { error: 'Choose a participant role: person harmed, person responsible, supporter, parent or guardian, or other' }),
    person: PersonSchema,
  },
  'a participant',
);
export type ParticipantInput = z.infer<typeof ParticipantInputSchema>;

/**
 * The referral form. Checks that need only the form: real dates, the offence not after the
 * referral, no one born after the referral. Checks that need today or the lists are in
 * `referralInputSchemaFor`.
 */
export const ReferralInputSchema = strictForm(
  {
    source: ListIdSchema,
    referrerName: text('Referrer name', 120).optional(),
    referrerOrganisation: text('Referrer organisation', 200).optional(),
    receivedOn: DateSchema,
    offenceCategory: ListIdSchema,
    offenceDescription: text('Offence description', 20_000).optional(),
    offenceDate: DateSchema.optional(),
    cjsStage: z.enum(CJS_STAGES, { error: 'Choose a criminal-justice stage: none, out-of-court, pre-sentence, community sentence, custody or post-release' }),
    sensitive: z.array(ListIdSchema).max(20, { error: 'At most 20 sensitive-case flags' }).optional(),
    priority: z.enum(PRIORITIES, { error: 'Choose a priority: routine, high or urgent' }),
    participants: z.array(ParticipantInputSchema).min(1, { error: 'Add at least one participant' }).max(50, { error: 'At most 50 participants on one referral' }),
  },
  'the referral',
).superRefine((r, ctx) => {
  // Refinements run even when a date has already been refused; compare real dates only.
  if (r.offenceDate && isCalendarDate(r.offenceDate) && isCalendarDate(r.receivedOn) && r.offenceDate > r.receivedOn) {
    ctx.addIssue({ code: 'custom', path: ['offenceDate'], message: `The offence date (${formatDate(r.offenceDate)}) is after the referral was received (${formatDate(r.receivedOn)})` });
  }
  r.participants.forEach((p, i) => {
    const dob = p.person.dateOfBirth;
    if (dob && isCalendarDate(dob) && isCalendarDate(r.receivedOn) && dob > r.receivedOn) ctx.addIssue({ code: 'custom', path: ['participants', i, 'person', 'dateOfBirth'], message: 'The date of birth is after the referral was received' });
  });
  if (r.sensitive && new Set(r.sensitive).size !== r.sensitive.length) ctx.addIssue({ code: 'custom', path: ['sensitive'], message: 'A sensitive-case flag is chosen twice' });
});
export type ReferralInput = z.infer<typeof ReferralInputSchema>;

export interface ReferralContext {
  /** Today in England and Wales (dates.londonDate of the current instant). */
  today: string;
  lists: CaseworkLists;
}

/** The form schema plus the checks that need today's date and the service's lists. */
export function referralInputSchemaFor(ctx: ReferralContext) {
  const has = (l: readonly ListEntry[], id: string) => l.some((e) => e.id === id);
  return ReferralInputSchema.superRefine((r, issues) => {
    const add = (path: PropertyKey[], message: string) => issues.addIssue({ code: 'custom', path, message });
    if (isCalendarDate(r.receivedOn) && r.receivedOn > ctx.today) add(['receivedOn'], `The referral date ${formatDate(r.receivedOn)} is in the future`);
    if (r.offenceDate && isCalendarDate(r.offenceDate) && r.offenceDate > ctx.today) add(['offenceDate'], `The offence date ${formatDate(r.offenceDate)} is in the future`);
    if (!has(ctx.lists.referralSources, r.source)) add(['source'], 'Choose a referral source from the list');
    if (!has(ctx.lists.offenceCategories, r.offenceCategory)) add(['offenceCategory'], 'Choose an offence category from the list');
    r.sensitive?.forEach((s, i) => {
      if (!has(ctx.lists.sensitiveFlags, s)) add(['sensitive', i], `"${s}" is not one of the sensitive-case flags`);
    });
    r.participants.forEach((p, i) => {
      if (p.person.dateOfBirth && isCalendarDate(p.person.dateOfBirth) && p.person.dateOfBirth > ctx.today) add(['participants', i, 'person', 'dateOfBirth'], 'The date of birth is in the future');
      p.person.vulnerabilities?.forEach((v, j) => {
        if (!has(ctx.lists.vulnerabilityFlags, v)) add(['participants', i, 'person', 'vulnerabilities', j], `"${v}" is not one of the vulnerability flags`);
      });
    });
  });
}

/** The id of the vulnerability flag added automatically for under-18s, if the list has it. */
export const UNDER_18_FLAG = 'under-18';

/**
 * Every under-18 counts as vulnerable under the Victims' Code, so enhanced rights are set
 * automatically from the date of birth on the day the referral was received.
 */
export function withUnder18Flags(person: Person, on: string, lists: CaseworkLists): Person {
  if (!isUnder18(person.dateOfBirth, on)) return person;
  const label = lists.vulnerabilityFlags.find((f) => f.id === UNDER_18_FLAG)?.label;
  const flags = person.vulnerabilities ?? [];
  return { ...person, enhancedRights: true, ...(label && !flags.includes(label) ? { vulnerabilities: [...flags, label] } : {}) };
}

function labelOf(l: readonly ListEntry[], id: string): string {
  return l.find((e) => e.id === id)?.label ?? id;
}

export interface OpenCaseContext extends ReferralContext {
  /** Ids are random, so the caller makes them: one for the case and one per participant. */
  caseId: string;
  participantIds: readonly string[];
  reference: string;
  now: string;
  /** Who took the referral, for the timeline. */
  actor: string;
}

/** Validates the form and builds the new case at the referral stage. */
export function openCase(input: unknown, ctx: OpenCaseContext): Decision<Case> {
  const parsed = referralInputSchemaFor(ctx).safeParse(input);
  if (!parsed.success) return refuse(...parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)));
  const r = parsed.data;
  if (ctx.participantIds.length < r.participants.length) return refuse('Not enough participant ids were supplied.');
  if (new Set(ctx.participantIds).size !== ctx.participantIds.length) return refuse('Participant ids must be unique.');
  if (!ctx.participantIds.every((id) => ParticipantIdSchema.safeParse(id).success)) return refuse('A participant id is not in the form p_ followed by 6–40 lower-case letters or digits.');
  const participants: Participant[] = r.participants.map((p, i) => {
    const person = { ...p.person, ...(p.person.vulnerabilities ? { vulnerabilities: p.person.vulnerabilities.map((v) => labelOf(ctx.lists.vulnerabilityFlags, v)) } : {}) };
    return { id: ctx.participantIds[i] as string, role: p.role, person: withUnder18Flags(person, r.receivedOn, ctx.lists) };
  });
  const sourceLabel = labelOf(ctx.lists.referralSources, r.source);
  return allow({
    id: ctx.caseId,
    reference: ctx.reference,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    revision: 1,
    stage: 'referral',
    referral: {
      source: sourceLabel,
      ...(r.referrerName ? { referrerName: r.referrerName } : {}),
      ...(r.referrerOrganisation ? { referrerOrganisation: r.referrerOrganisation } : {}),
      receivedOn: r.receivedOn,
      offenceCategory: labelOf(ctx.lists.offenceCategories, r.offenceCategory),
      offenceDescription: r.offenceDescription ?? '',
      ...(r.offenceDate ? { offenceDate: r.offenceDate } : {}),
      cjsStage: r.cjsStage,
      sensitive: (r.sensitive ?? []).map((s) => labelOf(ctx.lists.sensitiveFlags, s)),
      priority: r.priority,
    },
    participants,
    timeline: [{ at: ctx.now, by: ctx.actor.slice(0, 200), kind: 'referral.received', text: `Referral received from ${sourceLabel} on ${formatDate(r.receivedOn)}.` }],
  });
}

// ── References ────────────────────────────────────────────────────────────────────────

export const MAX_REFERENCE_NUMBER = 999_999;
/** Each computer of a team numbers within a block this size (domain/sync/team.ts). */
export const BLOCK_SIZE = 10_000;

/**
 * The next reference for a prefix and year, like RJ-2026-0042: at least four digits, growing
 * to six, numbered per prefix and year. `counters` holds the last number used per
 * "PREFIX-YEAR"; `taken` lets imported references be skipped. Returns the new counters
 * rather than changing them.
 */
export function allocateReference(
  prefix: string,
  year: number,
  counters: Readonly<Record<string, number>>,
  taken: ReadonlySet<string> = new Set(),
  block?: number,
): Decision<{ reference: string; counters: Record<string, number> }> {
  if (!/^[A-Z][A-Z0-9]{0,9}$/.test(prefix)) return refuse('The reference prefix is 1–10 capital letters or digits starting with a letter, like RJ.');
  if (!Number.isInteger(year) || year < 1900 || year > 9999) return refuse('The reference year must be a four-digit year.');
  const key = `${prefix}-${year}`;
  // In a team each computer numbers within its own block (domain/sync/team.ts), so two computers
  // taking referrals offline never issue the same reference.
  const low = block === undefined ? 0 : block * BLOCK_SIZE;
  const high = block === undefined ? MAX_REFERENCE_NUMBER : low + BLOCK_SIZE - 1;
  const last = Object.hasOwn(counters, key) ? counters[key] : 0;
  let n = Math.max(Number.isSafeInteger(last) && (last as number) >= 0 ? (last as number) : 0, low) + 1;
  let reference = `${key}-${String(n).padStart(4, '0')}`;
  while (taken.has(reference) && n <= high) reference = `${key}-${String(++n).padStart(4, '0')}`;
  if (n > high) {
    return refuse(block === undefined ? `All ${MAX_REFERENCE_NUMBER.toLocaleString('en-GB')} references for ${key} are used; change the prefix.` : `This computer has used all its ${(BLOCK_SIZE - 1).toLocaleString('en-GB')} references for ${key}; take the referral on another computer of the team, or change the prefix.`);
  }
  return allow({ reference, counters: { ...counters, [key]: n } });
}

// ── Possible duplicates ───────────────────────────────────────────────────────────────

export interface PersonKey {
  givenName: string;
  familyName: string;
  dateOfBirth?: string;
}

/** What is known of an existing case, enough to spot a duplicate without opening it. */
export interface DuplicateCandidate {
  caseId: string;
  reference: string;
  offenceCategory: string;
  offenceDate?: string;
  people: readonly PersonKey[];
}

/** What is known of the referral being entered. Category is the label, as cases store it. */
export interface DuplicateProbe {
  offenceCategory?: string;
  offenceDate?: string;
  people: readonly PersonKey[];
}

export interface DuplicateMatch {
  caseId: string;
  reference: string;
  /** same-person: name and date of birth; same-offence: date, category and a family name. */
  reasons: ('same-person' | 'same-offence')[];
  /** The names in that case that matched, as written there. */
  names: string[];
}

export function probeFromReferral(input: ReferralInput, lists: CaseworkLists): DuplicateProbe {
  return {
    offenceCategory: labelOf(lists.offenceCategories, input.offenceCategory),
    ...(input.offenceDate ? { offenceDate: input.offenceDate } : {}),
    people: input.participants.map((p) => p.person),
  };
}

function nameKey(p: PersonKey): string {
  // Given and family name in either order: forms and older systems swap them.
  return [fold(p.givenName), fold(p.familyName)].sort().join('\u0000');
}

/**
 * Cases that may be the same as the referral being entered: the same person (folded name,
 * either order, and the same date of birth), or the same offence (date, category and a
 * participant with the same family name). Shown before saving; the coordinator decides.
 */
export function possibleDuplicates(probe: DuplicateProbe, candidates: readonly DuplicateCandidate[]): DuplicateMatch[] {
  const people = new Set(probe.people.filter((p) => p.dateOfBirth).map((p) => `${nameKey(p)}\u0000${p.dateOfBirth}`));
  const families = new Set(probe.people.map((p) => fold(p.familyName)));
  const category = probe.offenceCategory ? fold(probe.offenceCategory) : undefined;
  const out: DuplicateMatch[] = [];
  for (const c of candidates) {
    const reasons: DuplicateMatch['reasons'] = [];
    const names = new Set<string>();
    for (const p of c.people) {
      if (p.dateOfBirth && people.has(`${nameKey(p)}\u0000${p.dateOfBirth}`)) {
        if (!reasons.includes('same-person')) reasons.push('same-person');
        names.add(`${p.givenName} ${p.familyName}`);
      }
    }
    if (probe.offenceDate && category && c.offenceDate === probe.offenceDate && fold(c.offenceCategory) === category) {
      const match = c.people.filter((p) => families.has(fold(p.familyName)));
      if (match.length > 0) {
        reasons.push('same-offence');
        for (const p of match) names.add(`${p.givenName} ${p.familyName}`);
      }
    }
    if (reasons.length > 0) out.push({ caseId: c.caseId, reference: c.reference, reasons, names: [...names] });
  }
  return out;
}

/** The duplicate-check row for a saved case. */
export function duplicateCandidate(c: Case): DuplicateCandidate {
  return {
    caseId: c.id,
    reference: c.reference,
    offenceCategory: c.referral.offenceCategory,
    ...(c.referral.offenceDate ? { offenceDate: c.referral.offenceDate } : {}),
    people: c.participants.map((p) => ({ givenName: p.person.givenName, familyName: p.person.familyName, ...(p.person.dateOfBirth ? { dateOfBirth: p.person.dateOfBirth } : {}) })),
  };
}
