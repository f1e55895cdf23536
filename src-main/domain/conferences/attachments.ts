import { z } from 'zod';
import { CaseIdSchema } from '../cases/stages';
import { AttachmentRefSchema } from './ids';
import { IndirectLogEntrySchema } from './process-type';

/** The largest file that can be attached to an indirect-process log entry (a scanned letter, a recording). */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

/** A log entry to add with a file the user chooses (the file itself comes from the open dialog, never the caller). */
export const LogWithAttachmentSchema = z.strictObject({
  caseId: CaseIdSchema,
  revision: z.number().int().min(1),
  entry: IndirectLogEntrySchema,
});
export type LogWithAttachment = z.infer<typeof LogWithAttachmentSchema>;

/** An attachment asked for by the case whose log names it (never by its reference alone). */
export const AttachmentRequestSchema = z.strictObject({ caseId: CaseIdSchema, attachment: AttachmentRefSchema });
export type AttachmentRequest = z.infer<typeof AttachmentRequestSchema>;
