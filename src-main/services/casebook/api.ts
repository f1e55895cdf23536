import type { WorkProgress, WorkTask } from '../../domain/shared/work-progress';
import type { AuditEntry, AuditFilter } from '../../domain/casebook/audit';
import type { BackupInfo } from '../../domain/casebook/backup';
import type { CaseworkSettings } from '../../domain/casebook/casework-settings';
import type { Session, Status, VerifyResult } from '../../domain/casebook/session';
import type { Settings, SettingsPatch } from '../../domain/casebook/settings';
import type { ChosenLogoFile, ServiceLogoView, SetServiceLogoInput } from '../../domain/casebook/service-logo';
import type { User } from '../../domain/casebook/user';
import type { UpdateCheck } from '../../domain/casebook/updates';
import type { Role } from '../../domain/access/roles';
import type { Case, CaseSummary, Stage } from '../../domain/cases/case';
import type { CaseFileCheck } from '../../domain/cases/case-file';
import type { CallContext } from '../shared/call-context';
import type { CasesApi } from '../cases/api';
import type { ConferencesApi } from '../conferences/api';
import type { DocumentsApi } from '../documents/api';
import type { FiguresApi } from '../figures/api';
import type { ReferralsApi } from '../referrals/api';
import type { StaffApi } from '../staff/api';
import type { DataProtectionApi } from '../data-protection';
import type { QualityApi } from '../quality/api';
import type { DailyWorkApi } from '../daily-work';
import type { SyncApi } from '../sync/api';

/**
 * What the services layer offers to the handler registry (and, through it, to the app, the
 * CLI and tests). One instance per store folder and per process; it holds at most one unlocked
 * session. The casebook's own use cases are methods here; each piece of RJ work has its own
 * group. Inputs arrive parsed by the contract.
 */
