import { requireCapability } from '../../domain/access/capabilities';
import { CasebookError } from '../../domain/shared/errors';
import { staffOf } from '../../domain/staff/people';
import type { StaffRecord } from '../../domain/staff/record';
import { StaffRegisterRecordSchema, type TrainingEntry } from '../../domain/staff/register';
import { certificateTypeOf, type CertificateRequest, type RecordTrainingInput } from '../../domain/staff/training-commands';
import { formatDate } from '../../domain/time/dates';
import { attachmentType, prepareAttachment, readAttachment } from '../../store/attachments';
import type { FileWrite } from '../../store/journal';
import type { Casework } from '../cases/context';
import { fromZod, invalidInput } from '../shared/errors';
import { saveStaffRecord, staffRecordOf } from './register-file';

/**
 * Training on the register, with its certificate: the file is checked (a PDF, PNG or JPEG by
 * its name and by its content, within the attachment size limit), encrypted into the store's
 * attachments and written in the same commit as the entry that names it. Verify counts a
 * certificate the register names as named (services/casebook/verify-store.ts).
 */
function certificate(s: Casework['s'], file: { name: string; bytes: Uint8Array }): { ref: string; write: FileWrite } {
  const wrong = (why: string) => invalidInput([{ path: 'certificate', message: `${why}: a certificate must be a PDF, PNG or JPEG file` }]);
  let byName: string;
  try {
    byName = attachmentType('', file.name);
  } catch {
    throw wrong(`${file.name.slice(0, 80)} is not a kind of file that can be kept`);
  }
  const byContent = file.bytes instanceof Uint8Array ? certificateTypeOf(file.bytes) : undefined;
  if (!byContent) throw wrong(`${file.name.slice(0, 80)} is not a PDF or an image`);
  if (byContent !== byName) throw wrong(`${file.name.slice(0, 80)} is named as one kind of file but holds another`);
  return prepareAttachment(s, { name: file.name, type: byContent, bytes: file.bytes });
}

export async function recordTraining(cw: Casework, input: RecordTrainingInput, file?: { name: string; bytes: Uint8Array }): Promise<StaffRecord> {
  const s = cw.s;
  requireCapability(s.user.role, 'manage-register');
  const { staffId, withCertificate: _picked, ...fields } = input;
  const member = await staffRecordOf(s, staffId);
  if (fields.date > cw.today) throw invalidInput([{ path: 'date', message: `The date (${formatDate(fields.date)}) is in the future: record it on or after the day it happens.` }]);
  const attached = file ? certificate(s, file) : undefined;
  const entry: TrainingEntry = attached ? { ...fields, certificate: attached.ref } : fields;
  const training = [...(member.training ?? []), entry].sort((a, b) => a.date.localeCompare(b.date));
  const checked = StaffRegisterRecordSchema.safeParse({ training });
  if (!checked.success) throw fromZod(checked.error, []);
  const draft = s.draft('staff.training', { type: 'staff', id: member.id }, attached ? ['training', 'certificate'] : ['training']);
  return saveStaffRecord(s, { ...member, training }, [draft], attached ? [attached.write] : []);
}

/** A certificate named by the person's own training entries: your own, or anyone's for those who oversee the register. */
export async function certificateOf(cw: Casework, input: CertificateRequest): Promise<{ name: string; bytes: Uint8Array }> {
  const s = cw.s;
  if (staffOf(s.user, s.index.staff)?.id !== input.staffId) requireCapability(s.user.role, 'read-all-compliance');
  const member = await staffRecordOf(s, input.staffId);
  if (!(member.training ?? []).some((t) => t.certificate === input.certificate)) throw new CasebookError('NOT_FOUND', `That certificate is not on ${member.name}'s training record`);
  const a = await readAttachment(s, input.certificate);
  return { name: a.name, bytes: a.bytes };
}
