import { z } from 'zod';
import { dateField } from '../../time/dates';
import { strictForm } from '../../shared/strict-form';
import { requiredText } from '../../shared/text';
import { ProposalIdSchema, RecordRefSchema, RETENTION_ACTIONS, TombstoneSchema } from './register';
import { RECORD_KINDS } from './rules';

/** The retention commands' input and output, shared by the contract, the CLI and the page. */
export const ReviewRetentionInputSchema = strictForm({ at: dateField('Review date').optional() }, 'the retention review');
export type ReviewRetentionInput = z.infer<typeof ReviewRetentionInputSchema>;

export const ReviewItemSchema = z.strictObject({
  record: RecordRefSchema,
  label: z.string(),
  kind: z.enum(RECORD_KINDS),
  ruleLabel: z.string(),
  due: z.string(),
  daysOverdue: z.number().int(),
  why: z.string(),
  actions: z.array(z.enum(RETENTION_ACTIONS)),
  pending: z.strictObject({ id: z.string(), action: z.enum(RETENTION_ACTIONS), proposedByName: z.string() }).optional(),
});

export const PendingProposalSchema = z.strictObject({
  id: z.string(),
  record: RecordRefSchema,
  label: z.string(),
  action: z.enum(RETENTION_ACTIONS),
  reason: z.string(),
  until: z.string().optional(),
  why: z.string(),
  proposedByName: z.string(),
  proposedAt: z.string(),
  /** False for the person who proposed it: the same person cannot approve their own proposal. */
  canDecide: z.boolean(),
});
export type PendingProposal = z.infer<typeof PendingProposalSchema>;

export const RetentionReviewSchema = z.strictObject({
  at: z.string(),
  /** The casework setting: each action needs a second person's approval. */
  approvalNeeded: z.boolean(),
  items: z.array(ReviewItemSchema),
  pending: z.array(PendingProposalSchema),
  /** The latest cases anonymised or deleted, newest first. */
  recent: z.array(TombstoneSchema),
});
export type RetentionReview = z.infer<typeof RetentionReviewSchema>;

export const ProposeRetentionInputSchema = strictForm(
  {
    record: RecordRefSchema,
    action: z.enum(RETENTION_ACTIONS, { error: 'Choose anonymise, delete or keep' }),
    reason: requiredText('Reason', 1000),
    /** Keep only: the day to review it again. */
    until: dateField('Review again on').optional(),
  },
  'the retention action',
).superRefine((v, ctx) => {
  if (v.action === 'keep' && v.until === undefined) ctx.addIssue({ code: 'custom', path: ['until'], message: 'Enter the day to review it again, after today' });
  if (v.action !== 'keep' && v.until !== undefined) ctx.addIssue({ code: 'custom', path: ['until'], message: 'A review date goes with keep only: remove it' });
});
export type ProposeRetentionInput = z.infer<typeof ProposeRetentionInputSchema>;

export const DecideRetentionInputSchema = strictForm(
  {
    proposalId: ProposalIdSchema,
    decision: z.enum(['approve', 'refuse'], { error: 'Choose approve or refuse' }),
    refusal: requiredText('Why it is refused', 1000).optional(),
  },
  'the decision',
).superRefine((v, ctx) => {
  if (v.decision === 'refuse' && v.refusal === undefined) ctx.addIssue({ code: 'custom', path: ['refusal'], message: 'Say why it is refused' });
});
export type DecideRetentionInput = z.infer<typeof DecideRetentionInputSchema>;

export const RetentionResultSchema = z.strictObject({
  outcome: z.enum(['proposed', 'applied', 'refused']),
  action: z.enum(RETENTION_ACTIONS),
  label: z.string(),
  /** What happened, in plain words, including what happened to the backups. */
  message: z.string(),
  backups: z.strictObject({ removed: z.number().int().min(0), taken: z.string().optional() }).optional(),
});
export type RetentionResult = z.infer<typeof RetentionResultSchema>;
