import { z } from 'zod';
import type { Case } from './case';
import { firstContactOn, rjInformationOn } from '../contacts/contacts';
import { EqualityMonitoringSchema } from '../outcomes/feedback';
import { PARTICIPANT_ROLES } from './participant-role';
import { dateField } from '../time/dates';
import type { Deadline } from './deadlines';
import { ACTION_STATUSES } from '../outcomes/agreement';
import { CLOSURE_OUTCOMES } from '../outcomes/closure';
import type { FiguresCase } from '../figures/figures';
import { MeetingFieldsSchema } from '../conferences/meeting';
import { indirectStartedOn } from '../conferences/process-type';

/**
 * What the case list keeps about a case's restorative process, so the calendar, double-booking
 * checks, overdue agreement actions and the figures can work across 10,000 cases without
 * opening each one. Derived from the case whenever it is saved (never edited on its own).
 *
 * Unlocking checks only that it is an object (the fast row check must stay within three times
 * JSON.parse); it is validated with this schema where it is used (`factsOf`).
 */
/**
 * The version of the facts below that rows are written with. Raise it when a fact is added
 * that figures read, so rows written before are rebuilt from their case files once
 * (services/cases/facts-rebuild.ts). 2: Victims' Code rights, RJ offered, taking part, feedback
 * by role and equality monitoring (issue 15).
 */
export const FACTS_VERSION = 2;

/** Rows without a version were written before versions were kept: version 1. */
export const isStaleFacts = (row: { factsVersion?: number | undefined }) => (row.factsVersion ?? 1) < FACTS_VERSION;

export const BookedSlotSchema = MeetingFieldsSchema.pick({
  id: true,
  kind: true,
  format: true,
  date: true,
  start: true,
  durationMinutes: true,
  status: true,
  venueId: true,
  leadFacilitatorId: true,
  coFacilitatorId: true,
  participantIds: true,
  supporterIds: true,
  interpreter: true,
});

const day = dateField('Date');

export const CaseFactsSchema = z.strictObject({
  meetings: z.array(BookedSlotSchema).max(500),
  firstContactOn: day.optional(),
  exitOn: day.optional(),
  indirectStartedOn: day.optional(),
  agreement: z
    .strictObject({
      signedOn: day.optional(),
      actions: z.array(z.strictObject({ status: z.enum(ACTION_STATUSES), dueOn: day, resolvedOn: day.optional() })).max(100),
    })
    .optional(),
  closure: z.strictObject({ outcome: z.enum(CLOSURE_OUTCOMES), closedOn: day }).optional(),
  feedback: z
    .array(
      z.strictObject({
        givenOn: day,
        satisfied: z.number().int().min(1).max(5).optional(),
        overall: z.number().int().min(0).max(10).optional(),
        // Added with the commissioner's figures (issue 15): whose feedback it was, and the
        // equality monitoring answers only where the person agreed to give them.
        role: z.enum(PARTICIPANT_ROLES).optional(),
        equality: EqualityMonitoringSchema.optional(),
      }),
    )
    .max(200),
  /** Deadlines whose outcome is fixed (met, lapsed) or still waiting; overdue is decided on the day figures are asked for. */
  deadlines: z.array(z.strictObject({ due: day, state: z.enum(['met', 'lapsed', 'waiting']), late: z.literal(true).optional(), right: z.union([z.literal(3), z.literal(4)]).optional() })).max(1_000),
  /** Issue 15: the first day each participant was given information about RJ (the figures' "offered RJ"). */
  rjInformedOn: z.array(day).max(200).optional(),
  /** Issue 15: participants taking part (not supporters or parents), for the funnel's "took part". */
  takingPart: z.number().int().min(0).max(200).optional(),
  /** Issue 15: the process chosen, for outcomes by process type. */
  processKind: z.enum(['direct', 'indirect', 'community']).optional(),
});
export type CaseFacts = z.infer<typeof CaseFactsSchema>;

function earliest(dates: readonly (string | undefined)[]): string | undefined {
  let out: string | undefined;
  for (const d of dates) if (d !== undefined && (out === undefined || d < out)) out = d;
  return out;
}

