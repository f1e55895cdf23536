import { z } from 'zod';
import { dateField } from '../time/dates';
import { requiredText, text } from '../shared/text';
import { AttachmentRefSchema } from '../conferences/ids';
import { practitionerLevel, StaffIdSchema } from './ids';

/**
 * The quality lead's register: what the RJC's codes ask a service to show for each
 * practitioner, one record per person on the staff list. It is kept in its own file (the
 * store's `registers/staff.cbk`), not in the index, so unlocking costs the same however many
 * years of CPD and supervision it holds. Every field is optional: a person is added to the
 * staff list first, and the logs grow only through their own commands.
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

export const TrainingEntrySchema = z.strictObject({
  date: dateField('Training date'),
  course: requiredText('Course', 200),
  provider: requiredText('Provider', 200),
  /** The RJC level the course trains to, when it is one (a safeguarding course is not). */
  level: practitionerLevel('Training level').optional(),
  /** The certificate, encrypted in the store's attachments (named by a keyed digest). */
  certificate: AttachmentRefSchema.optional(),
});
export type TrainingEntry = z.infer<typeof TrainingEntrySchema>;

/** The register's fields for one person. */
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
  training: z.array(TrainingEntrySchema).max(MAX_LOG, { error: `At most ${MAX_LOG} training entries` }).optional(),
  inductionCompletedOn: dateField('Induction completed on').optional(),
};

export const StaffRegisterRecordSchema = z.strictObject(REGISTER_FIELDS);
export type StaffRegisterRecord = z.infer<typeof StaffRegisterRecordSchema>;

/** The whole register file: each person's record by staff id. */
export const StaffRegisterSchema = z.record(StaffIdSchema, StaffRegisterRecordSchema);
export type StaffRegister = z.infer<typeof StaffRegisterSchema>;
export const STAFF_REGISTER = 'staff';

/** The register fields of a record, without the staff-list fields (what is written to the register file). */
export function registerPart<T extends StaffRegisterRecord>(record: T): StaffRegisterRecord {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(REGISTER_FIELDS) as (keyof StaffRegisterRecord)[]) if (record[k] !== undefined) out[k] = record[k];
  return out as StaffRegisterRecord;
}
