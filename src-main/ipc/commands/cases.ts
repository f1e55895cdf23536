import { z } from 'zod';
import { ROLES, type Role } from '../../domain/access/roles';
import { CaseIdSchema, CaseSchema, CaseSummarySchema, STAGES, EXITS } from '../../domain/cases/case';
import { CaseworkListsSchema, ReferralInputSchema, type DuplicateMatch } from '../../domain/referrals/referral';
import { WorkflowCommandSchema } from '../../domain/cases/workflow';
import { CaseloadQuerySchema } from '../../domain/cases/caseload';
import { StaffMemberSchema, StaffListSchema } from '../../domain/staff/staff';
import { CaseworkSettingsSchema } from '../../domain/casebook/casework-settings';
import { ConsentElementSchema, type ConsentSummary } from '../../domain/consent/consent';
import { RiskFactorSchema, type RiskStatus } from '../../domain/risk/risk';
import type { Deadline } from '../../domain/cases/deadlines';
import type { CommandSpec } from '../contract';
import { VenueListSchema } from '../../domain/conferences/venue';
import { AgreementActionsFileSchema, FeedbackFileSchema, GroundRulesFileSchema } from '../../domain/conferences/templates';

/**
 * Casework commands (issue 3): referrals, the case workflow, staff, caseload and dashboard.
 * Every change to a case goes through `applyCaseCommand`, which carries one of the domain's
 * workflow commands and the revision the user was looking at, so two people editing the
 * same case cannot silently overwrite each other.
 */
const ALL: readonly Role[] = ROLES;
const MANAGE: readonly Role[] = ['administrator', 'coordinator'];
const CASEWORK: readonly Role[] = ['administrator', 'coordinator', 'facilitator'];

/** Computed parts of a case view are produced by domain functions, not stored; typed here. */
const computed = <T>() => z.custom<T>((v) => typeof v === 'object' && v !== null);

export const CaseViewSchema = z.strictObject({
  case: CaseSchema,
  deadlines: z.array(computed<Deadline>()),
  /** Per participant id: consent at a glance and the risk assessment's state. */
  consent: z.record(z.string(), computed<ConsentSummary>()),
  risk: z.record(z.string(), z.custom<RiskStatus>((v) => typeof v === 'string')),
  /** Why the case cannot start the restorative process yet (empty when it can). */
  processBlockers: z.array(z.string()),
});
export type CaseView = z.infer<typeof CaseViewSchema>;

export const CaseworkReferenceSchema = z.strictObject({
  lists: CaseworkListsSchema,
  consentElements: z.array(ConsentElementSchema),
  riskFactors: z.array(RiskFactorSchema),
  staff: StaffListSchema,
  settings: CaseworkSettingsSchema,
  /** Rooms meetings are booked in (issue 5). */
  venues: VenueListSchema,
  /** The process's wording: default ground rules, agreement action kinds, feedback statements and equality lists. */
  conferences: z.strictObject({ groundRules: GroundRulesFileSchema, agreementActions: AgreementActionsFileSchema, feedback: FeedbackFileSchema }),
  /** Today in England and Wales, from the main process's clock. */
  today: z.iso.date(),
});
export type CaseworkReference = z.infer<typeof CaseworkReferenceSchema>;

const DashboardRowsSchema = z.array(CaseSummarySchema);
export const DashboardSchema = z.strictObject({
  byStage: z.record(z.enum(STAGES), z.number().int()),
  exited: z.record(z.enum(EXITS), z.number().int()),
  open: z.number().int(),
  /** How many in each list; the lists themselves hold only the first rows. */
  counts: z.strictObject({ overdue: z.number().int(), dueSoon: z.number().int(), myCases: z.number().int() }),
  myCases: DashboardRowsSchema,
  overdue: DashboardRowsSchema,
  dueSoon: DashboardRowsSchema,
  recentlyChanged: DashboardRowsSchema,
  /** Cases whose signed agreement has actions past their due date (the first rows and how many). */
  overdueActions: z.strictObject({
    count: z.number().int(),
    rows: z.array(z.strictObject({ caseId: CaseIdSchema, reference: z.string(), leadFacilitator: z.string().optional(), overdue: z.number().int(), earliestDue: z.iso.date() })),
  }),
});

export const caseworkCommands = {
  getCaseworkReference: {
    input: z.strictObject({}),
    output: CaseworkReferenceSchema,
    access: ALL,
    summary: 'Read the lists, consent elements, risk factors, staff and casework settings forms need',
  },
  saveStaffMember: {
    input: StaffMemberSchema.partial({ id: true }),
    output: StaffListSchema,
    access: MANAGE,
    summary: 'Add or change a member of staff',
  },
  updateCaseworkSettings: {
    input: CaseworkSettingsSchema.partial(),
    output: CaseworkSettingsSchema,
    access: ['administrator'],
    summary: 'Change the case reference prefix or who signs off high risks',
  },
  checkReferralDuplicates: {
    input: ReferralInputSchema,
    output: z.array(computed<DuplicateMatch>()),
    access: CASEWORK,
    summary: 'List cases that may be the same people or the same offence as a referral',
  },
  createReferral: {
    input: z.strictObject({ referral: ReferralInputSchema, duplicatesSeen: z.boolean() }),
    output: CaseViewSchema,
    access: CASEWORK,
    summary: 'Take a referral and open a case',
  },
  getCaseView: {
    input: z.strictObject({ id: CaseIdSchema }),
    output: CaseViewSchema,
    access: ALL,
    summary: 'Open a case with its deadlines, consent and risk at a glance',
  },
  applyCaseCommand: {
    input: z.strictObject({ caseId: CaseIdSchema, revision: z.number().int().min(1), command: WorkflowCommandSchema }),
    output: CaseViewSchema,
    access: CASEWORK,
    summary: 'Change a case: a workflow step, consent, risk, contact, people or notes',
  },
  queryCaseload: {
    input: CaseloadQuerySchema,
    output: z.strictObject({ rows: z.array(CaseSummarySchema), total: z.number().int() }),
    access: ALL,
    summary: 'Search, filter and sort the case list',
  },
  getDashboard: {
    input: z.strictObject({}),
    output: DashboardSchema,
    access: ALL,
    summary: 'My cases, due and overdue, recently changed and counts by stage',
  },
} as const satisfies Record<string, CommandSpec>;
