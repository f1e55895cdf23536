import { SUBJECT_ACCESS_REGISTER, SubjectAccessRegisterSchema, EMPTY_SUBJECT_ACCESS, type SubjectAccessRequest } from '../../src-main/domain/data-protection/subject-access/request';
import type { CasebookService } from '../../src-main/services/casebook/api';
import { unlockStore } from '../../src-main/store/open-store';
import type { Store } from '../../src-main/store/store';

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

/** Open the store behind the service (locked meanwhile), do `job`, and unlock the service again. */
async function behindService<T>(o: Seeder, job: (s: Store) => Promise<T>): Promise<T> {
  await o.service.lock('manual');
  const s = await unlockStore(o.dir, o.userId, o.passphrase, { kdf: 'minimum', ...(o.now ? { now: o.now } : {}) });
  try {
    return await job(s);
  } finally {
    await s.close();
    await o.service.unlock(o.userId, o.passphrase);
  }
}

const readRegister = (s: Store) => s.registers.read(SUBJECT_ACCESS_REGISTER, SubjectAccessRegisterSchema, EMPTY_SUBJECT_ACCESS);

export function putRequest(o: Seeder, r: Omit<SubjectAccessRequest, 'id'> & { id?: string }): Promise<string> {
  const id = r.id ?? `sar_${Math.random().toString(36).slice(2, 14).padEnd(12, '0')}`;
  return behindService(o, async (s) => {
    const next = SubjectAccessRegisterSchema.parse({ requests: [...(await readRegister(s)).requests, { ...r, id }] });
    await s.registers.save(SUBJECT_ACCESS_REGISTER, next, [s.draft('sar.record', { type: 'subject-access', id }, ['receivedOn', 'name'])]);
    return id;
  });
}

/** The request as the register holds it now. */
export function readRequest(o: Seeder, id: string): Promise<SubjectAccessRequest | undefined> {
  return behindService(o, async (s) => (await readRegister(s)).requests.find((r) => r.id === id));
}
