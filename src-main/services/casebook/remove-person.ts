import { requireCapability } from '../../domain/access/capabilities';
import type { User } from '../../domain/casebook/user';
import { CasebookError } from '../../domain/shared/errors';
import type { StoreHolder } from './holder';

/**
 * Someone leaves the service, or their passphrase may be known to others: an administrator
 * takes them off the people who can unlock. Their staff record stays (their name is on cases
 * and signatures); their login and their wrap of the key go, in one recorded commit.
 */
export function removePersonUseCases(h: StoreHolder) {
  return {
    async removeUser(userId: string): Promise<User[]> {
      const s = h.need();
      requireCapability(s.user.role, 'manage-users');
      const person = s.index.users.find((u) => u.id === userId);
      if (!person) throw new CasebookError('NOT_FOUND', 'There is no such person among those who can unlock this casebook.');
      if (person.id === s.user.id) throw new CasebookError('CONFLICT', 'You cannot remove yourself: ask another administrator to do it.');
      const admins = s.index.users.filter((u) => u.role === 'administrator');
      if (person.role === 'administrator' && admins.length <= 1) {
        throw new CasebookError('CONFLICT', `${person.name} is the only administrator: add another administrator first.`);
      }
      const index = { ...s.index, users: s.index.users.filter((u) => u.id !== userId) };
      await s.removeUserWrap(userId, index, [s.draft('user.remove', { type: 'user', id: userId }, ['passphrase'])]);
      return index.users;
    },
  };
}
