import { EMPTY_SUBJECT_ACCESS, SUBJECT_ACCESS_REGISTER, SubjectAccessRegisterSchema, type SubjectAccessRegister, type SubjectAccessRequest } from '../../../domain/data-protection/subject-access/request';
import { CasebookError } from '../../../domain/shared/errors';
import type { Store } from '../../../store/store';

/** The subject access register (registers/subject-access.cbk), as the bundle reads and updates it. */
export function readSubjectAccess(s: Store): Promise<SubjectAccessRegister> {
  return s.registers.read(SUBJECT_ACCESS_REGISTER, SubjectAccessRegisterSchema, EMPTY_SUBJECT_ACCESS);
}

export async function requestOf(s: Store, id: string): Promise<SubjectAccessRequest> {
  const r = (await readSubjectAccess(s)).requests.find((x) => x.id === id);
  if (!r) throw new CasebookError('NOT_FOUND', 'There is no such subject access request: choose one from the register');
  return r;
}
