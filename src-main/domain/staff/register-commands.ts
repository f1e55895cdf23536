import { z } from 'zod';
import { strictForm } from '../shared/strict-form';
import { dateField } from '../time/dates';
import { StaffIdSchema } from './ids';
import { CpdEntrySchema, DbsSchema, ObservedPracticeSchema, REGISTER_FIELDS, RegistrationSchema, SupervisionEntrySchema } from './register';

/**
 * What the register's commands send: an entry and whose record it goes on. For CPD the staff
 * id may be left out, meaning the signed-in person's own record (self-service).
 */
export const RecordCpdInputSchema = strictForm({ staffId: StaffIdSchema.optional(), ...CpdEntrySchema.shape }, 'the CPD entry');
export type RecordCpdInput = ReturnType<typeof RecordCpdInputSchema.parse>;

export const RecordSupervisionInputSchema = strictForm({ staffId: StaffIdSchema, ...SupervisionEntrySchema.shape }, 'the supervision entry');
export type RecordSupervisionInput = ReturnType<typeof RecordSupervisionInputSchema.parse>;

export const RecordObservedPracticeInputSchema = strictForm({ staffId: StaffIdSchema, ...ObservedPracticeSchema.shape }, 'the observed practice entry');
export type RecordObservedPracticeInput = ReturnType<typeof RecordObservedPracticeInputSchema.parse>;

/** Compliance on a day (today in England and Wales when left out). */
export const GetComplianceInputSchema = strictForm({ at: dateField('The day to check').optional() }, 'the compliance query');
export type GetComplianceInput = ReturnType<typeof GetComplianceInputSchema.parse>;

/**
 * A person's employment, dates, registration and DBS check. A field left out stays as it is;
 * null clears it (a registration entered on the wrong person, a leaving date withdrawn).
 */
export const SaveRegisterDetailsInputSchema = strictForm(
  {
    staffId: StaffIdSchema,
    employment: REGISTER_FIELDS.employment.unwrap().nullable().optional(),
    started: dateField('Started on').nullable().optional(),
    ended: dateField('Left on').nullable().optional(),
    registration: RegistrationSchema.nullable().optional(),
    dbs: DbsSchema.nullable().optional(),
  },
  'the register details',
).refine((d) => !d.started || !d.ended || d.ended >= d.started, { path: ['ended'], error: 'Left on must be on or after Started on' });
export type SaveRegisterDetailsInput = ReturnType<typeof SaveRegisterDetailsInputSchema.parse>;

/** One person's register record (your own when the id is left out), or everyone's the caller may see. */
export const GetStaffRecordsInputSchema = strictForm({ staffId: StaffIdSchema.optional(), everyone: z.boolean({ error: 'everyone: true or false' }).optional() }, 'the staff record query');
export type GetStaffRecordsInput = ReturnType<typeof GetStaffRecordsInputSchema.parse>;
