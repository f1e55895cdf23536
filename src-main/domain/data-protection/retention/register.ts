import { z } from 'zod';
import { CaseIdSchema, DateSchema, ReferenceSchema } from '../../cases/case';
import { requiredText } from '../../shared/text';
import { RECORD_KINDS } from './rules';

/**
 * What the service decided about records due under the retention schedule, kept in
 * registers/retention.cbk: proposals waiting for a second person, records kept longer (with
 * the reason and the next review date), and a tombstone for every case anonymised or deleted —
 * its reference, dates, the rule applied and who approved it, never anyone the case named.
 */
export const RETENTION_REGISTER = 'retention';

export const RETENTION_ACTIONS = ['anonymise', 'delete', 'keep'] as const;
export type RetentionAction = (typeof RETENTION_ACTIONS)[number];
export const RETENTION_ACTION_LABELS: Record<RetentionAction, string> = { anonymise: 'Anonymise', delete: 'Delete', keep: 'Keep' };

/** The records the review lists: cases (adult, youth and referrals) and the registers' records. */
export const REVIEWED_RECORDS = ['case', 'staff', 'complaint', 'subject-access'] as const;
export type ReviewedRecord = (typeof REVIEWED_RECORDS)[number];
export const RecordRefSchema = z.strictObject({ kind: z.enum(REVIEWED_RECORDS), id: z.string().min(1).max(64) });
export type RecordRef = z.infer<typeof RecordRefSchema>;

export const ProposalIdSchema = z.string({ error: 'Choose a proposal' }).regex(/^rtp_[a-z0-9]{10,40}$/, { error: 'Choose a proposal from the list' });

const reason = requiredText('Reason', 1000);

export const ProposalSchema = z.strictObject({
  id: ProposalIdSchema,
  record: RecordRefSchema,
  /** What the list calls the record: a case reference, "Complaint received 3 May 2020". */
  label: z.string().max(200),
  action: z.enum(RETENTION_ACTIONS),
  reason,
  /** Keep only: the next review date. */
  until: DateSchema.optional(),
  rule: z.enum(RECORD_KINDS),
  due: DateSchema,
  proposedBy: z.string().max(100),
  proposedByName: z.string().max(200),
  proposedAt: z.iso.datetime(),
  status: z.enum(['pending', 'approved', 'refused']),
  decidedBy: z.string().max(100).optional(),
  decidedByName: z.string().max(200).optional(),
  decidedAt: z.iso.datetime().optional(),
  refusal: requiredText('Why it was refused', 1000).optional(),
});
export type Proposal = z.infer<typeof ProposalSchema>;

export const KeptSchema = z.strictObject({
  record: RecordRefSchema,
  reason,
  until: DateSchema,
  on: DateSchema,
  by: z.string().max(200),
  approvedBy: z.string().max(200).optional(),
});
export type Kept = z.infer<typeof KeptSchema>;

export const TombstoneSchema = z.strictObject({
  caseId: CaseIdSchema,
  reference: ReferenceSchema,
  action: z.enum(['anonymise', 'delete']),
  receivedOn: DateSchema,
  endedOn: DateSchema,
  rule: z.enum(RECORD_KINDS),
  due: DateSchema,
  appliedOn: DateSchema,
  proposedBy: z.string().max(200),
  approvedBy: z.string().max(200).optional(),
});
export type Tombstone = z.infer<typeof TombstoneSchema>;

export const RetentionRegisterSchema = z.strictObject({
  proposals: z.array(ProposalSchema).max(100_000),
  kept: z.array(KeptSchema).max(100_000),
  tombstones: z.array(TombstoneSchema).max(100_000),
});
export type RetentionRegister = z.infer<typeof RetentionRegisterSchema>;
export const EMPTY_RETENTION: RetentionRegister = { proposals: [], kept: [], tombstones: [] };

export const refKey = (r: RecordRef) => `${r.kind}:${r.id}`;

/** The latest keep decision per record. */
export function keptUntil(reg: RetentionRegister): Map<string, Kept> {
  const out = new Map<string, Kept>();
  for (const k of reg.kept) {
    const key = refKey(k.record);
    const before = out.get(key);
    if (!before || k.on >= before.on) out.set(key, k);
  }
  return out;
}
