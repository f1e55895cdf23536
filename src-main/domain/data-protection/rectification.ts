import { z } from 'zod';
import { PersonSchema } from '../cases/case';
import { strictForm } from '../shared/strict-form';
import { dateField } from '../time/dates';

/**
 * Rectification (UK GDPR Article 16): a person's details corrected once and applied to the cases
 * the user ticks, each through the case's own "details updated" change, so every case's timeline
 * and the audit trail say what changed. The person is found in each case as the person search
 * found them (name and date of birth, person-in-case.ts). Only the details that identify or
 * reach someone are corrected here; the rest belong to one case's page. No reason is asked
 * for: it would be free text about the person, and the audit trail holds none.
 */
export const RECTIFIABLE_FIELDS = ['givenName', 'familyName', 'preferredName', 'dateOfBirth', 'phone', 'email', 'address'] as const;
export type RectifiableField = (typeof RECTIFIABLE_FIELDS)[number];
export const RECTIFIABLE_LABELS: Record<RectifiableField, string> = {
  givenName: 'Given name',
  familyName: 'Family name',
  preferredName: 'Preferred name',
  dateOfBirth: 'Date of birth',
  phone: 'Phone',
  email: 'Email',
  address: 'Address',
};

const Corrections = PersonSchema.pick({ givenName: true, familyName: true, preferredName: true, dateOfBirth: true, phone: true, email: true, address: true })
  .partial()
  .refine((c) => Object.keys(c).length > 0, { error: 'Enter at least one corrected detail' });

export const RectifyInputSchema = strictForm(
  {
    /** The person as found: the name and date of birth the search was made with. */
    name: z.string({ error: 'Enter the name the person was found by' }).trim().min(2, { error: 'Enter at least two letters of the name' }).max(200),
    dateOfBirth: dateField('Date of birth they were found by').optional(),
    caseIds: z
      .array(z.string().regex(/^c_[a-z0-9]{10,40}$/, { error: 'Choose cases from the search' }))
      .min(1, { error: 'Tick at least one case to correct' })
      .max(500)
      .refine((ids) => new Set(ids).size === ids.length, { error: 'Tick each case once' }),
    changes: Corrections,
  },
  'the correction',
);
export type RectifyInput = z.infer<typeof RectifyInputSchema>;

export const RectifiedSchema = z.strictObject({ cases: z.array(z.strictObject({ caseId: z.string(), reference: z.string() })), fields: z.array(z.enum(RECTIFIABLE_FIELDS)) });
export type Rectified = z.infer<typeof RectifiedSchema>;
