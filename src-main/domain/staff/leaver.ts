import { z } from 'zod';
import { strictForm } from '../shared/strict-form';
import { dateField } from '../time/dates';
import { StaffIdSchema } from './ids';
import { StaffRecordSchema } from './record';

/**
 * Marking someone as left: the day they left and, optionally, who takes on the open cases
 * they lead or co-facilitate. Their record stays (old cases and past years' evidence name
 * them); they are no longer active, so they cannot be given new work.
 */
export const MarkLeaverInputSchema = strictForm(
  {
    staffId: StaffIdSchema,
    leftOn: dateField('Left on'),
    /** Who takes over their open cases, in the same save; left out, the cases keep them until someone reassigns them. */
    reassignTo: StaffIdSchema.optional(),
  },
  'the leaver',
);
export type MarkLeaverInput = z.infer<typeof MarkLeaverInputSchema>;

export const MarkLeaverResultSchema = z.strictObject({
  /** How many open cases moved to the person named by reassignTo (0 when none was named). */
  moved: z.number().int().min(0),
  record: StaffRecordSchema,
});
export type MarkLeaverResult = z.infer<typeof MarkLeaverResultSchema>;
