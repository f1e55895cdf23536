import { requireCapability } from '../../domain/access/capabilities';
import type { Role } from '../../domain/access/roles';
import { CaseworkSettingsSchema, type CaseworkSettings } from '../../domain/casebook/casework-settings';
import { SettingsSchema, type SettingsPatch } from '../../domain/casebook/settings';
import type { User } from '../../domain/casebook/user';
import { CasebookError } from '../../domain/shared/errors';
import { newId } from '../../store/ids';
import { changedKeys } from '../staff/staff';
import type { StoreHolder } from './holder';

/** A key sent with the value undefined means "not changed", not "remove". */
const given = <T extends object>(patch: T): Partial<T> => Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;

/** The service's settings, the casework settings, and the people who can unlock the casebook. */
export function settingsUseCases(h: StoreHolder) {
  return {
    settings: () => h.need().index.settings,
    async updateSettings(patch: SettingsPatch) {
      const s = h.need();
      requireCapability(s.user.role, 'change-settings');
      const parsed = SettingsSchema.safeParse({ ...s.index.settings, ...given(patch) });
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
        throw new CasebookError('INVALID_INPUT', issues.map((i) => `${i.path}: ${i.message}`).join('; '), { issues });
      }
      const next = parsed.data;
      const changed = changedKeys(s.index.settings, next);
      if (changed.length === 0) return s.index.settings;
      await s.updateIndex({ ...s.index, settings: next }, [s.draft('settings.update', { type: 'settings', id: 'service' }, changed)]);
      return next;
    },
    async updateCaseworkSettings(patch: Partial<CaseworkSettings>): Promise<CaseworkSettings> {
      const s = h.need();
      requireCapability(s.user.role, 'change-casework-settings');
      const current = s.index.casework;
      const next = CaseworkSettingsSchema.parse({ ...current, ...given(patch) });
      const fields = changedKeys(current, next);
      if (fields.length === 0) return current;
      await s.updateIndex({ ...s.index, casework: next }, [s.draft('casework-settings.update', { type: 'settings', id: 'casework' }, fields)]);
      return next;
    },
    users: () => h.need().index.users,
    async addUser(i: { name: string; role: Role; passphrase: string }): Promise<User> {
      const s = h.need();
      requireCapability(s.user.role, 'manage-users');
      if (s.index.users.some((u) => u.name.toLocaleLowerCase('en-GB') === i.name.toLocaleLowerCase('en-GB'))) {
        throw new CasebookError('CONFLICT', `There is already a user called ${i.name}; use a different name`);
      }
      const user: User = { id: newId('u'), name: i.name, role: i.role, createdAt: s.opts.now().toISOString() };
      await s.setUserWrap(user.id, i.passphrase, 'user.add', { name: user.name, index: { ...s.index, users: [...s.index.users, user] } });
      return user;
    },
  };
}
