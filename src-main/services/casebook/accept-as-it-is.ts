import { requireCapability } from '../../domain/access/capabilities';
import type { Session } from '../../domain/casebook/session';
import { CasebookError } from '../../domain/shared/errors';
import type { StoreHolder } from './holder';

/**
 * When the files no longer match the casebook's last save (a file rolled back or deleted by a
 * sync tool, a disk fault), the casebook opens read-only and says what does not match. The
 * administrator then either restores a backup or, having looked, accepts the files as they are:
 * the root is sealed afresh from them and the decision is recorded in the audit trail.
 */
export function acceptUseCases(h: StoreHolder) {
  return {
    async acceptAsItIs(): Promise<Session> {
      const s = h.need();
      requireCapability(s.user.role, 'accept-casebook-as-it-is');
      if (s.refuseWrites === undefined) throw new CasebookError('CONFLICT', 'This casebook matches its last save: there is nothing to accept.');
      await s.reseal('casebook.accept-as-it-is');
      return h.session(s);
    },
  };
}
