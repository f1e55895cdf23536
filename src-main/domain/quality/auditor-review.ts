import { z } from 'zod';
import { strictForm } from '../shared/strict-form';
import { text } from '../shared/text';
import { dateField } from '../time/dates';
import { FrameworkIdSchema } from './health-check';
import { AUDIT_CHECKS } from './frameworks';
import type { AuditCheck, CheckOutcome } from './case-file-audit';

/**
 * What the auditor adds to a sampled case file: a judgement on each check the record cannot
 * prove (basic facts acknowledged and responsibility taken: only a reader of the assessment
 * notes can say), and notes on the file. Kept per case in registers/case-file-audit.cbk, so a
 * file judged once stays judged when the same sample is drawn again or the pack is rebuilt;
 * the pack prints the notes by file number, never by reference, and leak-checks them.
 */
export const CASE_FILE_AUDIT_REGISTER = 'case-file-audit';
export const MAX_AUDIT_NOTES = 4000;
export const JUDGEMENTS = ['met', 'not-met', 'not-applicable'] as const;
export type Judgement = (typeof JUDGEMENTS)[number];

const CaseIdSchema = z.string({ error: 'Choose a case file' }).regex(/^c_[a-z0-9]{10,40}$/, { error: 'Choose a case file from the sample' });

export const AuditorReviewSchema = z.strictObject({
  caseId: CaseIdSchema,
  judgements: z.partialRecord(z.enum(AUDIT_CHECKS), z.enum(JUDGEMENTS)),
  notes: text('Auditor’s notes', MAX_AUDIT_NOTES).optional(),
  /** Who last saved it (user id) and on which day. */
  by: z.string().max(100),
  on: dateField('Reviewed on'),
});
export type AuditorReview = z.infer<typeof AuditorReviewSchema>;

export const CaseFileAuditRegisterSchema = z.strictObject({ reviews: z.array(AuditorReviewSchema).max(20_000) });
export type CaseFileAuditRegister = z.infer<typeof CaseFileAuditRegisterSchema>;
export const EMPTY_CASE_FILE_AUDIT: CaseFileAuditRegister = { reviews: [] };

/** The sample as the pack will draw it: the framework is the seed, so the page and the pack see the same files. */
export const GetCaseFileAuditInputSchema = strictForm(
  { framework: FrameworkIdSchema, from: dateField('From'), to: dateField('To'), size: z.number({ error: 'Enter the sample size' }).int().min(1).max(200, { error: 'The sample is at most 200 files' }) },
  'the case-file audit',
).refine((r) => r.to >= r.from, { path: ['to'], error: 'To must be on or after From' });
export type GetCaseFileAuditInput = z.infer<typeof GetCaseFileAuditInputSchema>;

export const SaveAuditorReviewInputSchema = strictForm(
  { caseId: CaseIdSchema, judgements: z.partialRecord(z.enum(AUDIT_CHECKS), z.enum(JUDGEMENTS)), notes: text('Auditor’s notes', MAX_AUDIT_NOTES).optional() },
  'the auditor’s review',
);
export type SaveAuditorReviewInput = z.infer<typeof SaveAuditorReviewInputSchema>;

const CheckOutcomeSchema = z.strictObject({ check: z.enum(AUDIT_CHECKS), result: z.enum(['met', 'not-met', 'not-applicable', 'for-the-auditor']), detail: z.string(), byAuditor: z.boolean().optional() });
export const CaseFileAuditSchema = z.strictObject({
  files: z.array(z.strictObject({ label: z.string(), caseId: z.string(), reference: z.string(), checks: z.array(CheckOutcomeSchema), notes: z.string().optional(), reviewedOn: z.string().optional() })),
  totals: z.array(z.strictObject({ check: z.enum(AUDIT_CHECKS), met: z.number().int(), applicable: z.number().int(), percent: z.number().nullable() })),
});
export type CaseFileAudit = z.infer<typeof CaseFileAuditSchema>;

/**
 * The file's checks with the auditor's judgements in place. Only checks the record could not
 * settle take a judgement: what the record proves (a signature date before the first meeting)
 * is not the auditor's to overturn — a wrong record is corrected in the case.
 */
export function withJudgements(checks: readonly CheckOutcome[], review: Pick<AuditorReview, 'judgements'> | undefined): (CheckOutcome & { byAuditor?: boolean })[] {
  return checks.map((c) => {
    const j = review?.judgements[c.check];
    if (c.result !== 'for-the-auditor' || !j) return c;
    return { ...c, result: j, detail: 'judged by the auditor from the file', byAuditor: true };
  });
}

/** The checks an auditor may judge on this file. */
export function judgeable(checks: readonly CheckOutcome[]): AuditCheck[] {
  return checks.filter((c) => c.result === 'for-the-auditor').map((c) => c.check);
}
