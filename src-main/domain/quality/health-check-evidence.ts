import { z } from 'zod';
import { AttachmentRefSchema } from '../conferences/ids';
import { MAX_ATTACHMENT_BYTES } from '../conferences/attachments';
import { strictForm } from '../shared/strict-form';
import { requiredText } from '../shared/text';
import { StaffIdSchema } from '../staff/ids';
import { dateField } from '../time/dates';
import { IndicatorSchema } from './policies';
import { FrameworkIdSchema } from './health-check-ids';

/**
 * Files the quality lead attaches to one indicator of the health check as its evidence ("Minutes
 * of the March team meeting"): kept encrypted as attachments, listed under the indicator, and
 * named by their title in the evidence pack (the files themselves never go into the pack). The
 * title is free text a person wrote, so it is treated like a narrative: never in the audit
 * trail, and read by the pack's leak check.
 */
export const EvidenceIdSchema = z.string({ error: 'Choose a file from the list' }).regex(/^ev_[a-z0-9]{10,40}$/, { error: 'Choose a file from the list' });

export const MAX_EVIDENCE_TITLE = 200;
/** Enough for a year's minutes, audits and certificates under one indicator, few enough to list on one screen. */
export const MAX_EVIDENCE_PER_INDICATOR = 50;

/** What an assessor can open: documents and pictures (a scanned sign-in sheet, a photo of a poster). */
export const EVIDENCE_TYPES = ['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'image/png', 'image/jpeg'] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];
export const EVIDENCE_TYPE_LABELS: Record<EvidenceType, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (DOCX)',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
};

const SIGNATURES: { ext: readonly string[]; type: EvidenceType; starts: readonly number[] }[] = [
  { ext: ['pdf'], type: 'application/pdf', starts: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { ext: ['docx'], type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', starts: [0x50, 0x4b, 0x03, 0x04] },
  { ext: ['png'], type: 'image/png', starts: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { ext: ['jpg', 'jpeg'], type: 'image/jpeg', starts: [0xff, 0xd8, 0xff] },
];

/**
 * The file's type from its name and its first bytes together: a PDF starts "%PDF-", a DOCX is a
 * ZIP, a PNG and a JPEG have their signatures. A file renamed to .pdf is refused rather than kept
 * as something it is not.
 */
export function evidenceTypeOf(name: string, bytes: Uint8Array): EvidenceType | undefined {
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1]?.toLowerCase() ?? '';
  return SIGNATURES.find((s) => s.ext.includes(ext) && bytes.length >= s.starts.length && s.starts.every((b, i) => bytes[i] === b))?.type;
}

/** What is wrong with a chosen file, in words that say what to do; undefined when it can be kept. */
export function evidenceFileProblem(name: string, bytes: Uint8Array): string | undefined {
  if (bytes.byteLength === 0) return 'The file is empty: choose the document or picture itself.';
  if (bytes.byteLength > MAX_ATTACHMENT_BYTES) return `The file is larger than ${MAX_ATTACHMENT_BYTES / (1024 * 1024)} MB, the largest that can be kept: save it smaller and choose it again.`;
  if (!evidenceTypeOf(name, bytes)) return 'The file must be a PDF, a Word (DOCX) document, or a PNG or JPEG picture: save it as one and choose it again.';
  return undefined;
}

const title = requiredText('A title', MAX_EVIDENCE_TITLE);

export const IndicatorEvidenceSchema = z.strictObject({
  id: EvidenceIdSchema,
  framework: FrameworkIdSchema,
  indicator: IndicatorSchema,
  title,
  ref: AttachmentRefSchema,
  /** The file's own name, for the copy saved; a file name may name someone, so it stays out of the audit trail. */
  name: z.string().min(1).max(200),
  type: z.enum(EVIDENCE_TYPES),
  size: z.number().int().min(1).max(MAX_ATTACHMENT_BYTES),
  addedOn: dateField('Added on'),
  addedBy: StaffIdSchema,
});
export type IndicatorEvidence = z.infer<typeof IndicatorEvidenceSchema>;

export const IndicatorEvidenceRowSchema = IndicatorEvidenceSchema.omit({ framework: true, ref: true }).extend({ addedByName: z.string() });
export type IndicatorEvidenceRow = z.infer<typeof IndicatorEvidenceRowSchema>;

/** A token for the file chosen in the form (chooseIndicatorEvidence); the bytes stay in the main process. */
export const ChosenTokenSchema = z.string({ error: 'Choose a file' }).regex(/^[0-9a-f]{32}$/, { error: 'Choose the file again' });

export const ChosenEvidenceFileSchema = z.strictObject({
  picked: z.boolean(),
  token: ChosenTokenSchema.optional(),
  name: z.string().max(255).optional(),
  bytes: z.number().int().min(0).optional(),
});
export type ChosenEvidenceFile = z.infer<typeof ChosenEvidenceFileSchema>;

export const AttachIndicatorEvidenceInputSchema = strictForm({ framework: FrameworkIdSchema, indicator: IndicatorSchema, title, chosen: ChosenTokenSchema }, 'the file to attach');
export type AttachIndicatorEvidenceInput = z.infer<typeof AttachIndicatorEvidenceInputSchema>;

/** One attached file, asked for by its id. */
export const IndicatorEvidenceRequestSchema = strictForm({ evidenceId: EvidenceIdSchema }, 'the attached file');
export type IndicatorEvidenceRequest = z.infer<typeof IndicatorEvidenceRequestSchema>;

/** Titles by indicator number, in the order they were attached: what the pack prints. */
export function evidenceTitles(list: readonly Pick<IndicatorEvidence, 'framework' | 'indicator' | 'title'>[], framework: string): Record<string, string[]> {
  const out: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  for (const e of list) if (e.framework === framework) (out[e.indicator] ??= []).push(e.title);
  return out;
}
