import type { Venue } from '../../../../src-main/domain/conferences/venue';
import { can } from '../../../../src-main/domain/access/capabilities';
import { ListEditor, type ListColumn, type ListKind } from '../../shared/components/ListEditor';
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

const COLUMNS: ListColumn<Venue>[] = [
  { header: 'Name', cell: (v) => v.name },
  { header: 'Address', cell: (v) => v.address || 'No address', className: 'cb-pre-line' },
  { header: 'Accessibility', cell: (v) => <Accessibility venue={v} /> },
  { header: 'Status', cell: (v) => (v.active ? 'In use' : <strong className="govuk-tag govuk-tag--grey">No longer used</strong>) },
];
const VENUES: ListKind<Venue> = { id: 'venues', title: 'Venues', add: { label: 'Add a venue', id: 'add-venue', to: 'the venues' }, columns: COLUMNS };

/**
 * The rooms meetings are booked in, with what matters for a restorative meeting: step-free
 * access and separate waiting areas, so the parties need not meet before they are ready.
 * Coordinators and administrators add and change them; a venue no longer used is marked so,
 * never deleted, because past meetings name it.
 */
export function VenuesSection() {
  const session = useSession((s) => s.session);
  const venues = useCasework((s) => s.reference?.venues);
  if (!session || !venues) return null;
  const canEdit = !session.readOnly && can(session.user.role, 'manage-venues');
  const empty = `No venues have been added yet.${canEdit ? ' Add one before booking a meeting in person.' : ' A coordinator or administrator can add them.'}`;
  return (
    <ListEditor list={VENUES} entries={venues} empty={empty} canEdit={canEdit} form={(venue, done) => <VenueForm venue={venue} done={done} />}>
      The rooms where meetings and conferences are held. Bookings are checked for clashes room by room.
    </ListEditor>
  );
}
