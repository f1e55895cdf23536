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
  /** The file chosen in the form beforehand (chooseAttachment); without it the open dialog is shown now. */
  chosen: z.string().regex(/^[0-9a-f]{32}$/, { error: 'Choose the file again' }).optional(),
});
export type LogWithAttachment = z.infer<typeof LogWithAttachmentSchema>;

/** An attachment asked for by the case whose log names it (never by its reference alone). */
export const AttachmentRequestSchema = z.strictObject({ caseId: CaseIdSchema, attachment: AttachmentRefSchema });
export type AttachmentRequest = z.infer<typeof AttachmentRequestSchema>;

/**
 * A file chosen in the form before saving (issue 14): the main process opens the dialog and
 * keeps the file, and the form gets a token with the name and size to show. The bytes never
 * pass through the screen, and the file is kept only for the session that chose it.
 */
export const ChosenAttachmentSchema = z.strictObject({
  picked: z.boolean(),
  token: z.string().regex(/^[0-9a-f]{32}$/).optional(),
  name: z.string().max(255).optional(),
  bytes: z.number().int().min(0).optional(),
});
export type ChosenAttachment = z.infer<typeof ChosenAttachmentSchema>;
