import { SUBJECT_ACCESS_REGISTER, SubjectAccessRegisterSchema, EMPTY_SUBJECT_ACCESS, type SubjectAccessRequest } from '../../src-main/domain/data-protection/subject-access/request';
import type { CasebookService } from '../../src-main/services/casebook/api';
import { unlockStore } from '../../src-main/store/open-store';

/**
 * A subject access request put straight into the register, for the bundle's tests and bench,
 * written before the register's own commands (built beside the bundle) exist here. Saved as
 * the given administrator the way the service saves a register, with an audit entry; the
 * service is left unlocked as that administrator.
 */
export interface Seeder {
  service: CasebookService;
  dir: string;
  userId: string;
  passphrase: string;
  now?: () => Date;
}

export async function putRequest(o: Seeder, r: Omit<SubjectAccessRequest, 'id'> & { id?: string }): Promise<string> {
  const id = r.id ?? `sar_${Math.random().toString(36).slice(2, 14).padEnd(12, '0')}`;
  await o.service.lock('manual');
  const s = await unlockStore(o.dir, o.userId, o.passphrase, { kdf: 'minimum', ...(o.now ? { now: o.now } : {}) });
  try {
    const register = await s.registers.read(SUBJECT_ACCESS_REGISTER, SubjectAccessRegisterSchema, EMPTY_SUBJECT_ACCESS);
    const next = SubjectAccessRegisterSchema.parse({ requests: [...register.requests, { ...r, id }] });
    await s.registers.save(SUBJECT_ACCESS_REGISTER, next, [s.draft('sar.record', { type: 'subject-access', id }, ['receivedOn', 'name'])]);
  } finally {
    await s.close();
  }
  await o.service.unlock(o.userId, o.passphrase);
  return id;
}
