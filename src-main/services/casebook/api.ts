import type { AuditEntry, AuditFilter } from '../../domain/casebook/audit';
import type { Case, CaseSummary, Stage } from '../../domain/cases/case';
import type { Settings, SettingsPatch } from '../../domain/casebook/settings';
import type { Role } from '../../domain/access/roles';
import type { User } from '../../domain/casebook/user';
import type { BackupInfo, Session, Status } from '../../ipc/contract';
import type { CaseworkApi } from '../cases/api';
import type { DocumentsApi } from '../documents/documents-service';
import type { ProcessApi } from '../conferences';

/**
 * What the services layer offers to the IPC registry, the CLI and tests. One instance per
 * store folder and per process; it holds at most one unlocked session.
 */
export interface CasebookApi {
  status(): Promise<Status>;
  currentSession(): Session | undefined;
  create(i: { serviceName: string; userName: string; passphrase: string }): Promise<{ recoveryKey: string; session: Session }>;
  /** userId may also be a user's name (case-insensitive) for the CLI's --user NAME. */
  unlock(userIdOrName: string, passphrase: string): Promise<Session>;
  recover(userId: string, recoveryKey: string, newPassphrase: string): Promise<Session>;
  lock(reason: 'manual' | 'idle' | 'system' | 'restore'): Promise<void>;
  /** Called whenever the store locks, for whatever reason (so Electron can tell the renderer). */
  onLocked(listener: (reason: string) => void): () => void;
  changePassphrase(current: string, next: string): Promise<{ changed: true }>;
  settings(): Settings;
  updateSettings(patch: SettingsPatch): Promise<Settings>;
  users(): User[];
  addUser(i: { name: string; role: Role; passphrase: string }): Promise<User>;
  listBackups(): Promise<BackupInfo[]>;
  createBackup(reason: string): Promise<BackupInfo>;
  restoreBackup(id: string): Promise<{ restored: true }>;
  /** Write a single-file backup of the whole store (still encrypted) to outFile. */
  exportBackupFile(outFile: string): Promise<{ bytes: number }>;
  /** Verify a backup file with the current key, then replace the store with it. */
  restoreBackupFile(inFile: string): Promise<{ restored: true }>;
  /**
   * Restore without unlocking first, for when the casebook will not open: the passphrase must
   * open the backup itself. Works on an empty folder too (restoring onto a new computer).
   */
  restoreWhileLocked(source: { backupId: string } | { file: string }, userIdOrName: string, passphrase: string): Promise<{ restored: true }>;
  listAudit(f: AuditFilter): Promise<{ total: number; entries: AuditEntry[] }>;
  verify(): Promise<{ ok: boolean; entries: number; problems: { file: string; message: string }[] }>;
  listCases(f: { stage?: Stage; query?: string }): CaseSummary[];
  getCase(id: string): Promise<Case>;
  /** Insert or replace a case (validated); bumps revision; audit-logged. */
  saveCase(c: Case): Promise<Case>;
  /** All-or-nothing import of already-validated cases; audit-logged as one entry per case. */
  importCases(cases: Case[]): Promise<{ imported: number }>;
  /** Administrator only; audit-logged. */
  exportCases(): Promise<Case[]>;
  close(): Promise<void>;
  /** Referrals, the case workflow, staff, caseload and dashboard (issue 3). */
  readonly casework: CaseworkApi;
  /** Preview and save documents (issue 4). */
  readonly documents: DocumentsApi;
  /** Venues, calendar, figures and their exports (issue 5). */
  readonly process: ProcessApi;
  /** Record a document made outside the Documents tab (the CLI): audit trail and case timeline, never the content. */
  recordDocumentGenerated(e: { caseId?: string; kind: string; format: string; participantId?: string }): Promise<void>;
}
