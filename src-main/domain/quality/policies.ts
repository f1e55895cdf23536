import { z } from 'zod';
import { AttachmentRefSchema } from '../conferences/ids';
import { MAX_ATTACHMENT_BYTES } from '../conferences/attachments';
import { strictForm } from '../shared/strict-form';
import { requiredText } from '../shared/text';
import { StaffIdSchema } from '../staff/ids';
import { dateField, daysBetween } from '../time/dates';

/**
 * The policies register (RSQM standard 2, "policies and procedures"): each policy with its
 * current version, who owns it, when it was approved and is next reviewed, the document itself
 * (kept encrypted as an attachment) and which RJC indicators it evidences. A new version keeps
 * every earlier one, with its approval date and document, because an assessor asks what the
 * policy said when a case was handled, not only what it says now.
 */
export const POLICIES_REGISTER = 'policies';

export const PolicyIdSchema = z.string({ error: 'Choose a policy' }).regex(/^pol_[a-z0-9]{10,40}$/, { error: 'Choose a policy from the register' });

/** RSQM indicators are numbered standard.indicator: "2.1", "6.5". */
export const IndicatorSchema = z
  .string({ error: 'An indicator must be text like 2.1' })
  .trim()
  .regex(/^[1-9]\d?\.[1-9]\d?$/, { error: 'Write each indicator as its number, like 2.1 or 6.5' });

/** Only documents a service writes its policies in: PDF and Word. */
export const POLICY_DOCUMENT_TYPES = ['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'] as const;
export type PolicyDocumentType = (typeof POLICY_DOCUMENT_TYPES)[number];
export const POLICY_DOCUMENT_LABELS: Record<PolicyDocumentType, string> = { 'application/pdf': 'PDF', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (DOCX)' };

export const PolicyDocumentSchema = z.strictObject({
  ref: AttachmentRefSchema,
  name: z.string().min(1).max(200),
  type: z.enum(POLICY_DOCUMENT_TYPES),
  size: z.number().int().min(1).max(MAX_ATTACHMENT_BYTES),
});
export type PolicyDocument = z.infer<typeof PolicyDocumentSchema>;

const versionText = requiredText('Version', 20);

export const PolicyVersionSchema = z.strictObject({
  version: versionText,
  approvedOn: dateField('Approved on'),
  document: PolicyDocumentSchema.optional(),
});
export type PolicyVersion = z.infer<typeof PolicyVersionSchema>;

export const PolicySchema = z.strictObject({
  id: PolicyIdSchema,
  title: requiredText('Title', 200),
  ownerId: StaffIdSchema,
  nextReview: dateField('Next review'),
  indicators: z.array(IndicatorSchema).max(40),
  current: PolicyVersionSchema,
  /** Earlier versions, oldest first. */
  history: z.array(PolicyVersionSchema).max(200),
});
export type Policy = z.infer<typeof PolicySchema>;

export const PoliciesRegisterSchema = z.strictObject({ policies: z.array(PolicySchema).max(1000) });
export type PoliciesRegister = z.infer<typeof PoliciesRegisterSchema>;
export const EMPTY_POLICIES: PoliciesRegister = { policies: [] };

const indicators = z
  .array(IndicatorSchema, { error: 'Indicators must be a list, like ["2.1", "2.3"]' })
  .max(40, { error: 'A policy can evidence at most 40 indicators' })
  .refine((l) => new Set(l).size === l.length, { error: 'An indicator is listed twice' });

/** Add a policy (no id) or change one's title, owner, review date, indicators, or correct its current version's number and date. */
export const SavePolicyInputSchema = strictForm(
  {
    id: PolicyIdSchema.optional(),
    title: requiredText('Title', 200),
    version: versionText,
    ownerId: StaffIdSchema,
    approvedOn: dateField('Approved on'),
    nextReview: dateField('Next review'),
    indicators,
  },
  'the policy',
).refine((p) => p.nextReview > p.approvedOn, { path: ['nextReview'], error: 'Next review must be after the day the policy was approved' });
export type SavePolicyInput = z.infer<typeof SavePolicyInputSchema>;

/** A new version: the current one moves to the history with its document; attach the new document after. */
export const AddPolicyVersionInputSchema = strictForm(
  { policyId: PolicyIdSchema, version: versionText, approvedOn: dateField('Approved on'), nextReview: dateField('Next review') },
  'the new version',
).refine((p) => p.nextReview > p.approvedOn, { path: ['nextReview'], error: 'Next review must be after the day the policy was approved' });
export type AddPolicyVersionInput = z.infer<typeof AddPolicyVersionInputSchema>;

/** The document comes from the open dialog, never the caller: the input says only which policy. */
export const AttachPolicyDocumentInputSchema = strictForm({ policyId: PolicyIdSchema }, 'the policy');
export type AttachPolicyDocumentInput = z.infer<typeof AttachPolicyDocumentInputSchema>;

/** A copy of the current document, or of an earlier version's (by its version). */
export const SavePolicyDocumentInputSchema = strictForm({ policyId: PolicyIdSchema, version: versionText.optional() }, 'the policy document');
export type SavePolicyDocumentInput = z.infer<typeof SavePolicyDocumentInputSchema>;

export const ListPoliciesInputSchema = strictForm({ at: dateField('The day to check').optional() }, 'the policies query');
export type ListPoliciesInput = z.infer<typeof ListPoliciesInputSchema>;

export const REVIEW_STATUSES = ['current', 'due-soon', 'overdue'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = { current: 'Current', 'due-soon': 'Review due soon', overdue: 'Review overdue' };

/**
 * A review is due on its date and overdue from the day after (as the staff register counts a
 * check); "due soon" within the rules file's `dueSoonDays` before it, the review day included.
 */
export function reviewStatus(nextReview: string, at: string, dueSoonDays: number): ReviewStatus {
  if (at > nextReview) return 'overdue';
  return daysBetween(at, nextReview) <= dueSoonDays ? 'due-soon' : 'current';
}

export const PolicyRowSchema = PolicySchema.extend({
  ownerName: z.string(),
  status: z.enum(REVIEW_STATUSES),
  /** Days to the review (negative: days overdue). */
  daysToReview: z.number().int(),
});
export type PolicyRow = z.infer<typeof PolicyRowSchema>;

export const PolicyListSchema = z.strictObject({ at: z.string(), dueSoonDays: z.number().int(), policies: z.array(PolicyRowSchema) });
export type PolicyList = z.infer<typeof PolicyListSchema>;

/** Every policy with its review status on `at`: overdue first, then by review date, then title. */
export function policyRows(register: PoliciesRegister, at: string, dueSoonDays: number, ownerName: (id: string) => string): PolicyRow[] {
  const order: Record<ReviewStatus, number> = { overdue: 0, 'due-soon': 1, current: 2 };
  return register.policies
    .map((p) => ({ ...p, ownerName: ownerName(p.ownerId), status: reviewStatus(p.nextReview, at, dueSoonDays), daysToReview: daysBetween(at, p.nextReview) }))
    .sort((a, b) => order[a.status] - order[b.status] || a.nextReview.localeCompare(b.nextReview) || a.title.localeCompare(b.title, 'en-GB'));
}

/**
 * What the file's first bytes say it is: a PDF starts "%PDF-", a DOCX is a ZIP ("PK\3\4").
 * A file renamed to .pdf is refused rather than kept as something it is not.
 */
export function documentTypeOf(name: string, bytes: Uint8Array): PolicyDocumentType | undefined {
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1]?.toLowerCase();
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (ext === 'pdf' && starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (ext === 'docx' && starts([0x50, 0x4b, 0x03, 0x04])) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  return undefined;
}
