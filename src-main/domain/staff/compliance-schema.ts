import { z } from 'zod';
import { PRACTITIONER_LEVELS, StaffIdSchema } from './ids';

/**
 * What the compliance page, the CLI and (later) the evidence pack read: each RJC rule for each
 * practitioner on a day, and the service's registered share. The rule and status words are a
 * contract (`casebook staff compliance --json`), so they are spelt out once here.
 */
export const COMPLIANCE_RULES = ['supervision', 'observed-practice', 'cpd-hours', 'cpd-approved', 'registration', 'dbs'] as const;
export type ComplianceRule = (typeof COMPLIANCE_RULES)[number];
export const COMPLIANCE_RULE_LABELS: Record<ComplianceRule, string> = {
  supervision: 'Case supervision',
  'observed-practice': 'Observed practice',
  'cpd-hours': 'CPD hours',
  'cpd-approved': 'RJC-approved CPD',
  registration: 'RJC registration',
  dbs: 'DBS check',
};

export const COMPLIANCE_STATUSES = ['met', 'due-soon', 'overdue', 'not-met'] as const;
export type ComplianceStatus = (typeof COMPLIANCE_STATUSES)[number];
export const COMPLIANCE_STATUS_LABELS: Record<ComplianceStatus, string> = { met: 'Met', 'due-soon': 'Due soon', overdue: 'Overdue', 'not-met': 'Not met' };

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const ComplianceCheckSchema = z.strictObject({
  rule: z.enum(COMPLIANCE_RULES),
  status: z.enum(COMPLIANCE_STATUSES),
  /** The day it falls (or fell) due; null when the rule has no date (CPD over a rolling year, nothing to count from). */
  due: day.nullable(),
  /** Why, in plain English: "last case supervision 14 weeks ago, on 2 September 2026; due by 25 November 2026". */
  detail: z.string(),
});
export type ComplianceCheck = z.infer<typeof ComplianceCheckSchema>;

export const StaffComplianceSchema = z.strictObject({
  staffId: StaffIdSchema,
  name: z.string(),
  level: z.enum(PRACTITIONER_LEVELS).nullable(),
  checks: z.array(ComplianceCheckSchema),
});
export type StaffCompliance = z.infer<typeof StaffComplianceSchema>;

export const ServiceComplianceSchema = z.strictObject({
  at: day,
  /** Registered practitioners among those counted, 0–1 (0 when no one is counted yet). */
  registeredShare: z.number().min(0).max(1),
  registeredShareMet: z.boolean(),
  counted: z.number().int().min(0),
  registered: z.number().int().min(0),
  staff: z.array(StaffComplianceSchema),
});
export type ServiceCompliance = z.infer<typeof ServiceComplianceSchema>;
