import { CancelWorkInputSchema, WorkProgressSchema } from '../../domain/shared/work-progress';
import { z } from 'zod';
import { ROLES } from '../../domain/access/roles';
import { AuditEntrySchema, AuditFilterSchema } from '../../domain/casebook/audit';
import { BackupInfoSchema } from '../../domain/casebook/backup';
import { CaseworkSettingsSchema } from '../../domain/casebook/casework-settings';
import { PassphraseSchema } from '../../domain/casebook/passphrase';
import { RecoveryKeySchema, SessionSchema, StatusSchema, TypedPassphraseSchema, VerifyResultSchema } from '../../domain/casebook/session';
import { SettingsPatchSchema, SettingsSchema } from '../../domain/casebook/settings';
import { ChosenLogoFileSchema, ServiceLogoViewSchema, SetServiceLogoInputSchema } from '../../domain/casebook/service-logo';
import { UpdateCheckSchema } from '../../domain/casebook/updates';
import { UserIdSchema, UserSchema } from '../../domain/casebook/user';
import { CaseFileCheckSchema } from '../../domain/cases/case-file';
import { personName, requiredText } from '../../domain/shared/text';
import { StaffIdSchema } from '../../domain/staff/staff';
import type { CommandGroup } from '../command-spec';

/**
 * The casebook itself: set-up, unlocking and locking, settings, the people who can unlock it,
 * backups, the audit trail, verifying, and moving cases in and out of it.
 */
const empty = z.strictObject({});
const Saved = z.strictObject({ saved: z.boolean(), fileName: z.string() });
/**
 * A restore refuses a backup with cases that do not open, listing them (error details
 * `recoverable`, `lost`); `partial: true` restores the rest, and `lost` answers with the
 * references of the cases left out.
 */
const Partial = z.boolean().optional();
const Lost = z.array(z.string().max(60)).optional();

