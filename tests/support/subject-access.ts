import type { SubjectAccessRequest } from '../../src-main/domain/data-protection/subject-access/request';
import type { CasebookService } from '../../src-main/services/casebook/api';

/**
 * A subject access request logged and its cases ticked through the register's own commands, as
 * a coordinator does on screen, for the bundle's tests and bench. The service must be unlocked
 * as someone who may keep the register (an administrator or coordinator).
 */
export interface Seeder {
  service: CasebookService;
}

export async function putRequest(o: Seeder, r: Pick<SubjectAccessRequest, 'receivedOn' | 'name'> & Partial<Pick<SubjectAccessRequest, 'dateOfBirth' | 'caseIds'>>): Promise<string> {
  const row = await o.service.dataProtection.recordSubjectAccessRequest({ receivedOn: r.receivedOn, name: r.name, ...(r.dateOfBirth ? { dateOfBirth: r.dateOfBirth } : {}) });
  if (r.caseIds?.length) await o.service.dataProtection.updateSubjectAccessRequest({ id: row.id, caseIds: r.caseIds });
  return row.id;
}

/** The request as the register holds it now. */
export async function readRequest(o: Seeder, id: string): Promise<SubjectAccessRequest | undefined> {
  return (await o.service.dataProtection.getSubjectAccessRequest({ id })).request;
}
