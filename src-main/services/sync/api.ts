import type { Session } from '../../domain/casebook/session';
import type { ChangeToResolve, EnableTeamInput, JoinTeamInput, SyncResult, SyncStatus } from '../../domain/sync/status';

/** Team use (issue 16), reached as `service.sync`. */
export interface SyncApi {
  /** Answered from memory at once, never behind a sync in the queue. */
  status(): Promise<SyncStatus>;
  /** Administrators: check the server, store its address and account (encrypted), send the casebook. */
  enable(i: EnableTeamInput): Promise<SyncResult>;
  /** No casebook here yet: fetch the team's keyring, unlock it with the passphrase, create the local copy and fetch everything. */
  join(i: JoinTeamInput): Promise<Session>;
  setInterval(minutes: number): Promise<SyncStatus>;
  /** One push and pull; a clear error (nothing changed locally) when the server cannot be reached. */
  syncNow(): Promise<SyncResult>;
  /** The key another computer changed to, taken with the new passphrase this person was given; the casebook opens again under it. */
  adoptKey(passphrase: string): Promise<Session>;
  changesToResolve(): Promise<ChangeToResolve[]>;
  resolve(id: string, choice: number): Promise<ChangeToResolve[]>;
}
