import type { CaseFileAudit, GetCaseFileAuditInput, SaveAuditorReviewInput } from '../../domain/quality/auditor-review';
import type { DraftCaseStudiesInput, StudyDraft } from '../../domain/quality/case-study-review';
import type { ComplaintList, ComplaintRow, ListComplaintsInput, RecordComplaintInput, UpdateComplaintInput } from '../../domain/quality/complaints';
import type { AttachIndicatorEvidenceInput, ChosenEvidenceFile, IndicatorEvidenceRequest, IndicatorEvidenceRow } from '../../domain/quality/health-check-evidence';
import type { GetHealthCheckInput, HealthCheck, HealthCheckAnswerRow, SaveIndicatorAnswerInput } from '../../domain/quality/health-check';
import type { FrameworkChoice, PackRequest } from '../../domain/quality/pack-request';
import type { AddPolicyVersionInput, AttachPolicyDocumentInput, ListPoliciesInput, PolicyList, PolicyRow, SavePolicyDocumentInput, SavePolicyInput } from '../../domain/quality/policies';

/** The quality lead's policies register and the complaints log, reached as `service.quality`. */
export interface QualityApi {
  /** Everyone: each policy with its review status on the day (today unless `at`). */
  listPolicies(input: ListPoliciesInput): Promise<PolicyList>;
  /** Quality leads and administrators: add a policy, or change one's details. */
  savePolicy(input: SavePolicyInput): Promise<PolicyRow>;
  /** Quality leads and administrators: a new version; the one before is kept with its document. */
  addPolicyVersion(input: AddPolicyVersionInput): Promise<PolicyRow>;
  /** Quality leads and administrators: the current version's document, chosen with the file picker (PDF or DOCX). */
  attachPolicyDocument(input: AttachPolicyDocumentInput): Promise<{ picked: boolean; policy?: PolicyRow }>;
  /** Everyone: a copy of a version's document, saved where the user chooses. */
  savePolicyDocument(input: SavePolicyDocumentInput): Promise<{ saved: boolean; fileName: string }>;
  /** Coordinators, quality leads and administrators: the log with each complaint's deadline and status. */
  listComplaints(input: ListComplaintsInput): Promise<ComplaintList>;
  recordComplaint(input: RecordComplaintInput): Promise<ComplaintRow>;
  /** Acknowledge, add the outcome and lessons learned, close. */
  updateComplaint(input: UpdateComplaintInput): Promise<ComplaintRow>;
  /** Quality leads and administrators: the frameworks a pack can answer, as their files word them. */
  listFrameworks(): Promise<FrameworkChoice[]>;
  /** Coordinators, quality leads and administrators: a framework's answers, progress, and the gaps the casebook shows. */
  getHealthCheck(input: GetHealthCheckInput): Promise<HealthCheck>;
  /** Quality leads and administrators: one indicator's rating, narrative and linked policies, signed by whoever is signed in. */
  saveIndicatorAnswer(input: SaveIndicatorAnswerInput): Promise<HealthCheckAnswerRow>;
  /** Quality leads and administrators: choose a file in an indicator's form, before attaching it (held in the main process). */
  chooseIndicatorEvidence(): Promise<ChosenEvidenceFile>;
  /** Quality leads and administrators: attach the chosen file (PDF, DOCX, PNG or JPEG) to an indicator with a title. */
  attachIndicatorEvidence(input: AttachIndicatorEvidenceInput): Promise<IndicatorEvidenceRow>;
  /** Quality leads and administrators: take a file off its indicator; the file goes when nothing else uses it. */
  removeIndicatorEvidence(input: IndicatorEvidenceRequest): Promise<{ removed: true; fileDeleted: boolean }>;
  /** Whoever may read the health check: a copy of an attached file, saved where the user chooses. */
  saveIndicatorEvidence(input: IndicatorEvidenceRequest): Promise<{ saved: boolean; fileName: string }>;
  /** Quality leads and administrators: the case-file audit sample as the pack draws it, with the auditor's judgements and notes; recorded. */
  getCaseFileAudit(input: GetCaseFileAuditInput): Promise<CaseFileAudit>;
  /** Quality leads and administrators: judge what a sampled file's record cannot prove, and add notes; the file's checks as they now stand. */
  saveAuditorReview(input: SaveAuditorReviewInput): Promise<CaseFileAudit['files'][number]['checks']>;
  /** Quality leads and administrators: the chosen case studies as drafted, each replacement placed, to read and reword before the pack is built; recorded. */
  draftCaseStudies(input: DraftCaseStudiesInput): Promise<{ studies: StudyDraft[] }>;
  /** Quality leads and administrators: the evidence pack, built, leak-checked on its final bytes, then saved where the user chooses. */
  saveEvidencePack(input: PackRequest): Promise<{ saved: boolean; fileName: string; title: string; pages?: number; bytes: number }>;
}
