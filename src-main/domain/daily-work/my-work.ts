import { z } from 'zod';
import { CaseIdSchema, DateSchema, displayName, type Case } from '../cases/case';
import type { Deadline, DeadlineRules } from '../cases/deadlines';
import type { ActionKind } from '../outcomes/agreement';

/**
 * "My work today" (issue 14): what the person signed in must do on their own cases, each
 * item naming the deadline and the section of the case that clears it. Worked out from the
 * case's deadlines (domain/cases/deadlines.ts) and its agreement's actions; nothing is stored.
 */
export const WORK_TABS = ['contacts', 'risk', 'agreement'] as const;
export type WorkTab = (typeof WORK_TABS)[number];

export const WorkItemSchema = z.strictObject({
  caseId: CaseIdSchema,
  reference: z.string().max(40),
  /** "First contact with the person harmed (2 working days)", "Agreement action: letter". */
  task: z.string().max(300),
  /** Who or what it is about: a participant's name, or the action as agreed (shortened). */
  about: z.string().max(300).optional(),
  due: DateSchema,
  status: z.enum(['overdue', 'due-soon']),
  /** The section of the case where it is done. */
  tab: z.enum(WORK_TABS),
  sensitive: z.boolean(),
});
export type WorkItem = z.infer<typeof WorkItemSchema>;

export const MyWorkSchema = z.strictObject({
  items: z.array(WorkItemSchema).max(2_000),
  /** False when the login has no staff record: there are no cases of "mine" to look at. */
  onStaffList: z.boolean(),
  dueSoonUntil: DateSchema,
});
export type MyWork = z.infer<typeof MyWorkSchema>;

export interface WorkOptions {
  today: string;
  /** The last day counted as due soon (the deadline rules' dueSoonWorkingDays from today). */
  dueSoonUntil: string;
  rules: DeadlineRules;
  /** The service's word for an action kind ("Letter"), from its agreement-actions file. */
  actionLabel(kind: ActionKind): string;
}

const ABOUT_MAX = 80;

function shorten(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length <= ABOUT_MAX ? one : `${one.slice(0, ABOUT_MAX - 1).trimEnd()}…`;
}

/** "(2 working days)", or the shorter enhanced-rights timescale when it applied. */
function timescale(d: Deadline, rules: DeadlineRules): string {
  const rule = rules.rules.find((r) => r.id === d.rule);
  if (!rule || rule.measure === 'risk-review') return '';
  const days = d.enhanced && rule.enhancedWorkingDays !== undefined ? rule.enhancedWorkingDays : rule.workingDays;
  return `${days} working ${days === 1 ? 'day' : 'days'}${d.enhanced ? ', enhanced rights' : ''}`;
}

/** "First contact (2 working days)"; inside a title's own brackets: "Information (Victims' Code, right 3, 5 working days)". */
function withTimescale(title: string, scale: string): string {
  if (!scale) return title;
  return title.endsWith(')') ? `${title.slice(0, -1)}, ${scale})` : `${title} (${scale})`;
}

function tabOf(d: Deadline, rules: DeadlineRules): WorkTab {
  return rules.rules.find((r) => r.id === d.rule)?.measure === 'risk-review' ? 'risk' : 'contacts';
}

/** The case's overdue and due-soon work: its deadlines not yet met, and agreement actions not yet resolved. */
export function workItemsOf(c: Case, deadlines: readonly Deadline[], o: WorkOptions): WorkItem[] {
  if (c.stage === 'closed' || c.exit !== undefined) return [];
  const base = { caseId: c.id, reference: c.reference, sensitive: c.referral.sensitive.length > 0 };
  const out: WorkItem[] = [];
  for (const d of deadlines) {
    if (d.status !== 'overdue' && d.status !== 'due-soon') continue;
    const p = c.participants.find((x) => x.id === d.participantId);
    out.push({ ...base, task: withTimescale(d.title, timescale(d, o.rules)), ...(p ? { about: displayName(p.person) } : {}), due: d.due, status: d.status, tab: tabOf(d, o.rules) });
  }
  // Monitoring: an action is followed up on its due date, so one due today is due, and one past it is overdue.
  if (c.agreement?.signedOn) {
    for (const a of c.agreement.actions) {
      if (a.status === 'done' || a.status === 'not-done' || a.dueOn > o.dueSoonUntil) continue;
      out.push({ ...base, task: `Agreement action: ${o.actionLabel(a.kind).toLowerCase()}`, about: shorten(a.description), due: a.dueOn, status: a.dueOn < o.today ? 'overdue' : 'due-soon', tab: 'agreement' });
    }
  }
  return out;
}

/** Overdue first, then due soon; earliest first within each; then by case reference. */
export function sortWork(items: readonly WorkItem[]): WorkItem[] {
  const rank = (w: WorkItem) => (w.status === 'overdue' ? 0 : 1);
  return [...items].sort((a, b) => rank(a) - rank(b) || (a.due < b.due ? -1 : a.due > b.due ? 1 : 0) || a.reference.localeCompare(b.reference) || a.task.localeCompare(b.task));
}