/** The facts of a case, from the case and its deadlines (worked out by the caller with the bank holidays). */
export function caseFacts(c: Case, deadlines: readonly Deadline[]): CaseFacts {
  const g = c.agreement;
  const first = earliest(c.participants.map((p) => firstContactOn(p)));
  const started = c.indirectLog && c.indirectLog.length > 0 ? indirectStartedOn(c.indirectLog) : undefined;
  const informed = c.participants.map((p) => rjInformationOn(p)).filter((d): d is string => d !== undefined);
  const takingPart = c.participants.filter((p) => p.takesPart !== false && p.role !== 'supporter' && p.role !== 'parent-guardian').length;
  const roleOf = new Map(c.participants.map((p) => [p.id, p.role]));
  return {
    meetings: (c.schedule ?? []).map((m) => ({
      id: m.id,
      kind: m.kind,
      format: m.format,
      date: m.date,
      start: m.start,
      durationMinutes: m.durationMinutes,
      status: m.status,
      ...(m.venueId ? { venueId: m.venueId } : {}),
      leadFacilitatorId: m.leadFacilitatorId,
      ...(m.coFacilitatorId ? { coFacilitatorId: m.coFacilitatorId } : {}),
      participantIds: m.participantIds,
      supporterIds: m.supporterIds,
      ...(m.interpreter ? { interpreter: m.interpreter } : {}),
    })),
    ...(first ? { firstContactOn: first } : {}),
    ...(c.exit ? { exitOn: c.exit.on } : {}),
    ...(started ? { indirectStartedOn: started } : {}),
    ...(g ? { agreement: { ...(g.signedOn ? { signedOn: g.signedOn } : {}), actions: g.actions.map((a) => ({ status: a.status, dueOn: a.dueOn, ...(a.resolvedOn ? { resolvedOn: a.resolvedOn } : {}) })) } } : {}),
    ...(c.closure ? { closure: { outcome: c.closure.outcome, closedOn: c.closure.closedOn } } : {}),
    feedback: (c.feedback ?? []).map((f) => {
      const role = roleOf.get(f.participantId);
      return {
        givenOn: f.givenOn,
        ...(f.answers.satisfiedWithOutcome !== undefined ? { satisfied: f.answers.satisfiedWithOutcome } : {}),
        ...(f.overall !== undefined ? { overall: f.overall } : {}),
        ...(role ? { role } : {}),
        // Special-category data: kept in the row only with the person's consent (feedback.ts checks the same).
        ...(f.equalityConsent && f.equality && Object.keys(f.equality).length > 0 ? { equality: f.equality } : {}),
      };
    }),
    deadlines: deadlines.map((d) => ({ due: d.due, state: d.status === 'met' ? 'met' : d.status === 'lapsed' ? 'lapsed' : 'waiting', ...(d.late ? { late: true as const } : {}), ...(d.right ? { right: d.right } : {}) })),
    ...(informed.length > 0 ? { rjInformedOn: informed } : {}),
    ...(takingPart > 0 ? { takingPart } : {}),
    ...(c.processKind ? { processKind: c.processKind } : {}),
  };
}

/** Nothing to keep: a case with no process records and no deadlines has no facts row. */
export function isEmptyFacts(f: CaseFacts): boolean {
  return f.meetings.length === 0 && !f.rjInformedOn && !f.firstContactOn && !f.exitOn && !f.indirectStartedOn && !f.agreement && !f.closure && f.feedback.length === 0 && f.deadlines.length === 0;
}

/** The row's stage and referral with its facts, as the figures take them, judged on `today`. */
export function figuresCaseOf(
  row: { receivedOn: string; source: string; stage: string; exit?: string; offenceCategory?: string; sensitive?: boolean; leadFacilitatorId?: string },
  facts: CaseFacts | undefined,
  today: string,
): FiguresCase {
  const exitOn = facts?.exitOn;
  const closure = facts?.closure ?? (row.exit && exitOn ? { outcome: row.exit, closedOn: exitOn } : undefined);
  return {
    referral: { receivedOn: row.receivedOn, source: row.source },
    stage: row.stage,
    ...(row.offenceCategory !== undefined ? { offenceCategory: row.offenceCategory } : {}),
    ...(row.sensitive !== undefined ? { sensitive: row.sensitive } : {}),
    ...(row.leadFacilitatorId ? { leadFacilitatorId: row.leadFacilitatorId } : {}),
    ...(facts?.rjInformedOn ? { rjInformedOn: facts.rjInformedOn } : {}),
    ...(facts?.takingPart !== undefined ? { takingPart: facts.takingPart } : {}),
    ...(facts?.processKind ? { processKind: facts.processKind } : {}),
    ...(row.exit && exitOn ? { exit: { kind: row.exit, on: exitOn } } : {}),
    ...(facts?.firstContactOn ? { firstContactOn: facts.firstContactOn } : {}),
    meetings: facts?.meetings ?? [],
    ...(facts?.indirectStartedOn ? { indirectProcess: { startedOn: facts.indirectStartedOn } } : {}),
    ...(facts?.agreement ? { agreement: facts.agreement } : {}),
    ...(closure ? { closure } : {}),
    feedback: (facts?.feedback ?? []).map((f) => ({
      givenOn: f.givenOn,
      answers: f.satisfied !== undefined ? { satisfiedWithOutcome: f.satisfied } : {},
      ...(f.overall !== undefined ? { overall: f.overall } : {}),
      ...(f.role ? { role: f.role } : {}),
      ...(f.equality ? { equality: f.equality } : {}),
    })),
    deadlines: (facts?.deadlines ?? []).map((d) => ({
      due: d.due,
      status: d.state === 'waiting' ? (d.due < today ? 'overdue' : 'open') : d.state,
      ...(d.late ? { late: true } : {}),
      ...(d.right ? { right: d.right } : {}),
    })),
  };
}
