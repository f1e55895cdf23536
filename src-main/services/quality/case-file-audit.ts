import { requireCapability } from '../../domain/access/capabilities';
import type { Case } from '../../domain/cases/case';
import {
  CASE_FILE_AUDIT_REGISTER,
  CaseFileAuditRegisterSchema,
  EMPTY_CASE_FILE_AUDIT,
  judgeable,
  withJudgements,
  type AuditorReview,
  type CaseFileAudit,
  type CaseFileAuditRegister,
  type GetCaseFileAuditInput,
  type SaveAuditorReviewInput,
} from '../../domain/quality/auditor-review';
import { drawSample } from '../../domain/quality/audit-sample';
import { AUDIT_CHECK_LABELS, auditCaseFile, auditTotals } from '../../domain/quality/case-file-audit';
import { CasebookError } from '../../domain/shared/errors';
import type { Store } from '../../store/store';
import type { Casework } from '../cases/context';
import { everyCase } from '../data-protection/known-people';
import { invalidInput } from '../shared/errors';

/**
 * The case-file audit as the auditor works through it (issue 12): the sample drawn exactly as
 * the pack will draw it (same period, size and framework as seed), each file's checks as the
 * record proves them, and the auditor's judgements and notes, kept per case file.
 */
export function readAuditReviews(s: Store): Promise<CaseFileAuditRegister> {
  return s.registers.read(CASE_FILE_AUDIT_REGISTER, CaseFileAuditRegisterSchema, EMPTY_CASE_FILE_AUDIT);
}

/** The sampled files with the auditor's work in place: what both the page and the pack show. */
export async function auditedSample(s: Store, all: readonly Case[], r: { framework: string; from: string; to: string; size: number }, on: string): Promise<CaseFileAudit> {
  const reviews = new Map((await readAuditReviews(s)).reviews.map((x) => [x.caseId, x]));
  const files = drawSample(all, { from: r.from, to: r.to, size: r.size, seed: r.framework }).map((c, i) => {
    const review = reviews.get(c.id);
    return {
      label: `File ${i + 1}`,
      caseId: c.id,
      reference: c.reference,
      checks: withJudgements(auditCaseFile(c, on), review),
      ...(review?.notes ? { notes: review.notes } : {}),
      ...(review ? { reviewedOn: review.on } : {}),
    };
  });
  return { files, totals: auditTotals(files) };
}

export async function getCaseFileAudit(cw: Casework, input: GetCaseFileAuditInput): Promise<CaseFileAudit> {
  const s = cw.s;
  requireCapability(s.user.role, 'build-evidence-pack');
  if (!cw.t.frameworks.some((f) => f.id === input.framework)) throw invalidInput([{ path: 'framework', message: `There is no framework "${input.framework}": choose one of ${cw.t.frameworks.map((f) => f.id).join(', ')}` }]);
  const audit = await auditedSample(s, await everyCase(s, 'so the sample cannot be drawn as the pack would draw it'), input, input.to);
  // Reading the sample shows what the case files say: recorded like opening them, by count.
  if (!s.readOnly) await s.commit([], [s.draft('case-file-audit.read', { type: 'pack', id: input.framework }, [`files:${audit.files.length}`])]);
  return audit;
}

export async function saveAuditorReview(cw: Casework, input: SaveAuditorReviewInput): Promise<CaseFileAudit['files'][number]['checks']> {
  const s = cw.s;
  requireCapability(s.user.role, 'build-evidence-pack');
  if (!s.summaries.get(input.caseId)) throw new CasebookError('NOT_FOUND', 'That case file is not in the casebook. Draw the sample again.');
  const checks = auditCaseFile(await s.readCase(input.caseId), cw.today);
  const open = new Set(judgeable(checks));
  const wrong = Object.keys(input.judgements).filter((k) => !open.has(k as never));
  if (wrong.length > 0) {
    throw invalidInput(wrong.map((k) => ({ path: `judgements.${k}`, message: `${AUDIT_CHECK_LABELS[k as keyof typeof AUDIT_CHECK_LABELS]} is proved by the record, not judged: if the record is wrong, correct the case` })));
  }
  const register = await readAuditReviews(s);
  const review: AuditorReview = { caseId: input.caseId, judgements: input.judgements, ...(input.notes ? { notes: input.notes } : {}), by: s.user.id, on: cw.today };
  const next = CaseFileAuditRegisterSchema.parse({ reviews: [...register.reviews.filter((x) => x.caseId !== input.caseId), review] });
  await s.registers.save(CASE_FILE_AUDIT_REGISTER, next, [s.draft('case-file-audit.review', { type: 'case', id: input.caseId }, [...Object.keys(input.judgements), ...(input.notes ? ['notes'] : [])])]);
  return withJudgements(checks, review);
}
