import { useRef, useState } from 'react';
import { PRACTITIONER_LEVEL_LABELS, STAFF_ROLE_LABELS, type StaffMember } from '../../../src-main/domain/staff/staff';
import { Banner } from '../shared/components/Banner';
import { useCasework } from '../cases/casework-state';
import { StaffForm } from './StaffForm';

/**
 * The staff list casework uses: who can lead or co-facilitate a case and at what
 * practitioner level, and who signs off risk assessments. Coordinators and administrators
 * add and change people; staff who leave are marked inactive, never deleted, because old
 * cases still name them.
 */
export function StaffSection({ canEdit }: { canEdit: boolean }) {
  const staff = useCasework((s) => s.reference?.staff) ?? [];
  const [editing, setEditing] = useState<StaffMember | 'new' | undefined>();
  const [saved, setSaved] = useState<string>();
  const returnTo = useRef<string | undefined>(undefined);

  const close = (focusId?: string) => {
    setEditing(undefined);
    const id = focusId ?? returnTo.current;
    if (id) setTimeout(() => document.getElementById(id)?.focus(), 0);
  };

  return (
    <section aria-labelledby="staff-title" className="govuk-!-margin-top-9" data-testid="staff">
      <h2 className="govuk-heading-m" id="staff-title">
        Staff
      </h2>
      <p className="govuk-body">The people who lead and co-facilitate cases. Sensitive cases need an Advanced practitioner as lead.</p>
      {saved && (
        <Banner title="Success" success>
          <p className="govuk-notification-banner__heading">{saved}</p>
        </Banner>
      )}
      {staff.length === 0 ? (
        <p className="govuk-body">No staff have been added yet.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Staff</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Name
              </th>
              <th scope="col" className="govuk-table__header">
                Role
              </th>
              <th scope="col" className="govuk-table__header">
                Practitioner level
              </th>
              <th scope="col" className="govuk-table__header">
                Status
              </th>
              {canEdit && (
                <th scope="col" className="govuk-table__header">
                  <span className="govuk-visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {staff.map((s) => (
              <tr className="govuk-table__row" key={s.id}>
                <td className="govuk-table__cell">{s.name}</td>
                <td className="govuk-table__cell">{STAFF_ROLE_LABELS[s.role]}</td>
                <td className="govuk-table__cell">{s.level ? PRACTITIONER_LEVEL_LABELS[s.level] : 'Not a practitioner'}</td>
                <td className="govuk-table__cell">{s.active ? 'Active' : <strong className="govuk-tag govuk-tag--grey">Left</strong>}</td>
                {canEdit && (
                  <td className="govuk-table__cell">
                    <button
                      type="button"
                      id={`change-${s.id}`}
                      className="cb-link-button"
                      onClick={() => {
                        returnTo.current = `change-${s.id}`;
                        setSaved(undefined);
                        setEditing(s);
                      }}
                    >
                      Change<span className="govuk-visually-hidden"> {s.name}</span>
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canEdit && editing && (
        <StaffForm
          key={editing === 'new' ? 'new' : editing.id}
          member={editing === 'new' ? undefined : editing}
          onSaved={(name, isNew) => {
            setSaved(isNew ? `${name} added to the staff list` : `${name} saved`);
            close(isNew ? 'add-staff' : undefined);
          }}
          onCancel={() => close()}
        />
      )}
      {canEdit && !editing && (
        <button
          type="button"
          id="add-staff"
          className="govuk-button govuk-button--secondary"
          onClick={() => {
            returnTo.current = 'add-staff';
            setSaved(undefined);
            setEditing('new');
          }}
        >
          Add a member of staff
        </button>
      )}
    </section>
  );
}