export const casebookCommands = {
  getStatus: { input: empty, output: StatusSchema, access: 'anyone', summary: 'Whether a casebook exists, is locked, and who can unlock it' },
  createCasebook: {
    input: z.strictObject({ serviceName: requiredText('Service name', 120), userName: personName('Your name'), passphrase: PassphraseSchema }),
    output: z.strictObject({ recoveryKey: z.string(), session: SessionSchema }),
    access: 'anyone',
    summary: 'Create a new encrypted casebook with its first administrator',
  },
  unlock: {
    input: z.strictObject({ userId: UserIdSchema, passphrase: TypedPassphraseSchema }),
    output: SessionSchema,
    access: 'anyone',
    summary: 'Unlock the casebook with a passphrase',
  },
  recoverWithKey: {
    input: z.strictObject({ userId: UserIdSchema, recoveryKey: RecoveryKeySchema, newPassphrase: PassphraseSchema }),
    output: SessionSchema,
    access: 'anyone',
    summary: 'Set a new passphrase using the recovery key',
  },
  lock: {
    input: z.strictObject({ reason: z.enum(['manual', 'idle']).default('manual') }),
    output: z.strictObject({ locked: z.literal(true) }),
    access: 'use-casebook',
    summary: 'Lock the casebook and forget the key',
  },
  reportActivity: {
    input: empty,
    output: z.strictObject({}),
    access: 'use-casebook',
    summary: 'Say that the person is using the window (the idle lock counts from now)',
  },
  changePassphrase: {
    input: z.strictObject({ current: z.string().min(1).max(1024), next: PassphraseSchema }),
    output: z.strictObject({ changed: z.literal(true) }),
    access: 'change-own-passphrase',
    summary: 'Change your own passphrase',
  },
  getSettings: { input: empty, output: SettingsSchema, access: 'use-casebook', summary: 'Read the service settings' },
  updateSettings: { input: SettingsPatchSchema, output: SettingsSchema, access: 'change-settings', summary: 'Change the service settings' },
  chooseServiceLogo: {
    input: empty,
    output: ChosenLogoFileSchema,
    access: 'change-settings',
    summary: "Choose a picture for the service's logo, before using it (kept in the main process)",
  },
  setServiceLogo: {
    input: SetServiceLogoInputSchema,
    output: ServiceLogoViewSchema,
    access: 'change-settings',
    summary: 'Use the chosen picture (PNG or JPEG, at most 1 MB) as the logo printed on letters and forms',
  },
  removeServiceLogo: {
    input: empty,
    output: z.strictObject({ removed: z.boolean(), fileDeleted: z.boolean() }),
    access: 'change-settings',
    summary: "Stop printing the service's logo on letters and forms",
  },
  getServiceLogo: { input: empty, output: ServiceLogoViewSchema, access: 'use-casebook', summary: "The service's logo as Settings shows it, if one is set" },
  updateCaseworkSettings: {
    input: CaseworkSettingsSchema.partial(),
    output: CaseworkSettingsSchema,
    access: 'change-casework-settings',
    summary: 'Change the case reference prefix or who signs off high risks',
  },
  listUsers: { input: empty, output: z.array(UserSchema), access: 'manage-users', summary: 'List the people who can unlock this casebook' },
  addUser: {
    input: z.strictObject({ name: personName('Name'), role: z.enum(ROLES, { error: 'Choose a role' }), passphrase: PassphraseSchema, staffId: StaffIdSchema.optional() }),
    output: UserSchema,
    access: 'manage-users',
    summary: 'Add a person who can unlock this casebook',
  },
  // Issue 13: deactivating replaced removing, so a person's name stays with what they recorded (services/casebook/logins.ts).
  // Issue 16: and the data key changes, sealed to everyone who stays, so a copy the person kept reads nothing written after.
  deactivateUser: {
    input: z.strictObject({ userId: UserIdSchema }),
    output: z.strictObject({ users: z.array(UserSchema), recoveryKey: z.string(), alsoDeactivated: z.array(z.string()), backupsLeft: z.number().int().min(0), session: SessionSchema }),
    access: 'manage-users',
    summary: 'Deactivate a login and change the casebook’s key: their passphrase no longer opens it; the person stays listed (their staff record stays)',
  },
  reactivateUser: {
    input: z.strictObject({ userId: UserIdSchema, passphrase: PassphraseSchema }),
    output: UserSchema,
    access: 'manage-users',
    summary: 'Let a deactivated person unlock again with a passphrase you set, which they must change at their first unlock',
  },
  changeUserRole: {
    input: z.strictObject({ userId: UserIdSchema, role: z.enum(ROLES, { error: 'Choose a role' }) }),
    output: UserSchema,
    access: 'manage-users',
    summary: 'Change the role of a person who can unlock this casebook',
  },
  requirePassphraseChange: {
    input: z.strictObject({ userId: UserIdSchema }),
    output: UserSchema,
    access: 'manage-users',
    summary: 'Make a person choose a new passphrase at their next unlock',
  },
  listBackups: { input: empty, output: z.array(BackupInfoSchema), access: 'manage-backups', summary: 'List the backups' },
  createBackup: { input: empty, output: BackupInfoSchema, access: 'manage-backups', summary: 'Take a backup now' },
  saveBackupCopy: {
    input: empty,
    output: Saved.extend({ bytes: z.number().int() }),
    access: 'manage-backups',
    summary: 'Save an encrypted copy of the whole casebook where you choose (another drive)',
  },
  restoreBackup: {
    input: z.strictObject({ id: BackupInfoSchema.shape.id, partial: Partial }),
    output: z.strictObject({ restored: z.literal(true), lost: Lost }),
    access: 'manage-backups',
    summary: 'Restore a backup after verifying it; the casebook locks afterwards',
  },
  restoreBackupFile: {
    input: z.strictObject({ partial: Partial }),
    output: z.strictObject({ restored: z.boolean(), lost: Lost }),
    access: 'manage-backups',
    summary: 'Restore a backup file you choose, after verifying it; the casebook locks afterwards',
  },
  restoreBackupWhileLocked: {
    input: z.strictObject({ userId: UserIdSchema, passphrase: TypedPassphraseSchema, backupId: BackupInfoSchema.shape.id, partial: Partial }),
    output: z.strictObject({ restored: z.literal(true), lost: Lost }),
    access: 'anyone',
    summary: 'Restore a backup when the casebook will not open; the passphrase must open the backup',
  },
  restoreFileWhileLocked: {
    input: z.strictObject({ user: z.string().min(1).max(200), passphrase: TypedPassphraseSchema, partial: Partial }),
    output: z.strictObject({ restored: z.boolean(), lost: Lost }),
    access: 'anyone',
    summary: 'Restore a backup file when the casebook will not open, or onto a new computer; the passphrase must open the backup',
  },
  listAudit: {
    input: AuditFilterSchema,
    output: z.strictObject({ total: z.number().int(), entries: z.array(AuditEntrySchema) }),
    access: 'read-audit',
    summary: 'Read the audit trail',
  },
  verifyStore: { input: empty, output: VerifyResultSchema, access: 'verify-casebook', summary: 'Decrypt every file and walk the audit chain' },
  acceptCasebookAsItIs: {
    input: z.strictObject({ confirm: z.literal(true, { error: 'Confirm that you have decided not to restore a backup' }) }),
    output: SessionSchema,
    access: 'accept-casebook-as-it-is',
    summary: 'Accept a casebook whose files do not match its last save, instead of restoring a backup',
  },
  rotateDataKey: {
    input: z.strictObject({
      passphrase: TypedPassphraseSchema,
      others: z.array(z.strictObject({ userId: UserIdSchema, passphrase: PassphraseSchema })).max(200),
    }),
    output: z.strictObject({ recoveryKey: z.string(), removed: z.array(z.string()), backupsLeft: z.number().int().min(0), session: SessionSchema }),
    access: 'rotate-data-key',
    summary: 'After a suspected leak: a new key for the whole casebook, a new recovery key and a new passphrase for everyone else',
  },
  checkCaseFile: {
    input: empty,
    output: CaseFileCheckSchema,
    access: 'anyone',
    summary: 'Check a case file you choose, without opening the casebook',
  },
  importCases: {
    input: empty,
    output: z.strictObject({ picked: z.boolean(), imported: z.number().int() }),
    access: 'import-cases',
    summary: 'Add the cases of a case file you choose: all of them, or none if any is invalid',
  },
  exportCases: {
    input: empty,
    output: Saved.extend({ cases: z.number().int(), bytes: z.number().int() }),
    access: 'export-cases',
    summary: 'Save every case as a case file (not encrypted) where you choose',
  },
  addDemoCases: {
    input: z.strictObject({
      count: z.number({ error: 'Say how many demo cases to add' }).int().min(1).max(100_000, { error: 'Add at most 100,000 demo cases' }),
      seed: z.string().min(1).max(200),
      append: z.boolean().optional(),
    }),
    output: z.strictObject({ imported: z.number().int(), seed: z.string() }),
    access: 'add-demo-cases',
    summary: 'Fill a practice casebook with realistic made-up cases',
  },
  checkForUpdates: {
    input: empty,
    output: UpdateCheckSchema,
    access: 'check-updates',
    summary: "Ask the service's update address whether a newer version is out (downloads nothing)",
  },
  getWorkProgress: {
    input: empty,
    output: WorkProgressSchema,
    access: 'use-casebook',
    summary: 'How far the long work running now (an evidence pack) has got: step, of, and what it is doing',
  },
  cancelWork: {
    input: CancelWorkInputSchema,
    output: z.strictObject({ cancelling: z.boolean() }),
    access: 'use-casebook',
    summary: 'Stop the long work running now before it writes anything',
  },
} as const satisfies CommandGroup;
