import { z } from 'zod';
import { CaseIdSchema } from '../../domain/cases/stages';
import { CasebookError } from '../../domain/shared/errors';
import { IndirectLogEntrySchema } from '../../domain/conferences/process-type';
import { AttachmentRefSchema } from '../../domain/conferences/ids';
import { prepareAttachment, readAttachment, MAX_ATTACHMENT_BYTES } from '../../store/attachments';
import { applyCaseCommand } from '../cases/commands';
import type { Casework } from '../cases/context';
import { fromZod } from '../shared/errors';
import { CASEWORKERS, requireRole } from '../shared/permissions';
import type { CaseView } from '../../domain/cases/case-view';

/** Where an attachment comes from: the system's open dialog in the app, a queue in tests. */
export interface FilePicker {
  /** The chosen file, or undefined when the user cancels. Files over `maxBytes` are refused before reading. */
  pick(maxBytes: number): Promise<{ name: string; bytes: Uint8Array } | undefined>;
}

export const LogWithAttachmentSchema = z.strictObject({
  caseId: CaseIdSchema,
  revision: z.number().int().min(1),
  entry: IndirectLogEntrySchema,
});

export const AttachmentRequestSchema = z.strictObject({ caseId: CaseIdSchema, attachment: AttachmentRefSchema });

/**
 * A log entry with a file: the file is checked, encrypted and written in the same commit as
 * the entry that names it, so there is never an entry without its file or a file nobody names.
 */
export async function logWithAttachment(cw: Casework, input: z.infer<typeof LogWithAttachmentSchema>, file: { name: string; bytes: Uint8Array }): Promise<CaseView> {
  requireRole(cw.s, CASEWORKERS, 'change cases');
  const { ref, write } = prepareAttachment(cw.s, { name: file.name, type: '', bytes: file.bytes });
  const { attachment: _ignored, ...entry } = input.entry;
  return applyCaseCommand(cw, { caseId: input.caseId, revision: input.revision, command: { type: 'log-indirect', entry: { ...entry, attachment: ref } } }, [write]);
}

export function parseLogWithAttachment(input: unknown): z.infer<typeof LogWithAttachmentSchema> {
  const parsed = LogWithAttachmentSchema.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  return parsed.data;
}

/** An attachment named by one of the case's log entries (never any file by its ref alone). */
export async function attachmentOfCase(cw: Casework, input: unknown): Promise<{ name: string; bytes: Uint8Array }> {
  const parsed = AttachmentRequestSchema.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  const c = await cw.s.readCase(parsed.data.caseId);
  if (!(c.indirectLog ?? []).some((e) => e.attachment === parsed.data.attachment)) throw new CasebookError('NOT_FOUND', 'That attachment is not in this case’s log');
  const a = await readAttachment(cw.s, parsed.data.attachment);
  return { name: a.name, bytes: a.bytes };
}

export { MAX_ATTACHMENT_BYTES };
