import { z } from 'zod';
import { strictForm } from '../../shared/strict-form';
import type { HolidayCalendar } from '../../time/bank-holidays';
import { dateField } from '../../time/dates';
import { PersonFoundSchema } from '../person-search';
import { explainDeadline, SUBJECT_ACCESS_STATUSES, subjectAccessStanding, type SubjectAccessStatus } from './due-date';
import { subjectAccessOrderProblems } from './order';
import { SubjectAccessExtensionSchema, SubjectAccessIdSchema, subjectAccessFields, SubjectAccessRequestSchema, type SubjectAccessRegister, type SubjectAccessRequest } from './request';

/**
 * The register's commands and the rows it shows: each request with its deadline and where it
 * stands, worked out on the day asked for.
 */
const inOrder = (r: Parameters<typeof subjectAccessOrderProblems>[0], ctx: z.RefinementCtx) => {
  for (const p of subjectAccessOrderProblems(r)) ctx.addIssue({ code: 'custom', path: p.path.split('.'), message: p.message });
};

const f = subjectAccessFields;

/** A request as it arrives: who it is about, when it came, and any steps already taken. */
export const RecordSubjectAccessInputSchema = strictForm(
  {
    receivedOn: f.receivedOn,
    name: f.name,
    dateOfBirth: f.dateOfBirth,
    requester: f.requester,
    identityAskedOn: f.identityAskedOn,
    identityCheckedOn: f.identityCheckedOn,
    clarificationAskedOn: f.clarificationAskedOn,
    clarificationReceivedOn: f.clarificationReceivedOn,
    notes: f.notes,
  },
  'the request',
).superRefine(inOrder);
export type RecordSubjectAccessInput = z.infer<typeof RecordSubjectAccessInputSchema>;

/**
 * A step on a request: a field left out stays as it is. `clarificationAskedAgainOn` asks a
 * further question once the last one was answered: the answered one is kept (its paused days
 * still count) and the clock stops again.
 */
export const UpdateSubjectAccessInputSchema = strictForm(
  {
    id: SubjectAccessIdSchema,
    requester: f.requester,
    identityAskedOn: f.identityAskedOn,
    identityCheckedOn: f.identityCheckedOn,
    clarificationAskedOn: f.clarificationAskedOn,
    clarificationReceivedOn: f.clarificationReceivedOn,
    clarificationAskedAgainOn: dateField('Further clarification asked for on').optional(),
    extension: SubjectAccessExtensionSchema.optional(),
    completedOn: f.completedOn,
    closedWithoutBundleOn: f.closedWithoutBundleOn,
    notes: f.notes,
    /** The cases that are this person, ticked from those the search offered. */
    caseIds: z.array(z.string().regex(/^c_[a-z0-9]{10,40}$/, { error: 'Choose the cases from the list' })).max(500).optional(),
  },
  'the request',
);
export type UpdateSubjectAccessInput = z.infer<typeof UpdateSubjectAccessInputSchema>;

export const ListSubjectAccessInputSchema = strictForm({ at: dateField('The day to check').optional() }, 'the register query');
export type ListSubjectAccessInput = z.infer<typeof ListSubjectAccessInputSchema>;

export const GetSubjectAccessInputSchema = strictForm({ id: SubjectAccessIdSchema }, 'the request');

export const SubjectAccessRowSchema = SubjectAccessRequestSchema.extend({
  number: z.string(),
  status: z.enum(SUBJECT_ACCESS_STATUSES),
  /** Absent while the clock has not started or is stopped. */
  due: z.string().optional(),
  /** How the due date was worked out, in words. */
  dueExplained: z.string().optional(),
  daysLeft: z.number().int().optional(),
  late: z.boolean(),
  /** The confirmed cases, by reference (a case since deleted is left out). */
  cases: z.array(z.strictObject({ caseId: z.string(), reference: z.string() })),
});
export type SubjectAccessRow = z.infer<typeof SubjectAccessRowSchema>;
export const SubjectAccessListSchema = z.strictObject({ at: z.string(), requests: z.array(SubjectAccessRowSchema) });
export type SubjectAccessList = z.infer<typeof SubjectAccessListSchema>;

/** One request with the cases a search by its name (and date of birth) finds, to tick those that are this person. */
export const SubjectAccessViewSchema = z.strictObject({ at: z.string(), request: SubjectAccessRowSchema, candidates: z.array(PersonFoundSchema), casesSearched: z.number().int().min(0) });
export type SubjectAccessView = z.infer<typeof SubjectAccessViewSchema>;

/** SAR-2026-0003: the year received and the next number that year. */
export function nextSubjectAccessNumber(register: SubjectAccessRegister, receivedOn: string): string {
  const year = receivedOn.slice(0, 4);
  const prefix = `SAR-${year}-`;
  const used = register.requests.map((r) => (r.number?.startsWith(prefix) ? Number(r.number.slice(prefix.length)) : 0));
  return `${prefix}${String(Math.max(0, ...used) + 1).padStart(4, '0')}`;
}

/** Requests recorded before numbers were given show their id. */
export const numberOf = (r: Pick<SubjectAccessRequest, 'id' | 'number'>): string => r.number ?? r.id;

export function subjectAccessRow(r: SubjectAccessRequest, at: string, holidays: HolidayCalendar, referenceOf: (caseId: string) => string | undefined): SubjectAccessRow {
  const st = subjectAccessStanding(r, at, holidays);
  const cases = (r.caseIds ?? []).flatMap((caseId) => {
    const reference = referenceOf(caseId);
    return reference ? [{ caseId, reference }] : [];
  });
  return {
    ...r,
    number: numberOf(r),
    status: st.status,
    ...(st.deadline ? { due: st.deadline.due, dueExplained: explainDeadline(st.deadline, r.extension?.months) } : {}),
    ...(st.daysLeft !== undefined ? { daysLeft: st.daysLeft } : {}),
    late: st.late,
    cases,
  };
}

const ORDER: Record<SubjectAccessStatus, number> = { overdue: 0, 'due-soon': 1, 'in-progress': 2, extended: 2, 'awaiting-identity': 3, 'awaiting-clarification': 3, completed: 4, closed: 4 };

/** Overdue first, then soonest due, then those whose clock is not running, then the answered ones, newest first. */
export function subjectAccessRows(register: SubjectAccessRegister, at: string, holidays: HolidayCalendar, referenceOf: (caseId: string) => string | undefined): SubjectAccessRow[] {
  return register.requests
    .map((r) => subjectAccessRow(r, at, holidays, referenceOf))
    .sort((a, b) => {
      const byStatus = ORDER[a.status] - ORDER[b.status];
      if (byStatus !== 0) return byStatus;
      const answered = ORDER[a.status] === 4;
      return (answered ? 0 : (a.due ?? '9999').localeCompare(b.due ?? '9999')) || b.receivedOn.localeCompare(a.receivedOn);
    });
}
