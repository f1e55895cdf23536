import { requireCapability } from '../../domain/access/capabilities';
import type { AttachmentRequest, LogWithAttachment } from '../../domain/conferences/attachments';
import { CasebookError } from '../../domain/shared/errors';
import { prepareAttachment, readAttachment } from '../../store/attachments';
import { applyCaseCommand } from '../cases/commands';
import { openCase } from '../cases/case-access';
import type { Casework } from '../cases/context';
import type { CaseView } from '../../domain/cases/case-view';

/**
 * A log entry with a file: the file is checked, encrypted and written in the same commit as
 * the entry that names it, so there is never an entry without its file or a file nobody names.
 */
export async function logWithAttachment(cw: Casework, input: LogWithAttachment, file: { name: string; bytes: Uint8Array }): Promise<CaseView> {
  requireCapability(cw.s.user.role, 'attach-files');
  const { ref, write } = prepareAttachment(cw.s, { name: file.name, type: '', bytes: file.bytes });
  const { attachment: _ignored, ...entry } = input.entry;
  return applyCaseCommand(cw, { caseId: input.caseId, revision: input.revision, command: { type: 'log-indirect', entry: { ...entry, attachment: ref } } }, [write]);
}

/** An attachment named by one of the case's log entries (never any file by its ref alone). */
export async function attachmentOfCase(cw: Casework, input: AttachmentRequest): Promise<{ name: string; bytes: Uint8Array }> {
  const c = await openCase(cw.s, input.caseId);
  if (!(c.indirectLog ?? []).some((e) => e.attachment === input.attachment)) throw new CasebookError('NOT_FOUND', 'That attachment is not in this case’s log');
  const a = await readAttachment(cw.s, input.attachment);
  return { name: a.name, bytes: a.bytes };
}

