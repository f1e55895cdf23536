import { CaseFileAuditSchema, GetCaseFileAuditInputSchema, SaveAuditorReviewInputSchema } from '../../domain/quality/auditor-review';
import { DraftCaseStudiesInputSchema, StudyDraftsSchema } from '../../domain/quality/case-study-review';
import { z } from 'zod';
import { ComplaintListSchema, ComplaintRowSchema, ListComplaintsInputSchema, RecordComplaintInputSchema, UpdateComplaintInputSchema } from '../../domain/quality/complaints';
import {
  AddPolicyVersionInputSchema,
  AttachPolicyDocumentInputSchema,
  ListPoliciesInputSchema,
  PolicyListSchema,
  PolicyRowSchema,
  SavePolicyDocumentInputSchema,
  SavePolicyInputSchema,
} from '../../domain/quality/policies';
import { AttachIndicatorEvidenceInputSchema, ChosenEvidenceFileSchema, IndicatorEvidenceRequestSchema, IndicatorEvidenceRowSchema } from '../../domain/quality/health-check-evidence';
import { GetHealthCheckInputSchema, HealthCheckAnswerRowSchema, HealthCheckSchema, SaveIndicatorAnswerInputSchema } from '../../domain/quality/health-check';
import { FrameworkChoiceSchema, PackRequestSchema } from '../../domain/quality/pack-request';
import type { CommandGroup } from '../command-spec';

/** The quality lead's policies register and the complaints log (Victims' Code right 12). */
export const qualityCommands = {
  listPolicies: {
    input: ListPoliciesInputSchema,
    output: PolicyListSchema,
    access: 'read-policies',
    summary: 'The policies register: each policy, its owner, version history and when its review is due',
  },
  savePolicy: {
    input: SavePolicyInputSchema,
    output: PolicyRowSchema,
    access: 'manage-policies',
    summary: 'Add a policy to the register, or change its title, owner, review date or indicators',
  },
  addPolicyVersion: {
    input: AddPolicyVersionInputSchema,
    output: PolicyRowSchema,
    access: 'manage-policies',
    summary: 'Add a new version of a policy; the earlier version is kept with its document',
  },
  attachPolicyDocument: {
    input: AttachPolicyDocumentInputSchema,
    output: z.strictObject({ picked: z.boolean(), policy: PolicyRowSchema.optional() }),
    access: 'manage-policies',
    summary: 'Attach the current version’s document (PDF or DOCX), chosen in the open dialog',
  },
  savePolicyDocument: {
    input: SavePolicyDocumentInputSchema,
    output: z.strictObject({ saved: z.boolean(), fileName: z.string() }),
    access: 'read-policies',
    summary: 'Save a copy of a policy’s document where you choose',
  },
  listComplaints: {
    input: ListComplaintsInputSchema,
    output: ComplaintListSchema,
    access: 'manage-complaints',
    summary: 'The complaints log with each acknowledgement deadline (10 working days) and status',
  },
  recordComplaint: {
    input: RecordComplaintInputSchema,
    output: ComplaintRowSchema,
    access: 'manage-complaints',
    summary: 'Record a complaint: received on, from whom (their part in the case), what about',
  },
  updateComplaint: {
    input: UpdateComplaintInputSchema,
    output: ComplaintRowSchema,
    access: 'manage-complaints',
    summary: 'Acknowledge a complaint, record its outcome and lessons learned, close it',
  },
  listFrameworks: {
    input: z.strictObject({}),
    output: z.array(FrameworkChoiceSchema),
    access: 'build-evidence-pack',
    summary: 'The RJC frameworks an evidence pack can answer: id, title, purpose and the period each fixes',
  },
  getCaseFileAudit: {
    input: GetCaseFileAuditInputSchema,
    output: CaseFileAuditSchema,
    access: 'build-evidence-pack',
    summary: 'The case-file audit sample as the pack draws it (period, size, framework as seed), each file checked against the Code of Practice, with the auditor’s judgements and notes',
  },
  saveAuditorReview: {
    input: SaveAuditorReviewInputSchema,
    output: CaseFileAuditSchema.shape.files.element.shape.checks,
    access: 'build-evidence-pack',
    summary: 'The auditor’s judgement on the checks a sampled case file’s record cannot prove, and notes on the file',
  },
  draftCaseStudies: {
    input: DraftCaseStudiesInputSchema,
    output: StudyDraftsSchema,
    access: 'build-evidence-pack',
    summary: 'The chosen case studies as the pack would draft them, with every replacement the anonymiser made placed, to review and reword',
  },
  saveEvidencePack: {
    input: PackRequestSchema,
    output: z.strictObject({ saved: z.boolean(), fileName: z.string(), title: z.string(), pages: z.number().int().optional(), bytes: z.number().int() }),
    access: 'build-evidence-pack',
    summary: 'Build the evidence pack for an RJC framework and period as PDF or DOCX, leak-check it and save it',
  },
  getHealthCheck: {
    input: GetHealthCheckInputSchema,
    output: HealthCheckSchema,
    access: 'read-health-check',
    summary: 'The health check for an RJC framework: each indicator’s rating and narrative, progress per standard, and the gaps the casebook shows',
  },
  saveIndicatorAnswer: {
    input: SaveIndicatorAnswerInputSchema,
    output: HealthCheckAnswerRowSchema,
    access: 'manage-health-check',
    summary: 'Rate one indicator of the health check, write its narrative and link policies; saved as you go',
  },
  chooseIndicatorEvidence: {
    input: z.strictObject({}),
    output: ChosenEvidenceFileSchema,
    access: 'manage-health-check',
    summary: 'Choose a file to attach to a health-check indicator, before attaching it (kept in the main process)',
  },
  attachIndicatorEvidence: {
    input: AttachIndicatorEvidenceInputSchema,
    output: IndicatorEvidenceRowSchema,
    access: 'manage-health-check',
    summary: 'Attach the chosen file (PDF, DOCX, PNG or JPEG) to one indicator of the health check, with a title',
  },
  removeIndicatorEvidence: {
    input: IndicatorEvidenceRequestSchema,
    output: z.strictObject({ removed: z.literal(true), fileDeleted: z.boolean() }),
    access: 'manage-health-check',
    summary: 'Take a file off its health-check indicator; the file is deleted when nothing else uses it',
  },
  saveIndicatorEvidence: {
    input: IndicatorEvidenceRequestSchema,
    output: z.strictObject({ saved: z.boolean(), fileName: z.string() }),
    access: 'read-health-check',
    summary: 'Save a copy of a file attached to a health-check indicator where you choose',
  },
} as const satisfies CommandGroup;
