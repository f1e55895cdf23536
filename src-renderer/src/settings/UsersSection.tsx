import { useCallback, useEffect, useState } from 'react';
import type { User } from '../../../src-main/domain/casebook/user';
import { ROLE_LABELS } from '../../../src-main/domain/access/roles';
import { PRACTITIONER_LEVEL_LABELS, STAFF_ROLE_LABELS } from '../../../src-main/domain/staff/staff';
import { useCasework } from '../cases/casework-state';
import { call } from '../shared/api/client';
import { DateTime } from '../shared/components/DateTime';
import { useSession } from '../app/session';
import { AddUserForm } from './AddUserForm';
import { RemovePerson } from './RemovePerson';

/**
 * The people who can unlock this casebook, each with their own passphrase and role, and the
 * staff record each of them is (one list of people). Administrators add people here; each
 * person then changes their passphrase themselves.
 */
export function UsersSection() {
  const [users, setUsers] = useState<User[]>([]);
  const [loadError, setLoadError] = useState<string>();
  const [removing, setRemoving] = useState<User>();
  const me = useSession((s) => s.session?.user.id);
  const load = useCallback(async () => {
    try {
      setUsers(await call('listUsers'));
      setLoadError(undefined);
    } catch (e) {
      setLoadError(e instanceof Error ? e.message : 'The list of people could not be loaded');
    }
  }, []);
  const staff = useCasework((s) => s.reference?.staff);
  const loadReference = useCasework((s) => s.load);
  useEffect(() => {
    void load();
    void loadReference();
  }, [load, loadReference]);
  const staffRecord = (u: User) => {
    const m = staff?.find((x) => x.id === u.staffId);
    if (!m) return 'Not yet linked (linked when the casebook is next opened)';
    return `${STAFF_ROLE_LABELS[m.role]}${m.level ? `, ${PRACTITIONER_LEVEL_LABELS[m.level]}` : ''}${m.active ? '' : ' (left)'}`;
  };

  return (
    <section aria-labelledby="users-title" className="govuk-!-margin-top-9" role="region">
      <h2 className="govuk-heading-m" id="users-title">
        People who can unlock this casebook
      </h2>
      {loadError && <p className="govuk-error-message">{loadError}</p>}
      <table className="govuk-table">
        <caption className="govuk-visually-hidden">People who can unlock this casebook</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Name</th>
            <th scope="col" className="govuk-table__header">Role</th>
            <th scope="col" className="govuk-table__header">On the staff list as</th>
            <th scope="col" className="govuk-table__header">Added</th>
            <th scope="col" className="govuk-table__header">
              <span className="govuk-visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {users.map((u) => (
            <tr className="govuk-table__row" key={u.id}>
              <td className="govuk-table__cell">{u.name}</td>
              <td className="govuk-table__cell">{ROLE_LABELS[u.role]}</td>
              <td className="govuk-table__cell">{staffRecord(u)}</td>
              <td className="govuk-table__cell">
                <DateTime iso={u.createdAt} />
              </td>
              <td className="govuk-table__cell">
                {u.id !== me && (
                  <button type="button" className="cb-link-button" onClick={() => setRemoving(u)}>
                    Remove<span className="govuk-visually-hidden"> {u.name}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {removing && (
        <RemovePerson
          person={removing}
          onDone={(left) => {
            setRemoving(undefined);
            if (left) setUsers(left);
          }}
        />
      )}
      <AddUserForm onAdded={load} users={users} />
    </section>
  );
}
