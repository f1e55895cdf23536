import { ServiceComplianceSchema } from '../../domain/staff/compliance-schema';
import { GetComplianceInputSchema, GetStaffRecordsInputSchema, RecordCpdInputSchema, RecordObservedPracticeInputSchema, RecordSupervisionInputSchema, SaveRegisterDetailsInputSchema } from '../../domain/staff/register-commands';
import { MarkLeaverInputSchema, MarkLeaverResultSchema } from '../../domain/staff/leaver';
import { StaffRecordListSchema, StaffRecordSchema } from '../../domain/staff/record';
import { StaffListSchema, StaffMemberInputSchema } from '../../domain/staff/staff';
import { z } from 'zod';
import { ImportRegisterFileInputSchema, ImportRegisterFileResultSchema, ImportRegisterInputSchema, ImportRegisterResultSchema } from '../../domain/staff/import-layout';
import { CertificateRequestSchema, RecordTrainingInputSchema } from '../../domain/staff/training-commands';
import type { CommandGroup } from '../command-spec';

/** The staff list (who leads, co-facilitates, takes consent and signs off risk) and the quality lead's register. */
export const staffCommands = {
  saveStaffMember: {
    input: StaffMemberInputSchema,
    output: StaffListSchema,
    access: 'manage-staff',
    summary: 'Add or change a member of staff',
  },
  saveRegisterDetails: {
    input: SaveRegisterDetailsInputSchema,
    output: StaffRecordSchema,
    access: 'manage-register',
    summary: 'Change a member of staff’s employment, dates, RJC registration or DBS check',
  },
  // Self-service: the service asks for 'manage-register' when the entry is for someone else.
  recordCpd: {
    input: RecordCpdInputSchema,
    output: StaffRecordSchema,
    access: 'record-own-cpd',
    summary: 'Record CPD on your own staff record, or (quality leads, administrators) on anyone’s',
  },
  recordSupervision: {
    input: RecordSupervisionInputSchema,
    output: StaffRecordSchema,
    access: 'manage-register',
    summary: 'Record a case supervision or line management session; a case supervisor must be Advanced',
  },
  recordObservedPractice: {
    input: RecordObservedPracticeInputSchema,
    output: StaffRecordSchema,
    access: 'manage-register',
    summary: 'Record an observed practice',
  },
  // Everyone may ask for their own; the service asks for 'read-all-compliance' for anyone else's.
  getStaffRecords: {
    input: GetStaffRecordsInputSchema,
    output: StaffRecordListSchema,
    access: 'read-own-compliance',
    summary: 'Register records (employment, registration, training, CPD, supervision, observed practice, DBS): your own, one person’s or everyone’s',
  },
  // Everyone may ask; the service narrows it to your own record unless you oversee the register.
  getCompliance: {
    input: GetComplianceInputSchema,
    output: ServiceComplianceSchema,
    access: 'read-own-compliance',
    summary: 'Each practitioner’s compliance with the RJC codes on a day, and the registered share',
  },
  // 'manage-staff', not 'manage-register': it changes the staff list. Handing the cases on also
  // needs 'assign-team' (the service asks), which coordinators and administrators hold.
  markLeaver: {
    input: MarkLeaverInputSchema,
    output: MarkLeaverResultSchema,
    access: 'manage-staff',
    summary: 'Mark a member of staff as left, and hand their open cases to someone active in the same step',
  },
  recordTraining: {
    input: RecordTrainingInputSchema,
    output: z.strictObject({ picked: z.boolean(), record: StaffRecordSchema.optional() }),
    access: 'manage-register',
    summary: 'Record a training course, with its certificate (PDF, PNG or JPEG) chosen and kept encrypted',
  },
  // Your own certificate, or (those who oversee the register) anyone's: the service asks.
  saveCertificate: {
    input: CertificateRequestSchema,
    output: z.strictObject({ saved: z.boolean(), fileName: z.string() }),
    access: 'read-own-compliance',
    summary: 'Save a copy of a training certificate',
  },
  // A staff file also needs 'manage-staff': the service asks.
  importRegister: {
    input: ImportRegisterInputSchema,
    output: ImportRegisterResultSchema,
    access: 'manage-register',
    summary: 'Import a staff, CPD, supervision or training register from CSV rows: all or nothing, every bad row named by its line',
  },
  // The app's way to importRegister: the main process picks and reads the file. A staff file also needs 'manage-staff': the service asks.
  importRegisterFile: {
    input: ImportRegisterFileInputSchema,
    output: ImportRegisterFileResultSchema,
    access: 'manage-register',
    summary: 'Choose a staff, CPD, supervision or training CSV file and import it: all or nothing, every bad row named by its line',
  },
} as const satisfies CommandGroup;
