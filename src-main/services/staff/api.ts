import type { ServiceCompliance } from '../../domain/staff/compliance-schema';
import type { GetComplianceInput, GetStaffRecordsInput, RecordCpdInput, RecordObservedPracticeInput, RecordSupervisionInput, SaveRegisterDetailsInput } from '../../domain/staff/register-commands';
import type { MarkLeaverInput, MarkLeaverResult } from '../../domain/staff/leaver';
import type { StaffRecord } from '../../domain/staff/record';
import type { StaffMember, StaffMemberInput } from '../../domain/staff/staff';
import type { ImportRegisterFileInput, ImportRegisterFileResult, ImportRegisterInput, ImportRegisterResult } from '../../domain/staff/import-layout';
import type { CertificateRequest, RecordTrainingInput } from '../../domain/staff/training-commands';

/** The staff list and its register, reached as `service.staff`. */
export interface StaffApi {
  /** Coordinators and administrators; a new member gets an `s_` id. Returns the whole list. */
  saveStaffMember(input: StaffMemberInput): Promise<StaffMember[]>;
  /** Quality leads and administrators: employment, dates, RJC registration, DBS. Returns the record. */
  saveRegisterDetails(input: SaveRegisterDetailsInput): Promise<StaffRecord>;
  /** Anyone for their own record (no staffId); quality leads and administrators for anyone's. Returns the record. */
  recordCpd(input: RecordCpdInput): Promise<StaffRecord>;
  /** Quality leads and administrators; a case supervisor must hold Advanced registration. */
  recordSupervision(input: RecordSupervisionInput): Promise<StaffRecord>;
  /** Quality leads and administrators. */
  recordObservedPractice(input: RecordObservedPracticeInput): Promise<StaffRecord>;
  /** Register records: your own (no id), one person's or everyone's (those who oversee the register). */
  getStaffRecords(input: GetStaffRecordsInput): Promise<StaffRecord[]>;
  /** Every practitioner's checks for those who oversee; one's own for anyone else. */
  getCompliance(input: GetComplianceInput): Promise<ServiceCompliance>;
  /** Coordinators and administrators: the day someone left, and who takes over their open cases, in one save. */
  markLeaver(input: MarkLeaverInput): Promise<MarkLeaverResult>;
  /** Quality leads and administrators: a training course, with its certificate chosen through the file picker when asked. */
  recordTraining(input: RecordTrainingInput): Promise<{ picked: boolean; record?: StaffRecord }>;
  /** Save a copy of a certificate named by someone's training (your own, or anyone's for those who oversee); audited once saved. */
  saveCertificate(input: CertificateRequest): Promise<{ saved: boolean; fileName: string }>;
  /** Quality leads and administrators (and 'manage-staff' for a staff file): a CSV register, all rows or none, in one commit. */
  importRegister(input: ImportRegisterInput): Promise<ImportRegisterResult>;
  /** The same, from a CSV file chosen through the file picker and read here; `picked: false` when the dialog was closed. */
  importRegisterFile(input: ImportRegisterFileInput): Promise<ImportRegisterFileResult>;
}
