import { COMPLIANCE_RULE_LABELS, COMPLIANCE_STATUS_LABELS, type ComplianceCheck, type ComplianceStatus, type ServiceCompliance } from '../../../src-main/domain/staff/compliance-schema';
import type { Employment } from '../../../src-main/domain/staff/register';
import { Tag, type TagColour } from '../shared/components/Tag';
import { formatDate } from '../shared/lib/dates';

/** The words carry the status; the colour only adds to them (GOV.UK tags). */
const STATUS_COLOURS: Record<ComplianceStatus, TagColour> = { met: 'green', 'due-soon': 'yellow', overdue: 'red', 'not-met': 'orange' };

export function StatusTag({ status }: { status: ComplianceStatus }) {
  return <Tag colour={STATUS_COLOURS[status]}>{COMPLIANCE_STATUS_LABELS[status]}</Tag>;
}

export function ruleLabel(rule: ComplianceCheck['rule']): string {
  return COMPLIANCE_RULE_LABELS[rule];
}

export function dueText(due: string | null): string {
  return due ? formatDate(due) : 'No date';
}

/** "11 Sept 2024": the compliance table has seven columns to fit across the page. */
const short = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
export function shortDueText(due: string | null): string {
  return due ? short.format(new Date(`${due}T00:00:00Z`)) : 'No date';
}

/** One check that needs someone to act, with whose it is. */
export interface Chase extends ComplianceCheck {
  staffId: string;
  name: string;
}

/** Overdue first (the longest overdue at the top), then due soon (the soonest first), then not met. */
const ORDER: ComplianceStatus[] = ['overdue', 'due-soon', 'not-met'];

/** What a quality lead should chase, most urgent first; `only` narrows it (Home shows overdue only). */
export function chasing(c: ServiceCompliance, only: readonly ComplianceStatus[] = ORDER): Chase[] {
  const out = c.staff.flatMap((s) => s.checks.filter((k) => only.includes(k.status)).map((k) => ({ ...k, staffId: s.staffId, name: s.name })));
  return out.sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status) || (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.name.localeCompare(b.name, 'en-GB'));
}

export const EMPLOYMENT_LABELS: Record<Employment, string> = { paid: 'Paid', sessional: 'Sessional', volunteer: 'Volunteer' };
