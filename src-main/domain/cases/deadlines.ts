import { hasEnhancedRights } from './enhanced-rights';
import { z } from 'zod';
import type { HolidayCalendar } from '../time/bank-holidays';
import type { Case } from './case';
import { firstContactOn, rjInformationOn } from '../contacts/contacts';
import { ListIdSchema, PARTICIPANT_ROLES } from './participant-role';
import { currentAssessment } from '../risk/risk';
import { duplicateIds, parseYamlTemplate, type TemplateResult } from '../shared/template-file';
import { requiredText } from '../shared/text';
import { addWorkingDays, HolidayDataRangeError } from '../time/working-days';

/**
 * Deadlines as data (templates/casework/deadline-rules.yaml): Victims' Code timescales and
 * the service's own, counted in working days in England and Wales. `deadlinesFor` is what the
 * case screen and the dashboard show.
 */
const role = z.enum(PARTICIPANT_ROLES, { error: `appliesTo is one of: ${PARTICIPANT_ROLES.join(', ')}` });
const days = (label: string) => z.number({ error: `${label} must be a whole number of working days` }).int({ error: `${label} must be a whole number` }).min(0).max(250);

const AfterReferralRule = z.strictObject({
  id: ListIdSchema,
  title: requiredText('Title', 200),
  measure: z.enum(['first-contact', 'rj-information']),
  appliesTo: role,
  workingDays: days('workingDays'),
  enhancedWorkingDays: days('enhancedWorkingDays').optional(),
  /** The Victims' Code right this deadline is reported under in the figures (3: information about RJ; 4: contact after referral). */
  victimsCodeRight: z.union([z.literal(3), z.literal(4)], { error: 'victimsCodeRight is 3 or 4' }).optional(),
});
const RiskReviewRule = z.strictObject({
  id: ListIdSchema,
  title: requiredText('Title', 200),
  measure: z.literal('risk-review'),
  /** Every participant taking part when left out. */
  appliesTo: role.optional(),
});

export const DeadlineRuleSchema = z.discriminatedUnion('measure', [AfterReferralRule, RiskReviewRule], {
  error: 'measure is one of: first-contact, rj-information, risk-review',
});
export type DeadlineRule = z.infer<typeof DeadlineRuleSchema>;

export const DeadlineRulesFileSchema = z
  .strictObject({
    version: z.literal(1, { error: 'version must be 1' }),
    dueSoonWorkingDays: days('dueSoonWorkingDays').max(20),
    rules: z.array(DeadlineRuleSchema).max(100),
  })
  .superRefine((f, ctx) => {
    for (const d of duplicateIds(f.rules)) ctx.addIssue({ code: 'custom', path: ['rules', d.index, 'id'], message: `the id "${d.id}" is used twice` });
  });
export type DeadlineRules = z.infer<typeof DeadlineRulesFileSchema>;

export function parseDeadlineRules(yamlText: string, file: string): TemplateResult<DeadlineRules> {
  return parseYamlTemplate(yamlText, file, DeadlineRulesFileSchema);
}

export type DeadlineStatus = 'met' | 'due-soon' | 'overdue' | 'open' | 'lapsed';

export interface Deadline {
  rule: string;
  title: string;
  participantId: string;
  due: string;
  /**
   * met: done (see metOn and late); overdue: not done and the due date has passed;
   * due-soon: not done and due within the rules' dueSoonWorkingDays; open: due later;
   * lapsed: never met because the case ended first (kept for compliance figures).
   */
  status: DeadlineStatus;
  metOn?: string;
  /** Met, but after the due date. */
  late?: boolean;
  /** The shorter enhanced-rights timescale was applied. */
  enhanced?: boolean;
  /** The Victims' Code right the rule reports under (deadline-rules.yaml), for the timeliness figures. */
  right?: 3 | 4;
}

/** Enhanced rights are worked out in enhanced-rights.ts (people harmed only, with the reason). */
export { hasEnhancedRights } from './enhanced-rights';

function statusOf(due: string, metOn: string | undefined, today: string, dueSoonUntil: string, ended: boolean): Pick<Deadline, 'status' | 'metOn' | 'late'> {
  if (metOn) return { status: 'met', metOn, ...(metOn > due ? { late: true } : {}) };
  if (ended) return { status: 'lapsed' };
  if (today > due) return { status: 'overdue' };
  return { status: due <= dueSoonUntil ? 'due-soon' : 'open' };
}

/**
 * A referral from before the first year of holiday data (an old imported case) has no
 * computable deadline; leave it out rather than fail the whole case screen. A "today" past the
 * data still fails loudly (in dueSoonUntil), because then every deadline would be wrong.
 */
function dueAfter(from: string, n: number, holidays: HolidayCalendar): string | undefined {
  try {
    return addWorkingDays(from, n, holidays);
  } catch (e) {
    if (e instanceof HolidayDataRangeError && e.year < holidays.firstYear) return undefined;
    throw e;
  }
}

/**
 * Every deadline that applies to the case today, earliest first. Risk reviews are dropped
 * once a case has ended (there is nothing left to review); other deadlines stay, as met or
 * lapsed, so that compliance can be reported.
 */
export function deadlinesFor(c: Case, today: string, holidays: HolidayCalendar, rules: DeadlineRules): Deadline[] {
  const ended = c.stage === 'closed' || c.exit !== undefined;
  const dueSoonUntil = addWorkingDays(today, rules.dueSoonWorkingDays, holidays);
  const out: Deadline[] = [];
  for (const rule of rules.rules) {
    for (const p of c.participants) {
      if (rule.appliesTo && p.role !== rule.appliesTo) continue;
      if (rule.measure === 'risk-review') {
        const a = currentAssessment(p);
        if (ended || p.takesPart === false || !a) continue;
        out.push({ rule: rule.id, title: rule.title, participantId: p.id, due: a.reviewOn, ...statusOf(a.reviewOn, undefined, today, dueSoonUntil, false) });
        continue;
      }
      const enhanced = rule.enhancedWorkingDays !== undefined && hasEnhancedRights(p, c.referral.receivedOn);
      const due = dueAfter(c.referral.receivedOn, enhanced ? (rule.enhancedWorkingDays as number) : rule.workingDays, holidays);
      if (due === undefined) continue;
      const metOn = rule.measure === 'first-contact' ? firstContactOn(p) : rjInformationOn(p);
      out.push({ rule: rule.id, title: rule.title, participantId: p.id, due, ...statusOf(due, metOn, today, dueSoonUntil, ended), ...(enhanced ? { enhanced: true } : {}), ...(rule.victimsCodeRight ? { right: rule.victimsCodeRight } : {}) });
    }
  }
  return out.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.rule.localeCompare(b.rule)));
}

/** The earliest due date still to be met, for the case-list row (CaseSummary.nextDue). */
export function nextDue(deadlines: readonly Deadline[]): string | undefined {
  let best: string | undefined;
  for (const d of deadlines) if (d.status !== 'met' && d.status !== 'lapsed' && (best === undefined || d.due < best)) best = d.due;
  return best;
}
