import { useCallback, useEffect, useState } from 'react';
import type { User } from '../../../src-main/domain/casebook/user';
import { ROLE_LABELS } from '../../../src-main/domain/access/roles';
import { PRACTITIONER_LEVEL_LABELS, STAFF_ROLE_LABELS } from '../../../src-main/domain/staff/staff';
import { useCasework } from '../cases/casework-state';
import { call } from '../shared/api/client';
import { Banner } from '../shared/components/Banner';
import { DateTime } from '../shared/components/DateTime';
import { useSession } from '../app/session';
import { AddUserForm } from './AddUserForm';
import { PersonActionPanel, type PersonAction } from './PersonActions';

function canUnlock(u: User): string {
  if (u.deactivatedAt) return 'No: deactivated';
  return u.mustChangePassphrase ? 'Yes, once they choose a new passphrase' : 'Yes';
}

/** What an administrator may do to each person: nothing that locks themselves out. */
function actionsFor(u: User, me: string | undefined): [PersonAction, string][] {
  if (u.deactivatedAt) return [['reactivate', 'Reactivate']];
  if (u.id === me) return [['role', 'Change role']];
  return [
    ['role', 'Change role'],
    ['passphrase', 'Ask for a new passphrase'],
    ['deactivate', 'Deactivate'],
  ];
}

/**
 * The people who can unlock this casebook, each with their own passphrase and role, and the
 * staff record each of them is (one list of people). Administrators add people here; each
 * person then changes their passphrase themselves.
 */
export function UsersSection() {
  const [users, setUsers] = useState<User[]>([]);
  const [loadError, setLoadError] = useState<string>();
  const [acting, setActing] = useState<{ action: PersonAction; person: User }>();
  const [doneMessage, setDoneMessage] = useState<string>();
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
      {doneMessage && (
        <Banner title="Success" success messageKey={doneMessage}>
          <p className="govuk-notification-banner__heading">{doneMessage}</p>
        </Banner>
      )}
      <table className="govuk-table">
        <caption className="govuk-visually-hidden">People who can unlock this casebook</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Name</th>
            <th scope="col" className="govuk-table__header">Role</th>
            <th scope="col" className="govuk-table__header">On the staff list as</th>
            <th scope="col" className="govuk-table__header">Added</th>
            <th scope="col" className="govuk-table__header">Can unlock</th>
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
              <td className="govuk-table__cell">{canUnlock(u)}</td>
              <td className="govuk-table__cell">
                <ul className="govuk-list govuk-!-margin-bottom-0">
                  {actionsFor(u, me).map(([action, label]) => (
                    <li key={action}>
                      <button type="button" className="cb-link-button" onClick={() => setActing({ action, person: u })}>
                        {label}
                        <span className="govuk-visually-hidden"> {u.name}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {acting && (
        <PersonActionPanel
          key={`${acting.action}-${acting.person.id}`}
          action={acting.action}
          person={acting.person}
          onDone={(changed, message) => {
            setActing(undefined);
            setDoneMessage(message);
            if (changed) void load();
          }}
        />
      )}
      <AddUserForm onAdded={load} users={users} />
    </section>
  );
}
