import { z } from 'zod';

/**
 * Team use (issue 16): what the app says about syncing, and what a sync did. Shared by the
 * contract, the CLI (`casebook sync --json` prints a SyncResult exactly) and the renderer.
 */

/** A record in plain words: "Case RJ-2026-0042", "Settings", "Staff register". Never a participant's name. */
export const SyncRecordSchema = z.strictObject({
  kind: z.enum(['case', 'settings', 'people', 'register', 'audit', 'attachment', 'keyring', 'team', 'unknown']),
  label: z.string().max(200),
  caseId: z.string().max(60).optional(),
});
export type SyncRecord = z.infer<typeof SyncRecordSchema>;

/** Something wrong that a sync found and did not let touch local data: what, and in plain words. */
export const SyncProblemSchema = z.strictObject({ record: z.string().max(200), message: z.string().max(1000) });
export type SyncProblem = z.infer<typeof SyncProblemSchema>;

export const SyncStatusSchema = z.strictObject({
  enabled: z.boolean(),
  /** The server's address without any account in it (scheme, host, port, database path). */
  remote: z.string().max(500).nullable(),
  /** This computer's number in the team: its block of case references (references.ts). */
  machine: z.strictObject({ number: z.number().int().min(0), name: z.string().max(120) }).nullable(),
  /** Minutes between automatic syncs while unlocked; 0 = only when asked. */
  intervalMinutes: z.number().int().min(0).max(1440),
  lastSyncedAt: z.string().nullable(),
  /** Local changes not yet on the server. */
  waiting: z.number().int().min(0),
  /** Changes to resolve (the same field changed two ways). */
  toResolve: z.number().int().min(0),
  running: z.boolean(),
  progress: z.strictObject({ done: z.number().int().min(0), total: z.number().int().min(0) }).nullable(),
  /** Why the last sync did not finish, in plain words ("The server did not answer"). */
  problem: z.string().max(1000).nullable(),
  /** The casebook's key was changed on another computer: this one waits for the new passphrase (adoptTeamKey). */
  keyChanged: z.boolean(),
  /** What the last sync found wrong with what the server sent (dropped, rolled back, unreadable). */
  serverProblems: z.array(SyncProblemSchema),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

export const SyncResultSchema = z.strictObject({
  at: z.string(),
  /** Documents sent to the server. */
  pushed: z.number().int().min(0),
  /** Documents received from the server. */
  pulled: z.number().int().min(0),
  /** Records changed on two computers and merged field by field. */
  merged: z.number().int().min(0),
  /** Changes to resolve now waiting (all of them, not only new ones). */
  toResolve: z.number().int().min(0),
  problems: z.array(SyncProblemSchema),
});
export type SyncResult = z.infer<typeof SyncResultSchema>;

/** One field changed two ways: both versions side by side, for a person to choose. */
export const ChangeToResolveSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_.-]{1,200}$/),
  record: SyncRecordSchema,
  /** The field in words ("Contacts › 3 March 2026 phone call › Notes"). */
  field: z.string().max(500),
  versions: z.array(z.strictObject({ text: z.string().max(2000), from: z.string().max(300) })).min(2),
  /** The version the record holds until someone chooses. */
  kept: z.number().int().min(0),
});
export type ChangeToResolve = z.infer<typeof ChangeToResolveSchema>;

const RemoteUrl = z.string().trim().min(1, 'Enter the server address').max(500, 'The server address must be 500 characters or fewer');
const ServerUser = z.string().max(200, 'The server account name must be 200 characters or fewer').optional();
const ServerPassword = z.string().max(1024, 'The server password must be 1,024 characters or fewer').optional();

export const EnableTeamInputSchema = z.strictObject({ remote: RemoteUrl, serverUser: ServerUser, serverPassword: ServerPassword });
export type EnableTeamInput = z.infer<typeof EnableTeamInputSchema>;

export const JoinTeamInputSchema = z.strictObject({
  remote: RemoteUrl,
  serverUser: ServerUser,
  serverPassword: ServerPassword,
  userName: z.string().trim().min(1, 'Enter your name as the casebook knows you').max(120),
  passphrase: z.string().min(1, 'Enter your passphrase').max(1024),
});
export type JoinTeamInput = z.infer<typeof JoinTeamInputSchema>;

export const SyncIntervalInputSchema = z.strictObject({ minutes: z.number().int('Whole minutes only').min(0, 'Minutes cannot be negative').max(1440, 'At most 1,440 minutes (a day)') });
export const ResolveChangeInputSchema = z.strictObject({ id: ChangeToResolveSchema.shape.id, choice: z.number().int().min(0).max(20) });
