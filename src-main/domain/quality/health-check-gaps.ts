import type { Case } from '../cases/case';
import type { ComplianceRule, ServiceCompliance } from '../staff/compliance-schema';
import { COMPLIANCE_RULES } from '../staff/compliance-schema';
import type { QualityRules } from '../staff/quality-rules';
import { formatDate } from '../time/dates';
import { AUDIT_CHECK_LABELS, auditCaseFile, type AuditCheck } from './case-file-audit';
import { indicatorsOf, type Framework } from './frameworks';
import type { Gap } from './health-check';

/**
 * The gaps the app can see for an indicator, from what the casebook records on the day: the
 * quality lead writes the narrative beside them, so a rating of "met" is made knowing what an
 * assessor would find. Which indicator a gap belongs to comes from the evidence the framework
 * file says the indicator cites (staff compliance with supervision, policies, the case-file
 * audit's risk check…), not from fixed numbers, because each framework numbers them its own way.
 */
export interface GapFacts {
  /** Every practitioner's compliance on the day (domain/staff/compliance.ts). */
  compliance: ServiceCompliance;
  rules: Pick<QualityRules, 'supervision' | 'registeredShare'>;
  /** Policies whose review date has passed. */
  overdueReviews: number;
  /** For each case closed since `closedSince`, the case-file audit's failed checks. */
  closedSince: string;
  shortfalls: Partial<Record<AuditCheck, number>>;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const practitioners = (n: number) => plural(n, 'practitioner', 'practitioners');

/** In the words a quality lead would write in a chasing email; the rule's label where there is nothing better to say. */
function complianceGap(rule: ComplianceRule, n: number, rules: GapFacts['rules']): string {
  switch (rule) {
    case 'supervision':
      return `${practitioners(n)} past ${rules.supervision.everyWeeks} weeks without case supervision`;
    case 'observed-practice':
      return `${practitioners(n)} overdue for observed practice`;
    case 'cpd-hours':
      return `${practitioners(n)} short of the CPD hours for their level`;
    case 'cpd-approved':
      return `${practitioners(n)} short of RJC-approved CPD`;
    case 'registration':
      return `${practitioners(n)} without a current RJC registration`;
    case 'dbs':
      return `${practitioners(n)} with a DBS check overdue or not recorded`;
  }
}

function auditGap(check: AuditCheck, n: number, since: string): string {
  const cases = `${plural(n, 'case', 'cases')} closed since ${formatDate(since)}`;
  if (check === 'risk-before-contact') return `${cases} had contact between the parties before a signed-off risk assessment`;
  return `${cases} fell short of “${AUDIT_CHECK_LABELS[check]}”`;
}

/** How many of the cases fail each audit check (not-met only: "not applicable" and the auditor's own checks are not gaps). */
export function auditShortfalls(cases: readonly Case[], on: string): Partial<Record<AuditCheck, number>> {
  const out: Partial<Record<AuditCheck, number>> = {};
  for (const c of cases) for (const r of auditCaseFile(c, on)) if (r.result === 'not-met') out[r.check] = (out[r.check] ?? 0) + 1;
  return out;
}

/** Closed on or after `since` (1 January of the year, so "this year"). */
export function closedSince(cases: readonly Case[], since: string): Case[] {
  return cases.filter((c) => c.closure !== undefined && c.closure.closedOn >= since);
}

const failing = (facts: GapFacts, rule: ComplianceRule) => facts.compliance.staff.filter((m) => m.checks.some((c) => c.rule === rule && (c.status === 'overdue' || c.status === 'not-met'))).length;

/** Every gap the facts show, by indicator in the framework's order; an indicator with none has no entry. */
export function healthCheckGaps(framework: Framework, facts: GapFacts): Gap[] {
  const out: Gap[] = [];
  for (const { indicator } of indicatorsOf(framework)) {
    const texts = new Set<string>();
    for (const e of indicator.evidence) {
      if (e.kind === 'staff-compliance') {
        const rules = COMPLIANCE_RULES.filter((r) => !e.items || e.items.includes(r));
        for (const r of rules) {
          const n = failing(facts, r);
          if (n > 0) texts.add(complianceGap(r, n, facts.rules));
        }
      } else if (e.kind === 'registered-share') {
        const c = facts.compliance;
        if (c.counted > 0 && !c.registeredShareMet) texts.add(`${c.registered} of ${c.counted} practitioners registered with the RJC, below the ${Math.round(facts.rules.registeredShare.minimum * 100)}% asked for`);
      } else if (e.kind === 'policies') {
        if (facts.overdueReviews > 0) texts.add(`${plural(facts.overdueReviews, 'policy', 'policies')} past the review date`);
      } else if (e.kind === 'case-file-audit') {
        // Only the checks the indicator names: a framework citing the whole audit (the RSP renewal) gets its own narrative.
        for (const check of (e.items ?? []) as AuditCheck[]) {
          const n = facts.shortfalls[check] ?? 0;
          if (n > 0) texts.add(auditGap(check, n, facts.closedSince));
        }
      }
    }
    for (const text of texts) out.push({ indicator: indicator.number, text });
  }
  return out;
}
