import { z } from 'zod';
import { SessionSchema } from '../../domain/casebook/session';
import { ChangeToResolveSchema, EnableTeamInputSchema, JoinTeamInputSchema, ResolveChangeInputSchema, SyncIntervalInputSchema, SyncResultSchema, SyncStatusSchema } from '../../domain/sync/status';
import type { CommandGroup } from '../command-spec';

/**
 * Team use (issue 16): one casebook on several computers through a CouchDB server that only
 * ever holds ciphertext. Turning it on, joining from another computer, syncing, and resolving
 * a field changed two ways.
 */
const empty = z.strictObject({});

export const syncCommands = {
  getSyncStatus: { input: empty, output: SyncStatusSchema, access: 'use-casebook', summary: 'Whether team use is on, when this computer last synced, and what waits' },
  enableTeam: { input: EnableTeamInputSchema, output: SyncResultSchema, access: 'manage-team', summary: 'Turn on team use: store the server address and account, and send the casebook' },
  joinTeam: { input: JoinTeamInputSchema, output: SessionSchema, access: 'anyone', summary: 'Join a team casebook from this computer: fetch the keyring, unlock it with your passphrase and fetch the cases' },
  setSyncInterval: { input: SyncIntervalInputSchema, output: SyncStatusSchema, access: 'manage-team', summary: 'How often to sync while unlocked (0 = only when asked)' },
  syncNow: { input: empty, output: SyncResultSchema, access: 'use-casebook', summary: 'Send this computer’s changes and fetch everyone else’s now' },
  adoptTeamKey: { input: z.strictObject({ passphrase: z.string().min(1, 'Enter the new passphrase you were given').max(1024) }), output: SessionSchema, access: 'use-casebook', summary: 'Take the key changed on another computer, with the new passphrase you were given' },
  listChangesToResolve: { input: empty, output: z.array(ChangeToResolveSchema), access: 'use-casebook', summary: 'Fields changed two ways on different computers, both versions side by side' },
  resolveChange: { input: ResolveChangeInputSchema, output: z.array(ChangeToResolveSchema), access: 'use-casebook', summary: 'Keep one version of a field changed two ways' },
} as const satisfies CommandGroup;