export interface CasebookService {
  status(): Promise<Status>;
  currentSession(): Session | undefined;
  create(i: { serviceName: string; userName: string; passphrase: string }): Promise<{ recoveryKey: string; session: Session }>;
  /** userId may also be a user's name (case-insensitive) for the CLI's --user NAME. */
  unlock(userIdOrName: string, passphrase: string): Promise<Session>;
  recover(userId: string, recoveryKey: string, newPassphrase: string): Promise<Session>;
  lock(reason: 'manual' | 'idle' | 'system' | 'restore'): Promise<void>;
  /** The window reports that the person is using it; the idle lock is decided here, not in the window. */
  reportActivity(): Promise<Record<string, never>>;
  /** Lock now if idle for the set time; true if it locked. The service checks by itself every 15 seconds. */
  checkIdle(): Promise<boolean>;
  /** Called whenever the store locks, for whatever reason (so Electron can tell the renderer). */
  onLocked(listener: (reason: string) => void): () => void;
  changePassphrase(current: string, next: string): Promise<{ changed: true }>;
  settings(): Settings;
  updateSettings(patch: SettingsPatch): Promise<Settings>;
  /** Administrators: choose the logo's picture (the open dialog); the bytes stay in main, the form gets a token. */
  chooseServiceLogo(): Promise<ChosenLogoFile>;
  /** Use the chosen picture as the logo on letters and forms (PNG or JPEG, at most 1 MB), replacing any other. */
  setServiceLogo(input: SetServiceLogoInput): Promise<ServiceLogoView>;
  /** Stop printing a logo; its file goes unless something else names the same content. */
  removeServiceLogo(): Promise<{ removed: boolean; fileDeleted: boolean }>;
  /** The logo as Settings shows it, or no logo. */
  serviceLogo(): Promise<ServiceLogoView>;
  /** Administrators only. Keys left out (or undefined) are unchanged. */
  updateCaseworkSettings(patch: Partial<CaseworkSettings>): Promise<CaseworkSettings>;
  users(): User[];
  addUser(i: { name: string; role: Role; passphrase: string; staffId?: string | undefined }): Promise<User>;
  /**
   * Administrators (rotate-key.ts): take someone's passphrase off the casebook and change the data
   * key, sealed to everyone who stays; they stay listed as deactivated (their staff record and
   * their name on records stay). Returns everyone listed, a recovery key when a new one had to be
   * made (else ''), anyone also deactivated because no key could be sealed to them, and the session.
   */
  deactivateUser(userId: string): Promise<{ users: User[]; recoveryKey: string; alsoDeactivated: string[]; backupsLeft: number; session: Session }>;
  /** Let a deactivated person back in with a passphrase the administrator sets; they must change it at their first unlock. */
  reactivateUser(userId: string, passphrase: string): Promise<User>;
  /** Change a login's role; the last active administrator keeps theirs. */
  changeUserRole(userId: string, role: Role): Promise<User>;
  /** At their next unlock the person must choose a new passphrase before anything else. */
  requirePassphraseChange(userId: string): Promise<User>;
  listBackups(): Promise<BackupInfo[]>;
  createBackup(reason: string): Promise<BackupInfo>;
  /** An encrypted copy of the whole store, saved where the user chooses (the file saver). */
  saveBackupCopy(): Promise<{ saved: boolean; fileName: string; bytes: number }>;
  /**
   * Every restore refuses a backup with cases that do not open, listing them (CORRUPT, details
   * `recoverable` and `lost`); asked again with `partial`, it restores the rest and `lost` names
   * the cases left out, by reference.
   */
  restoreBackup(id: string, partial?: boolean): Promise<Restored<true>>;
  /** Verify a backup file the user chooses (the file picker) with the current key, then replace the store with it. */
  restoreBackupFile(partial?: boolean): Promise<Restored<boolean>>;
  /**
   * Restore without unlocking first, for when the casebook will not open: the passphrase must
   * open the backup itself. Works on an empty folder too (restoring onto a new computer).
   */
  restoreWhileLocked(source: { backupId: string } | { file: string } | { bytes: Uint8Array; name: string }, userIdOrName: string, passphrase: string, partial?: boolean): Promise<Restored<true>>;
  /** restoreWhileLocked with a backup file the user chooses. */
  restoreFileWhileLocked(userIdOrName: string, passphrase: string, partial?: boolean): Promise<Restored<boolean>>;
  /** Not a command (tests only): resolves when the background check of case files started at the last unlock has finished or stopped. */
  casesChecked(): Promise<void>;
  listAudit(f: AuditFilter): Promise<{ total: number; entries: AuditEntry[] }>;
  verify(): Promise<VerifyResult>;
  /** An administrator's decision to keep a casebook that does not match its last save (instead of restoring a backup). */
  acceptAsItIs(): Promise<Session>;
  /**
   * Administrators only, after a suspected leak: a new data key for every file, a new recovery key
   * (returned once) and a new passphrase for each other person; anyone not given one is removed
   * (named in `removed`). The casebook stays open with the new key.
   */
  rotateDataKey(i: { passphrase: string; others: { userId: string; passphrase: string }[] }): Promise<{ recoveryKey: string; removed: string[]; backupsLeft: number; session: Session }>;
  listCases(f: { stage?: Stage | undefined; query?: string | undefined }): CaseSummary[];
  /** Refused unless the person may see the case; `recordView` when a person asked to see it (the command does; the service's own reads and tests need not). */
  getCase(id: string, o?: { recordView?: boolean }): Promise<Case>;
  /** Insert or replace a whole case (validated); bumps revision; audit-logged. For tests and benchmarks. */
  saveCase(c: Case): Promise<Case>;
  /** Check a case file the user chooses, without touching the casebook. */
  checkCaseFile(): Promise<CaseFileCheck>;
  /** Import the case file the user chooses: all of its cases or none; audit-logged one entry per case. */
  importCaseFile(context?: CallContext): Promise<{ picked: boolean; imported: number }>;
  /** All-or-nothing import of already-validated cases (the demo generator, tests). */
  importCases(cases: Case[]): Promise<{ imported: number }>;
  /** Every case as a case file, saved where the user chooses; audit-logged once saved. */
  exportCases(): Promise<{ saved: boolean; fileName: string; cases: number; bytes: number }>;
  addDemoCases(i: { count: number; seed: string; append?: boolean | undefined }, context?: CallContext): Promise<{ imported: number; seed: string }>;
  /** Ask the update address in the settings whether a newer version is out; downloads nothing. */
  checkForUpdates(): Promise<UpdateCheck>;
  /** How far the long work running now (an evidence pack) has got; idle when none is. */
  workProgress(): Promise<WorkProgress>;
  /** Ask the long work running now to stop before it writes anything; false when that work is not running. */
  cancelWork(task: WorkTask): Promise<{ cancelling: boolean }>;
  close(): Promise<void>;
  readonly cases: CasesApi;
  readonly referrals: ReferralsApi;
  readonly staff: StaffApi;
  readonly quality: QualityApi;
  readonly conferences: ConferencesApi;
  readonly figures: FiguresApi;
  readonly documents: DocumentsApi;
  readonly dataProtection: DataProtectionApi;
  readonly dailyWork: DailyWorkApi;
  readonly sync: SyncApi;
}

/** What a restore answers: `lost` only when it was asked to restore what opens. */
export type Restored<R extends boolean> = { restored: R; lost?: string[] };
