import { z } from 'zod';
import { CaseworkSettingsSchema } from '../casebook/casework-settings';
import { AgreementActionsFileSchema, FeedbackFileSchema, GroundRulesFileSchema } from '../conferences/templates';
import { VenueListSchema } from '../conferences/venue';
import { ConsentElementSchema, type ConsentSummary } from '../consent/consent';
import { CaseworkListsSchema } from '../referrals/referral';
import { RiskFactorSchema, type RiskStatus } from '../risk/risk';
import { StaffListSchema } from '../staff/staff';
import { CaseIdSchema, CaseSchema, CaseSummarySchema } from './case';
import type { Deadline } from './deadlines';
import { EXITS, STAGES } from './stages';

/**
 * What the app shows of cases, as it crosses from the main process: a case with what the
 * domain works out about it, the reference data forms need, and the dashboard. Computed parts
 * are produced by domain functions, not stored, so they are typed rather than re-validated.
 */
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
  /** Rooms meetings are booked in. */
  venues: VenueListSchema,
  /** The process's wording: default ground rules, agreement action kinds, feedback statements and equality lists. */
  conferences: z.strictObject({ groundRules: GroundRulesFileSchema, agreementActions: AgreementActionsFileSchema, feedback: FeedbackFileSchema }),
  /** Today in England and Wales, from the main process's clock. */
  today: z.iso.date(),
});
export type CaseworkReference = z.infer<typeof CaseworkReferenceSchema>;

export const OverdueActionsRowSchema = z.strictObject({
  caseId: CaseIdSchema,
  reference: z.string(),
  leadFacilitator: z.string().optional(),
  /** Agreement actions past their due date and not yet resolved. */
  overdue: z.number().int(),
  /** The earliest due date among them. */
  earliestDue: z.iso.date(),
});
export type OverdueActionsRow = z.infer<typeof OverdueActionsRowSchema>;

const DashboardRowsSchema = z.array(CaseSummarySchema);
export const DashboardViewSchema = z.strictObject({
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
  overdueActions: z.strictObject({ count: z.number().int(), rows: z.array(OverdueActionsRowSchema) }),
});
export type DashboardView = z.infer<typeof DashboardViewSchema>;

/** The case list as a page: the rows asked for and how many match. */
export const CaseListPageSchema = z.strictObject({ rows: z.array(CaseSummarySchema), total: z.number().int() });
