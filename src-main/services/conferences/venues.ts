import { CasebookError } from '../../domain/shared/errors';
import { fold } from '../../domain/shared/fold';
import { VenueListSchema, type Venue, type VenueInput } from '../../domain/conferences/venue';
import type { Casework } from '../cases/context';
import { fromZod } from '../shared/errors';
import { newId as randomId } from '../../store/ids';
import { requireCapability } from '../../domain/access/capabilities';

/**
 * Add a venue or change one. Venues are never deleted (past meetings name them): a venue no
 * longer used is marked inactive, and new meetings cannot be booked there.
 */
export async function saveVenue(cw: Casework, input: VenueInput): Promise<Venue[]> {
  const s = cw.s;
  requireCapability(s.user.role, 'manage-venues');
  const venues = s.index.venues;
  const before = input.id === undefined ? undefined : venues.find((v) => v.id === input.id);
  if (input.id !== undefined && !before) throw new CasebookError('NOT_FOUND', 'There is no venue with that id; leave the id out to add a new one.');
  let id = input.id ?? randomId('v');
  while (!before && venues.some((v) => v.id === id)) id = randomId('v');
  const venue: Venue = { ...input, id };
  if (venues.some((v) => v.id !== id && fold(v.name) === fold(venue.name))) {
    throw new CasebookError('CONFLICT', 'There is already a venue with that name: change that one, or name the room ("Room 2").', {
      issues: [{ path: 'name', message: 'There is already a venue with that name' }],
    });
  }
  const list = VenueListSchema.safeParse(before ? venues.map((v) => (v.id === id ? venue : v)) : [...venues, venue]);
  if (!list.success) throw fromZod(list.error, ['venues']);
  const fields = (Object.keys(venue) as (keyof Venue)[]).filter((k) => k !== 'id' && JSON.stringify(before?.[k]) !== JSON.stringify(venue[k]));
  if (before && fields.length === 0) return venues;
  await s.updateIndex({ ...s.index, venues: list.data }, [s.draft(before ? 'venue.update' : 'venue.add', { type: 'venue', id }, fields)]);
  return s.index.venues;
}
