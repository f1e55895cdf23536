import { z } from 'zod';
import { dateField } from '../time/dates';
import { requiredText, text } from '../shared/text';
import { practitionerLevel, StaffIdSchema } from './ids';

/**
 * The quality lead's register, kept on each staff record: what the RJC's codes ask a service to
 * show for each practitioner. Every field is optional on the stored record so a casebook from
 * before the register opens as it was; the logs grow only through their own commands.
 */
export const EMPLOYMENTS = ['paid', 'sessional', 'volunteer'] as const;
export type Employment = (typeof EMPLOYMENTS)[number];

export const DBS_LEVELS = ['basic', 'standard', 'enhanced', 'enhanced-barred'] as const;
export const DBS_LEVEL_LABELS: Record<(typeof DBS_LEVELS)[number], string> = {
  basic: 'Basic',
  standard: 'Standard',
  enhanced: 'Enhanced',
  'enhanced-barred': 'Enhanced with barred lists',
};

export const SUPERVISION_KINDS = ['case', 'line'] as const;
export type SupervisionKind = (typeof SUPERVISION_KINDS)[number];
export const SUPERVISION_KIND_LABELS: Record<SupervisionKind, string> = { case: 'Case supervision', line: 'Line management' };

/** The most hours one CPD entry may claim: a week-long residential course, with room to spare. */
export const MAX_CPD_HOURS = 100;
/** Far more than five years of entries; refuses a list that would slow every unlock. */
const MAX_LOG = 1_000;

export const RegistrationSchema = z
  .strictObject({
    level: practitionerLevel('Registration level'),
    number: requiredText('Registration number', 40),
    registeredOn: dateField('Registered on'),
    renewalDue: dateField('Renewal due'),
  })
  .refine((r) => r.renewalDue > r.registeredOn, { path: ['renewalDue'], error: 'Renewal due must be after the date registered' });
export type Registration = z.infer<typeof RegistrationSchema>;

export const DbsSchema = z.strictObject({
  level: z.enum(DBS_LEVELS, { error: `DBS level: choose one of ${DBS_LEVELS.join(', ')}` }),
  certificateDate: dateField('DBS certificate date'),
  updateService: z.boolean({ error: 'Say whether they are on the DBS update service (true or false)' }),
});
export type Dbs = z.infer<typeof DbsSchema>;

export const CpdEntrySchema = z.strictObject({
  date: dateField('CPD date'),
  activity: requiredText('Activity', 200),
  hours: z
    .number({ error: 'Hours must be a number, like 1.5' })
    .positive({ error: 'Hours must be more than 0' })
    .max(MAX_CPD_HOURS, { error: `Hours must be at most ${MAX_CPD_HOURS} for one entry: split a longer course into its parts` })
    .multipleOf(0.25, { error: 'Hours must be in quarter hours, like 1.5 or 2.25' }),
  rjcApproved: z.boolean({ error: 'Say whether the activity is RJC-approved (true or false)' }),
});
export type CpdEntry = z.infer<typeof CpdEntrySchema>;

export const SupervisionEntrySchema = z.strictObject({
  date: dateField('Supervision date'),
  supervisorId: StaffIdSchema,
  kind: z.enum(SUPERVISION_KINDS, { error: 'Kind: choose case supervision (case) or line management (line)' }),
  notes: text('Notes', 2_000).optional(),
});
export type SupervisionEntry = z.infer<typeof SupervisionEntrySchema>;

export const ObservedPracticeSchema = z.strictObject({
  date: dateField('Observation date'),
  observerId: StaffIdSchema,
  notes: text('Feedback', 2_000).optional(),
});
export type ObservedPractice = z.infer<typeof ObservedPracticeSchema>;

/** The register's fields on the staff record (staff.ts spreads these into its schema). */
export const REGISTER_FIELDS = {
  employment: z.enum(EMPLOYMENTS, { error: 'Employment: choose paid, sessional or volunteer' }).optional(),
  started: dateField('Started on').optional(),
  /** Set for a leaver: they stay on the list (old cases and past years name them). */
  ended: dateField('Left on').optional(),
  registration: RegistrationSchema.optional(),
  dbs: DbsSchema.optional(),
  cpd: z.array(CpdEntrySchema).max(MAX_LOG, { error: `At most ${MAX_LOG} CPD entries` }).optional(),
  supervision: z.array(SupervisionEntrySchema).max(MAX_LOG, { error: `At most ${MAX_LOG} supervision entries` }).optional(),
  observed: z.array(ObservedPracticeSchema).max(MAX_LOG, { error: `At most ${MAX_LOG} observed practice entries` }).optional(),
};
