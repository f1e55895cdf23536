import { useRef, useState } from 'react';
import type { Venue } from '../../../../src-main/domain/conferences/venue';
import { can } from '../../../../src-main/domain/access/capabilities';
import { Banner } from '../../shared/components/Banner';
import { useCasework } from '../../cases/casework-state';
import { useSession } from '../../app/session';
import { VenueForm } from './VenueForm';
import './venues.scss';

const yesNo = (b: boolean | undefined) => (b === undefined ? 'not known' : b ? 'yes' : 'no');

function Accessibility({ venue }: { venue: Venue }) {
  return (
    <ul className="govuk-list cb-venue-access">
      <li>Step-free access: {yesNo(venue.stepFreeAccess)}</li>
      <li>Separate waiting areas: {yesNo(venue.separateWaitingAreas)}</li>
      {venue.accessibilityNotes && <li className="cb-pre-line">{venue.accessibilityNotes}</li>}
    </ul>
  );
}

/**
 * The rooms meetings are booked in, with what matters for a restorative meeting: step-free
 * access and separate waiting areas, so the parties need not meet before they are ready.
 * Coordinators and administrators add and change them; a venue no longer used is marked so,
 * never deleted, because past meetings name it.
 */
export function VenuesSection() {
  const session = useSession((s) => s.session);
  const venues = useCasework((s) => s.reference?.venues);
  const [editing, setEditing] = useState<Venue | 'new' | undefined>();
  const [saved, setSaved] = useState<string>();
  const returnTo = useRef<string | undefined>(undefined);
  if (!session || !venues) return null;
  const canEdit = !session.readOnly && can(session.user.role, 'manage-venues');

  const edit = (v: Venue | 'new', from: string) => {
    returnTo.current = from;
    setSaved(undefined);
    setEditing(v);
  };
  const close = (focusId?: string) => {
    setEditing(undefined);
    const id = focusId ?? returnTo.current;
    if (id) setTimeout(() => document.getElementById(id)?.focus(), 0);
  };

  return (
    <section aria-labelledby="venues-title" className="govuk-!-margin-top-9" data-testid="venues">
      <h2 className="govuk-heading-m" id="venues-title">
        Venues
      </h2>
      <p className="govuk-body">The rooms where meetings and conferences are held. Bookings are checked for clashes room by room.</p>
      {saved && (
        <Banner title="Success" success>
          <p className="govuk-notification-banner__heading">{saved}</p>
        </Banner>
      )}
      {venues.length === 0 ? (
        <p className="govuk-body">No venues have been added yet.{canEdit ? ' Add one before booking a meeting in person.' : ' A coordinator or administrator can add them.'}</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Venues</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              {['Name', 'Address', 'Accessibility', 'Status'].map((h) => (
                <th scope="col" className="govuk-table__header" key={h}>
                  {h}
                </th>
              ))}
              {canEdit && (
                <th scope="col" className="govuk-table__header">
                  <span className="govuk-visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {venues.map((v) => (
              <tr className="govuk-table__row" key={v.id}>
                <td className="govuk-table__cell">{v.name}</td>
                <td className="govuk-table__cell cb-pre-line">{v.address || 'No address'}</td>
                <td className="govuk-table__cell">
                  <Accessibility venue={v} />
                </td>
                <td className="govuk-table__cell">{v.active ? 'In use' : <strong className="govuk-tag govuk-tag--grey">No longer used</strong>}</td>
                {canEdit && (
                  <td className="govuk-table__cell">
                    <button type="button" id={`change-${v.id}`} className="cb-link-button" onClick={() => edit(v, `change-${v.id}`)}>
                      Change<span className="govuk-visually-hidden"> {v.name}</span>
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canEdit && editing && (
        <VenueForm
          key={editing === 'new' ? 'new' : editing.id}
          venue={editing === 'new' ? undefined : editing}
          onSaved={(name, isNew) => {
            setSaved(isNew ? `${name} added to the venues` : `${name} saved`);
            close(isNew ? 'add-venue' : undefined);
          }}
          onCancel={() => close()}
        />
      )}
      {canEdit && !editing && (
        <button type="button" id="add-venue" className="govuk-button govuk-button--secondary" onClick={() => edit('new', 'add-venue')}>
          Add a venue
        </button>
      )}
    </section>
  );
}
