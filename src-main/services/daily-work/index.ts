import { requireCapability } from '../../domain/access/capabilities';
import type { Case } from '../../domain/cases/case';
import { isEndedRow, isMyCase } from '../../domain/cases/caseload';
import { applyCommandMarked } from '../../domain/cases/workflow';
import { sortWork, workItemsOf, type MyWork, type WorkItem } from '../../domain/daily-work/my-work';
import { reassignStep, ReassignCasesInputSchema, type Reassigned, type ReassignCasesInput } from '../../domain/daily-work/reassign';
import { teamCaseload, type TeamCaseload } from '../../domain/daily-work/team-caseload';
import { isAnonymised } from '../../domain/data-protection/retention/anonymise-case';
import { CasebookError } from '../../domain/shared/errors';
import { findStaff } from '../../domain/staff/staff';
import { staffOf } from '../../domain/staff/people';
import { addWorkingDays, HolidayDataRangeError } from '../../domain/time/working-days';
import { openCase, visibleRows } from '../cases/case-access';
import { changedFields } from '../cases/changed-fields';
import { caseworkOf, workflowContext, type Casework } from '../cases/context';
import { safeDeadlines, summaryRow } from '../cases/view';
import { factsOf } from '../cases/facts';
import { fromZod, invalidInput } from '../shared/errors';
import type { ServiceContext } from '../shared/context';

/** The day's work (issue 14), reached as `service.dailyWork`: my work, the team caseload, reassigning cases. */
export interface DailyWorkApi {
  /** The signed-in person's overdue and due-soon deadlines and agreement actions on the open cases they lead or co-facilitate. */
  getMyWork(): Promise<MyWork>;
  /** Coordinators and administrators: open, sensitive and overdue cases per facilitator. */
  getTeamCaseload(): Promise<TeamCaseload>;
  /** Coordinators and administrators: someone replaced (as lead and as co-facilitator) on several cases at once, each case its own recorded change, all or none. */
  reassignCases(input: ReassignCasesInput): Promise<Reassigned>;
}

function dueSoonUntil(cw: Casework): string {
  try {
    return addWorkingDays(cw.today, cw.t.deadlineRules.dueSoonWorkingDays, cw.t.holidays);
  } catch (e) {
    // Past the bank-holiday data: only what is due today (the dashboard does the same).
    if (!(e instanceof HolidayDataRangeError)) throw e;
    return cw.today;
  }
}

async function getMyWork(cw: Casework): Promise<MyWork> {
  const s = cw.s;
  requireCapability(s.user.role, 'read-cases');
  const until = dueSoonUntil(cw);
  const me = staffOf(s.user, s.index.staff);
  if (!me) return { items: [], onStaffList: false, dueSoonUntil: until };
  // Only the cases with something due by then are opened: the row says when the next deadline
  // is, and its facts when the agreement's actions are due.
  const rows = visibleRows(s).filter((r) => !isEndedRow(r) && isMyCase(r, me.id) && ((r.nextDue !== undefined && r.nextDue <= until) || (factsOf(r)?.agreement?.actions.some((a) => a.status !== 'done' && a.status !== 'not-done' && a.dueOn <= until) ?? false)));
  const labels = new Map(cw.t.conferences.agreementActions.actions.map((a) => [a.kind, a.label]));
  const items: WorkItem[] = [];
  for (const r of rows) {
    const c = await openCase(s, r.id);
    items.push(...workItemsOf(c, safeDeadlines(c, cw.today, cw.t), { today: cw.today, dueSoonUntil: until, rules: cw.t.deadlineRules, actionLabel: (k) => labels.get(k) ?? k }));
  }
  return { items: sortWork(items), onStaffList: true, dueSoonUntil: until };
}

function getTeamCaseload(cw: Casework): TeamCaseload {
  requireCapability(cw.s.user.role, 'read-team-caseload');
  return teamCaseload(visibleRows(cw.s), cw.s.index.staff, cw.today);
}

/**
 * Every case is read and its new team decided before anything is saved: one case that cannot
 * take the new lead (ended, a sensitive case and someone below Advanced, already theirs) stops
 * them all, with every problem listed. Then one commit saves every case, each with its own
 * timeline entry (the assign-team step's) and its own audit entry (field names only).
 */
async function reassignCases(cw: Casework, raw: ReassignCasesInput): Promise<Reassigned> {
  const s = cw.s;
  requireCapability(s.user.role, 'reassign-cases');
  const parsed = ReassignCasesInputSchema.safeParse(raw);
  if (!parsed.success) throw fromZod(parsed.error);
  const input = parsed.data;
  const to = findStaff(s.index.staff, input.toStaffId);
  if (!to) throw invalidInput([{ path: 'toStaffId', message: 'Choose someone on the staff list to give the cases to' }]);
  if (input.fromStaffId === to.id) throw invalidInput([{ path: 'toStaffId', message: `Choose someone other than ${to.name} to take the cases over` }]);
  const ctx = workflowContext(cw);
  const plans: { before: Case; after: Case; marks: string[] }[] = [];
  const problems: { path: string; message: string }[] = [];
  const listed = new Set(visibleRows(s).map((r) => r.id));
  for (const [i, caseId] of input.caseIds.entries()) {
    if (!listed.has(caseId)) {
      problems.push({ path: `caseIds.${i}`, message: 'That case is no longer in the casebook: reload the caseload' });
      continue;
    }
    const c = await openCase(s, caseId);
    if (isAnonymised(c)) {
      problems.push({ path: `caseIds.${i}`, message: `${c.reference} was anonymised under the retention schedule: untick it` });
      continue;
    }
    const step = reassignStep(c, to, input.fromStaffId);
    if (!step.ok) {
      problems.push({ path: `caseIds.${i}`, message: step.problem });
      continue;
    }
    const d = applyCommandMarked(c, step.command, ctx);
    if (!d.ok) {
      for (const p of d.problems.length > 0 ? d.problems : [d.reason]) problems.push({ path: `caseIds.${i}`, message: `${c.reference}: ${p}` });
      continue;
    }
    plans.push({ before: c, after: { ...d.value.case, revision: c.revision + 1 }, marks: d.value.auditMarks });
  }
  if (problems.length > 0) throw invalidInput(problems, `No case was reassigned (${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}):`);
  if (s.readOnly) throw new CasebookError('READ_ONLY', 'The casebook is open read-only: nothing can be reassigned');
  const drafts = plans.map((p) => s.draft('case.reassign', { type: 'case', id: p.after.id }, [...changedFields(p.before, p.after), ...p.marks]));
  await s.saveCasesWith(
    plans.map((p) => p.after),
    drafts,
    { summarise: (x) => summaryRow(x, cw.today, cw.t) },
  );
  return { to: to.name, cases: plans.map((p) => ({ caseId: p.after.id, reference: p.after.reference })) };
}

export function createDailyWork(ctx: ServiceContext): DailyWorkApi {
  const cw = (): Casework => caseworkOf(ctx.need(), ctx.templates);
  return {
    getMyWork: () => ctx.serial(() => getMyWork(cw())),
    getTeamCaseload: () => ctx.serial(async () => getTeamCaseload(cw())),
    reassignCases: (input) => ctx.serial(() => reassignCases(cw(), input)),
  };
}
