import { requireCapability } from '../../domain/access/capabilities';
import type { Role } from '../../domain/access/roles';
import { isActive, type User } from '../../domain/casebook/user';
import { CasebookError } from '../../domain/shared/errors';
import type { Store } from '../../store/store';
import type { StoreHolder } from './holder';

/**
 * Managing the people who can unlock (issue 13): change a login's role, deactivate it (someone
 * leaves, or their passphrase may be known to others), reactivate it with a new passphrase, or
 * make them choose a new passphrase at their next unlock. Administrators only; the casebook
 * always keeps at least one active administrator.
 *
 * Deactivating replaces what used to be "remove": the wrap of the key goes and the data key
 * changes (rotate-key.ts; the keyring's generation moves on, so an older keyring.json put back
 * does not open it either), but the login stays listed, marked deactivated, so the names on records and in the trail still say
 * who someone was, and the same person can be let back in without a second login for them.
 */
const NO_SUCH_PERSON = 'There is no such person among those who can unlock this casebook.';

function target(s: Store, userId: string): User {
  requireCapability(s.user.role, 'manage-users');
  const person = s.index.users.find((u) => u.id === userId);
  if (!person) throw new CasebookError('NOT_FOUND', NO_SUCH_PERSON);
  return person;
}

/** Refuses a change that would leave no active administrator. */
function keepAnAdministrator(s: Store, person: User, what: string): void {
  if (person.role !== 'administrator' || !isActive(person)) return;
  const others = s.index.users.filter((u) => u.id !== person.id && u.role === 'administrator' && isActive(u));
  if (others.length === 0) throw new CasebookError('CONFLICT', `${person.name} is the only administrator, so they cannot be ${what}: make someone else an administrator first.`);
}

/** Who may be deactivated: someone else, still active, not the last administrator (the key change is rotate-key.ts). */
export function checkDeactivation(s: Store, userId: string): User {
  const person = target(s, userId);
  if (person.id === s.user.id) throw new CasebookError('CONFLICT', 'You cannot deactivate yourself: ask another administrator to do it.');
  if (!isActive(person)) throw new CasebookError('CONFLICT', `${person.name} is already deactivated.`);
  keepAnAdministrator(s, person, 'deactivated');
  return person;
}

const withUser = (s: Store, next: User) => ({ ...s.index, users: s.index.users.map((u) => (u.id === next.id ? next : u)) });

export function loginUseCases(h: StoreHolder) {
  return {
    async changeUserRole(userId: string, role: Role): Promise<User> {
      const s = h.need();
      const person = target(s, userId);
      if (person.role === role) return person;
      if (role !== 'administrator') keepAnAdministrator(s, person, 'given another role');
      const next: User = { ...person, role };
      await s.updateIndex(withUser(s, next), [s.draft('user.role', { type: 'user', id: userId }, [`role:${person.role}>${role}`])]);
      return next;
    },

    /** A new passphrase from the administrator, which the person must change at their first unlock. */
    async reactivateUser(userId: string, passphrase: string): Promise<User> {
      const s = h.need();
      const person = target(s, userId);
      if (isActive(person)) throw new CasebookError('CONFLICT', `${person.name} can already unlock the casebook.`);
      const { deactivatedAt: _back, ...rest } = person;
      const next: User = { ...rest, mustChangePassphrase: true };
      await s.setUserWrap(userId, passphrase, 'user.reactivate', { name: person.name, index: withUser(s, next), fields: ['passphrase', 'mustChangePassphrase'] });
      return next;
    },

    async requirePassphraseChange(userId: string): Promise<User> {
      const s = h.need();
      const person = target(s, userId);
      if (!isActive(person)) throw new CasebookError('CONFLICT', `${person.name} is deactivated: reactivate them with a new passphrase instead.`);
      if (person.id === s.user.id) throw new CasebookError('CONFLICT', 'Change your own passphrase yourself, under “Your passphrase”.');
      if (person.mustChangePassphrase) return person;
      const next: User = { ...person, mustChangePassphrase: true };
      await s.updateIndex(withUser(s, next), [s.draft('user.passphrase-required', { type: 'user', id: userId }, ['mustChangePassphrase'])]);
      return next;
    },
  };
}
