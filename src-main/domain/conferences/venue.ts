import { z } from 'zod';
import { strictForm } from '../shared/strict-form';
import { requiredText, text } from '../shared/text';
import { VenueIdSchema } from './ids';

/**
 * Venues from the service's settings. A venue is one bookable space (list "Room 1" and
 * "Room 2" at a centre separately), because conflicts are judged per venue. Accessibility
 * notes matter for RJ: separate waiting areas keep the parties apart before a conference.
 */
export const VenueSchema = strictForm(
  {
    id: VenueIdSchema,
    name: requiredText('Venue name', 120),
    address: text('Address', 500),
    accessibilityNotes: text('Accessibility notes', 2_000).optional(),
    separateWaitingAreas: z.boolean({ error: 'Say whether the venue has separate waiting areas (true or false)' }).optional(),
    stepFreeAccess: z.boolean({ error: 'Say whether the venue has step-free access (true or false)' }).optional(),
    /** Venues no longer used stay on the list, because past meetings name them. */
    active: z.boolean({ error: 'Say whether the venue is still in use (true or false)' }),
  },
  'the venue',
);
export type Venue = z.infer<typeof VenueSchema>;

export const VenueListSchema = z
  .array(VenueSchema, { error: 'The venue list must be a list' })
  .max(500, { error: 'At most 500 venues' })
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((v, i) => {
      if (seen.has(v.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `The venue id ${v.id} is used twice` });
      seen.add(v.id);
    });
  });

export function findVenue(venues: readonly Venue[], id: string | undefined): Venue | undefined {
  return id === undefined ? undefined : venues.find((v) => v.id === id);
}

/** A venue as a form sends it: without an id when it is new. */
export const VenueInputSchema = VenueSchema.partial({ id: true });
export type VenueInput = z.infer<typeof VenueInputSchema>;
