import { requireCapability } from '../../domain/access/capabilities';
import type { Role } from '../../domain/access/roles';
import { CaseworkSettingsSchema, type CaseworkSettings } from '../../domain/casebook/casework-settings';
import { SettingsSchema, type SettingsPatch } from '../../domain/casebook/settings';
import type { User } from '../../domain/casebook/user';
import { CasebookError } from '../../domain/shared/errors';
import { newId } from '../../store/ids';
import { changedKeys } from '../staff/staff';
import { fold } from '../../domain/shared/fold';
import { STAFF_ROLE_FOR_LOGIN, staffToLink } from '../../domain/staff/people';
import type { StaffMember } from '../../domain/staff/staff';
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
      // The logo is set and removed by its own commands (service-logo.ts), which store the picture with it.
      const { logo: _logo, ...fields } = patch as SettingsPatch & { logo?: unknown };
      const parsed = SettingsSchema.safeParse({ ...s.index.settings, ...given(fields) });
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
    /**
     * A new person who can unlock the casebook, linked to their staff record: the one chosen
     * (staffId), or the member of staff with the same name, or a new record made for them.
     */
    async addUser(i: { name: string; role: Role; passphrase: string; staffId?: string | undefined }): Promise<User> {
      const s = h.need();
      requireCapability(s.user.role, 'manage-users');
      if (s.index.users.some((u) => u.name.toLocaleLowerCase('en-GB') === i.name.toLocaleLowerCase('en-GB'))) {
        throw new CasebookError('CONFLICT', `There is already a user called ${i.name}; use a different name`);
      }
      const taken = new Set(s.index.users.map((u) => u.staffId).filter((id): id is string => id !== undefined));
      let member: StaffMember | undefined;
      if (i.staffId !== undefined) {
        member = s.index.staff.find((m) => m.id === i.staffId);
        if (!member) throw new CasebookError('NOT_FOUND', 'There is no member of staff with that id; choose one from the staff list, or leave it out to add them to it.');
        if (taken.has(member.id)) throw new CasebookError('CONFLICT', `${member.name} can already unlock the casebook.`, { issues: [{ path: 'staffId', message: `${member.name} can already unlock the casebook` }] });
        if (fold(member.name) !== fold(i.name)) throw new CasebookError('INVALID_INPUT', `The name must be the staff member's name, ${member.name}.`, { issues: [{ path: 'name', message: `Use the staff member's name, ${member.name}` }] });
      } else {
        member = staffToLink(i.name, s.index.staff, taken);
      }
      const added = member ? undefined : { id: newId('s'), name: i.name, role: STAFF_ROLE_FOR_LOGIN[i.role], active: true };
      const user: User = { id: newId('u'), name: i.name, role: i.role, createdAt: s.opts.now().toISOString(), staffId: (member ?? added)!.id };
      const index = { ...s.index, users: [...s.index.users, user], staff: added ? [...s.index.staff, added] : s.index.staff };
      await s.setUserWrap(user.id, i.passphrase, 'user.add', { name: user.name, index });
      return user;
    },
  };
}
