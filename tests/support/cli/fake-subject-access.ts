import { requireCapability } from '../../../src-main/domain/access/capabilities';
import type { User } from '../../../src-main/domain/casebook/user';
import { nextSubjectAccessNumber, subjectAccessRow, subjectAccessRows } from '../../../src-main/domain/data-protection/subject-access/register';
import type { SubjectAccessRequest } from '../../../src-main/domain/data-protection/subject-access/request';
import type { CasebookService } from '../../../src-main/services/casebook/api';
import { holidays } from '../case-fixtures';

/**
 * The subject access register of the fake service, for `sar new` and `sar list`: the real
 * domain rules over a list in memory. Today is 1 March 2026 here, as elsewhere in the fake.
 */
export function fakeSubjectAccess(need: () => { s: { subjectAccess?: SubjectAccessRequest[]; audit: string[] }; user: User }): Pick<CasebookService['dataProtection'], 'recordSubjectAccessRequest' | 'listSubjectAccessRequests'> {
  return {
    async recordSubjectAccessRequest(i) {
      const { s, user } = need();
      requireCapability(user.role, 'manage-subject-access');
      const requests = (s.subjectAccess ??= []);
      const r: SubjectAccessRequest = { id: `sar_fake${String(requests.length).padStart(8, '0')}`, number: nextSubjectAccessNumber({ requests }, i.receivedOn), ...i };
      requests.push(r);
      s.audit.push('sar.record');
      return subjectAccessRow(r, '2026-03-01', holidays, () => undefined);
    },
    async listSubjectAccessRequests(i) {
      const { s, user } = need();
      requireCapability(user.role, 'manage-subject-access');
      const at = i.at ?? '2026-03-01';
      return { at, requests: subjectAccessRows({ requests: s.subjectAccess ?? [] }, at, holidays, () => undefined) };
    },
  };
}
