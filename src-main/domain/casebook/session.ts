import { z } from 'zod';
import { formatDate } from '../time/dates';
import { utcToLondon } from '../time/london-time';
import { SettingsSchema } from './settings';
import { UserChoiceSchema, UserSchema } from './user';

/**
 * What the app knows about the signed-in person and the casebook's state: the wire shapes the
 * renderer, the CLI and the services share. They live in the domain so that every layer can
 * name them without importing the contract.
 */
/**
 * Something the person must know about the casebook they have open, shown on every screen
 * until it is dealt with: why it is read-only, or that its files do not match its own record
 * of its last save (named file by file for an administrator to check), or that case files found
 * by the check after unlocking do not open (`damaged-cases`, naming the cases by reference).
 */
export const CasebookNoticeSchema = z.strictObject({
  kind: z.enum(['in-use', 'folder-read-only', 'does-not-match', 'older-copy', 'backups', 'damaged-cases']),
  message: z.string(),
  problems: z.array(z.strictObject({ file: z.string(), message: z.string() })),
});
export type CasebookNotice = z.infer<typeof CasebookNoticeSchema>;

export const SessionSchema = z.strictObject({
  user: UserSchema,
  settings: SettingsSchema,
  readOnly: z.boolean(),
  notices: z.array(CasebookNoticeSchema),
});
export type Session = z.infer<typeof SessionSchema>;

/**
 * Read-only only because the files do not match the casebook's last save: this copy holds the
 * lock, so an administrator can still put it right (restore a backup, or accept it as it is).
 */
export function needsRepair(s: Pick<Session, 'readOnly' | 'notices'>): boolean {
  return s.readOnly && s.notices.some((n) => n.kind === 'does-not-match') && !s.notices.some((n) => n.kind === 'in-use' || n.kind === 'folder-read-only');
}

/** A command-line run holds the casebook for seconds, the desktop app for a whole session: another command may wait for the first. */
export const LockProgramSchema = z.enum(['desktop', 'command line']);
/** Who holds the casebook's lock, as the lock file says. */
export const LockHolderSchema = z.strictObject({
  user: z.string(),
  host: z.string(),
  pid: z.number(),
  since: z.string(),
  program: LockProgramSchema.optional(),
  userId: z.string().max(64).optional(),
  /** The display name of the person who has it open, when this casebook lists them (never the OS login). */
  name: z.string().max(200).optional(),
});

/** "Jo Bloggs on OFFICE-LAPTOP": the person by their name in the casebook, else "someone". */
export function holderWords(h: Pick<LockHolder, 'name' | 'host'>): string {
  return `${h.name ?? 'someone'} on ${h.host === 'unknown' ? 'another computer' : h.host}`;
}

/** "Jo Bloggs on OFFICE-LAPTOP has had it open since 23 November 2026, 09:05" (UK time). */
export function heldSinceWords(h: Pick<LockHolder, 'name' | 'host' | 'since'>): string {
  const ms = Date.parse(h.since);
  if (Number.isNaN(ms)) return `${holderWords(h)} has it open`;
  const { date, time } = utcToLondon(ms);
  return `${holderWords(h)} has had it open since ${formatDate(date)}, ${time}`;
}
export type LockHolder = z.infer<typeof LockHolderSchema>;

export const StatusSchema = z.strictObject({
  state: z.enum(['uninitialised', 'locked', 'unlocked']),
  users: z.array(UserChoiceSchema),
  session: SessionSchema.optional(),
  /** Set when another instance holds the store: the app opens read-only and says who. */
  heldBy: LockHolderSchema.optional(),
});
export type Status = z.infer<typeof StatusSchema>;

export const VerifyResultSchema = z.strictObject({
  ok: z.boolean(),
  entries: z.number().int(),
  problems: z.array(z.strictObject({ file: z.string(), message: z.string() })),
});
export type VerifyResult = z.infer<typeof VerifyResultSchema>;

export const RecoveryKeySchema = z
  .string({ error: 'Recovery key must be text' })
  .trim()
  .regex(/^[A-Z2-7]{4}(-?[A-Z2-7]{4}){12}$/i, { error: 'A recovery key is 13 groups of 4 letters and digits separated by dashes' });

/** A passphrase typed to unlock (any text: the rules for choosing one are PassphraseSchema's). */
export const TypedPassphraseSchema = z.string().min(1, { error: 'Enter your passphrase' }).max(1024);
