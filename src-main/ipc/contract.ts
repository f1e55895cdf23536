import { z } from 'zod';
import { ROLES, type Role } from '../domain/access/roles';
import { SettingsSchema, SettingsPatchSchema } from '../domain/casebook/settings';
import { PassphraseSchema } from '../domain/casebook/passphrase';
import { UserChoiceSchema, UserIdSchema, UserSchema } from '../domain/casebook/user';
import { AuditEntrySchema, AuditFilterSchema } from '../domain/casebook/audit';
import { CaseIdSchema, CaseSchema, CaseSummarySchema, STAGES } from '../domain/cases/case';
import { personName, requiredText } from '../domain/shared/text';
import { BackupInfoSchema, type BackupInfo } from '../domain/casebook/backup';
import { caseworkCommands } from './commands/cases';
import { documentsCommands } from './commands/documents';
import { processCommands } from './commands/conferences';

/**
 * The whole surface between the renderer (or the CLI, or a test) and the main process.
 * Each command names its input schema (strict: unknown keys are refused), its output schema,
 * and who may call it. 'anyone' means no session is needed (status, set-up, unlock).
 * The preload exposes exactly these names; the handler registry implements exactly these.
 */
export type Access = 'anyone' | readonly Role[];

export interface CommandSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
  /** One line for the docs and for error messages. */
  summary: string;
}

const empty = z.strictObject({});
const ALL: readonly Role[] = ROLES;
const ADMIN: readonly Role[] = ['administrator'];

export const SessionSchema = z.strictObject({
  user: UserSchema,
  settings: SettingsSchema,
  readOnly: z.boolean(),
});
export type Session = z.infer<typeof SessionSchema>;

export const StatusSchema = z.strictObject({
  state: z.enum(['uninitialised', 'locked', 'unlocked']),
  users: z.array(UserChoiceSchema),
  session: SessionSchema.optional(),
  /** Set when another instance holds the store: the app opens read-only and says who. */
  heldBy: z.strictObject({ user: z.string(), host: z.string(), pid: z.number(), since: z.string() }).optional(),
});
export type Status = z.infer<typeof StatusSchema>;

export { BackupInfoSchema, type BackupInfo };

export const AuditVerifySchema = z.strictObject({
  ok: z.boolean(),
  entries: z.number().int(),
  problems: z.array(z.strictObject({ file: z.string(), message: z.string() })),
});

const RecoveryKeySchema = z
  .string({ error: 'Recovery key must be text' })
  .trim()
  .regex(/^[A-Z2-7]{4}(-?[A-Z2-7]{4}){12}$/i, { error: 'A recovery key is 13 groups of 4 letters and digits separated by dashes' });

export const commands = {
  getStatus: { input: empty, output: StatusSchema, access: 'anyone', summary: 'Whether a casebook exists, is locked, and who can unlock it' },
  createCasebook: {
    input: z.strictObject({ serviceName: requiredText('Service name', 120), userName: personName('Your name'), passphrase: PassphraseSchema }),
    output: z.strictObject({ recoveryKey: z.string(), session: SessionSchema }),
    access: 'anyone',
    summary: 'Create a new encrypted casebook with its first administrator',
  },
  unlock: {
    input: z.strictObject({ userId: UserIdSchema, passphrase: z.string().min(1, { error: 'Enter your passphrase' }).max(1024) }),
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
    access: ALL,
    summary: 'Lock the casebook and forget the key',
  },
  changePassphrase: {
    input: z.strictObject({ current: z.string().min(1).max(1024), next: PassphraseSchema }),
    output: z.strictObject({ changed: z.literal(true) }),
    access: ALL,
    summary: 'Change your own passphrase',
  },
  getSettings: { input: empty, output: SettingsSchema, access: ALL, summary: 'Read the service settings' },
  updateSettings: { input: SettingsPatchSchema, output: SettingsSchema, access: ADMIN, summary: 'Change the service settings' },
  listUsers: { input: empty, output: z.array(UserSchema), access: ADMIN, summary: 'List the people who can unlock this casebook' },
  addUser: {
    input: z.strictObject({ name: personName('Name'), role: z.enum(ROLES, { error: 'Choose a role' }), passphrase: PassphraseSchema }),
    output: UserSchema,
    access: ADMIN,
    summary: 'Add a person who can unlock this casebook',
  },
  listBackups: { input: empty, output: z.array(BackupInfoSchema), access: ADMIN, summary: 'List the backups' },
  createBackup: { input: empty, output: BackupInfoSchema, access: ADMIN, summary: 'Take a backup now' },
  restoreBackup: {
    input: z.strictObject({ id: BackupInfoSchema.shape.id }),
    output: z.strictObject({ restored: z.literal(true) }),
    access: ADMIN,
    summary: 'Restore a backup after verifying it; the casebook locks afterwards',
  },
  restoreBackupWhileLocked: {
    input: z.strictObject({ userId: UserIdSchema, passphrase: z.string().min(1, { error: 'Enter your passphrase' }).max(1024), backupId: BackupInfoSchema.shape.id }),
    output: z.strictObject({ restored: z.literal(true) }),
    access: 'anyone',
    summary: 'Restore a backup when the casebook will not open; the passphrase must open the backup',
  },
  listAudit: {
    input: AuditFilterSchema,
    output: z.strictObject({ total: z.number().int(), entries: z.array(AuditEntrySchema) }),
    access: ADMIN,
    summary: 'Read the audit trail',
  },
  verifyStore: { input: empty, output: AuditVerifySchema, access: ADMIN, summary: 'Decrypt every file and walk the audit chain' },
  listCases: {
    input: z.strictObject({ stage: z.enum(STAGES).optional(), query: z.string().max(200).optional() }),
    output: z.array(CaseSummarySchema),
    access: ALL,
    summary: 'List cases',
  },
  getCase: { input: z.strictObject({ id: CaseIdSchema }), output: CaseSchema, access: ALL, summary: 'Open one case' },
  ...caseworkCommands,
  ...documentsCommands,
  ...processCommands,
} as const satisfies Record<string, CommandSpec>;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type InputOf<N extends CommandName> = z.input<Commands[N]['input']>;
export type ParsedInputOf<N extends CommandName> = z.output<Commands[N]['input']>;
export type OutputOf<N extends CommandName> = z.output<Commands[N]['output']>;
