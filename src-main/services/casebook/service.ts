import { promises as fs } from 'node:fs';
import { matchesAuditFilter, type AuditFilter } from '../../domain/casebook/audit';
import { CaseSchema, type Case, type Stage } from '../../domain/cases/case';
import { CasebookError } from '../../domain/shared/errors';
import { SettingsSchema, type SettingsPatch } from '../../domain/casebook/settings';
import type { Role } from '../../domain/access/roles';
import type { User } from '../../domain/casebook/user';
import type { Session, Status } from '../../ipc/contract';
import { AuditLog } from '../../store/audit-log';
import { parseBundle, verifyBundle } from '../../store/backup-bundle';
import { buildBundle } from '../../store/backup-bundle';
import { listBackupFiles } from '../../store/backups';
import { writeFileDurably } from '../../store/durable-write';
import { newId } from '../../store/ids';
import { createStore, inspectStore, recoverStore, unlockStore, type OpenOptions } from '../../store/open-store';
import { isStale, readHolder } from '../../store/lock-file';
import { serialQueue } from './serial-queue';
import type { Store } from '../../store/store';
import type { CasebookApi } from './api';
import { searchCases } from '../cases/case-search';
import { verifyStore } from './verify-store';
import { readBundleFrom, restoreWithPassphrase } from '../../store/restore';
import { loadCaseworkTemplates, type TemplateDirs } from '../templates/loader';
import { createCasework } from '../cases';
import { createDocuments, type FileSaver } from '../documents/documents-service';
import { createProcess, type FilePicker } from '../conferences';

export interface ServiceOptions extends OpenOptions, TemplateDirs {
  storeDir: string;
  /** Where "Save as PDF/DOCX" puts a document (a save dialog in Electron). Without one, saving is refused. */
  fileSaver?: FileSaver | undefined;
  /** Where "Attach a file" gets one (an open dialog in Electron). Without one, attaching is refused. */
  filePicker?: FilePicker | undefined;
  /** The folder holding templates/documents and resources/fonts (default: the app's own). */
  documentsRoot?: string | URL | undefined;
}

/**
 * The use cases of the secure foundation over one store folder. Holds at most one unlocked
 * store; locking closes it, wipes the key and tells every listener so the UI clears itself.
 */
export async function createCasebookService(o: ServiceOptions): Promise<CasebookApi> {
  const dir = o.storeDir;
  let store: Store | undefined;
  const listeners = new Set<(reason: string) => void>();
  // The casework data files are read once, here: a mistake in one stops start-up with its line.
  const templates = await loadCaseworkTemplates(o);

  const need = (): Store => {
    if (!store) throw new CasebookError('LOCKED', 'The casebook is locked: unlock it first');
    return store;
  };
  const casework = createCasework(need, templates);
  const run = serialQueue();
  const documents = createDocuments(need, templates, { root: o.documentsRoot, fileSaver: o.fileSaver, summarise: () => casework.internals.summariser(), serial: run });
  const processApi = createProcess(need, templates, { fileSaver: o.fileSaver, filePicker: o.filePicker, serial: run });
  const session = (s: Store): Session => ({ user: s.user, settings: s.index.settings, readOnly: s.readOnly });
  const admin = (s: Store) => {
    if (s.user.role !== 'administrator') throw new CasebookError('FORBIDDEN', 'Only administrators may do this');
  };
  const replace = async (next: Store) => {
    if (store) await store.close();
    store = next;
    // Search keys for every case row, computed in the background so the first search is quick.
    casework.internals.prime();
    return session(next);
  };
  const audit = (s: Store, action: string, entity: { type: string; id: string }, fields: string[] = []) =>
    s.readOnly ? Promise.resolve() : s.commit([], [s.draft(action, entity, fields)]);

  /** A routine backup on the first unlock of each day, so a bad day can be undone. */
  const dailyBackup = async (s: Store) => {
    if (s.readOnly) return;
    const newest = (await listBackupFiles(dir))[0];
    if (newest && s.opts.now().getTime() - Date.parse(newest.createdAt) < 86_400_000) return;
    await s.backup('daily').catch(() => undefined);
  };

  const api: CasebookApi = {
    async status(): Promise<Status> {
      if (store) return { state: 'unlocked', users: [], session: session(store), ...(store.heldBy ? { heldBy: store.heldBy } : {}) };
      const s = await inspectStore(dir);
      if (s.state !== 'ready') return { state: 'uninitialised', users: [] };
      const holder = await readHolder(dir);
      return {
        state: 'locked',
        users: s.keyring.users.map((u) => ({ id: u.userId, name: u.name })),
        ...(holder && holder.pid !== process.pid && !isStale(holder) ? { heldBy: holder } : {}),
      };
    },
    currentSession: () => (store ? session(store) : undefined),
    async create(i) {
      if (store) throw new CasebookError('CONFLICT', 'A casebook is already open');
      const { store: s, recoveryKey } = await createStore(dir, i, o);
      return { recoveryKey, session: await replace(s) };
    },
    async unlock(who, passphrase) {
      if (store) throw new CasebookError('CONFLICT', 'The casebook is already unlocked; lock it first to unlock as someone else');
      const s = await unlockStore(dir, who, passphrase, o);
      await audit(s, 'session.unlock', { type: 'user', id: s.user.id });
      await dailyBackup(s);
      return replace(s);
    },
    async recover(userId, key, next) {
      if (store) throw new CasebookError('CONFLICT', 'The casebook is already unlocked; lock it first');
      return replace(await recoverStore(dir, userId, key, next, o));
    },
    async lock(reason) {
      if (!store) return;
      const s = store;
      store = undefined;
      // After a restore the trail already records it, and the old session must not write to it.
      if (reason !== 'restore') await audit(s, 'session.lock', { type: 'user', id: s.user.id }, [reason]).catch(() => undefined);
      await s.close();
      for (const l of listeners) l(reason);
    },
    onLocked(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    async changePassphrase(current, next) {
      const s = need();
      await s.rewrapForUser(s.user.id, current, next);
      return { changed: true };
    },
    settings: () => need().index.settings,
    async updateSettings(patch: SettingsPatch) {
      const s = need();
      admin(s);
      // A key sent with the value undefined means "not changed", not "remove".
      const given = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as SettingsPatch;
      const parsed = SettingsSchema.safeParse({ ...s.index.settings, ...given });
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
        throw new CasebookError('INVALID_INPUT', issues.map((i) => `${i.path}: ${i.message}`).join('; '), { issues });
      }
      const next = parsed.data;
      patch = given;
      const changed = Object.keys(patch).filter((k) => JSON.stringify(patch[k as keyof SettingsPatch]) !== JSON.stringify(s.index.settings[k as keyof SettingsPatch]));
      if (changed.length === 0) return s.index.settings;
      await s.updateIndex({ ...s.index, settings: next }, [s.draft('settings.update', { type: 'settings', id: 'service' }, changed)]);
      return next;
    },
    users: () => need().index.users,
    async addUser(i: { name: string; role: Role; passphrase: string }) {
      const s = need();
      admin(s);
      if (s.index.users.some((u) => u.name.toLocaleLowerCase('en-GB') === i.name.toLocaleLowerCase('en-GB'))) {
        throw new CasebookError('CONFLICT', `There is already a user called ${i.name}; use a different name`);
      }
      const user: User = { id: newId('u'), name: i.name, role: i.role, createdAt: s.opts.now().toISOString() };
      await s.setUserWrap(user.id, i.passphrase, 'user.add', { name: user.name, index: { ...s.index, users: [...s.index.users, user] } });
      return user;
    },
    async listBackups() {
      need();
      return (await listBackupFiles(dir)).map(({ rel: _rel, ...b }) => b);
    },
    async createBackup(reason) {
      const s = need();
      const b = await s.backup(reason);
      await audit(s, 'backup.create', { type: 'backup', id: b.id }, [reason]);
      return b;
    },
    async restoreBackup(id) {
      const s = need();
      admin(s);
      const { bundle, rel } = await s.readBackup(id);
      await s.restore(bundle, rel);
      await api.lock('restore');
      return { restored: true };
    },
    async exportBackupFile(outFile) {
      const s = need();
      const bytes = await buildBundle(dir, s.dk, { storeId: s.index.storeId, reason: 'export', now: s.opts.now() });
      await writeFileDurably(outFile, bytes, 'the backup file');
      await audit(s, 'backup.export', { type: 'backup', id: 'file' });
      return { bytes: bytes.length };
    },
    async restoreBackupFile(inFile) {
      const s = need();
      admin(s);
      const bytes = await fs.readFile(inFile).catch(() => {
        throw new CasebookError('NOT_FOUND', 'The backup file could not be read; check the path');
      });
      const bundle = parseBundle(bytes, 'the backup file');
      verifyBundle(bundle, s.dk, 'the backup file');
      await s.restore(bundle, 'the backup file');
      await api.lock('restore');
      return { restored: true };
    },
    async restoreWhileLocked(source, who, passphrase) {
      if (store) throw new CasebookError('CONFLICT', 'Lock the casebook before restoring this way, or restore from Settings');
      const { bundle, name } = await readBundleFrom(dir, source);
      await restoreWithPassphrase(dir, bundle, name, who, passphrase);
      for (const l of listeners) l('restore');
      return { restored: true };
    },
    async listAudit(f: AuditFilter) {
      const s = need();
      const all = (await new AuditLog(dir, s.dk).readAll()).entries.filter((e) => matchesAuditFilter(e, f)).reverse();
      return { total: all.length, entries: all.slice(f.offset, f.offset + f.limit) };
    },
    verify: () => verifyStore(need()),
    listCases: (f: { stage?: Stage; query?: string }) => searchCases(need().summaries.all(), f),
    getCase: (id) => need().readCase(id),
    async saveCase(c: Case) {
      const s = need();
      const prev = s.summaries.get(c.id);
      const next = CaseSchema.parse({ ...c, revision: (prev?.revision ?? 0) + 1, updatedAt: s.opts.now().toISOString() });
      await s.saveCasesWith([next], [s.draft(prev ? 'case.update' : 'case.create', { type: 'case', id: c.id })], { summarise: casework.internals.summariser() });
      return next;
    },
    async importCases(cases) {
      const s = need();
      admin(s);
      const refs = new Set(s.summaries.all().map((r) => r.reference));
      for (const c of cases) {
        if (s.summaries.get(c.id)) throw new CasebookError('CONFLICT', `Case ${c.reference} (${c.id}) is already in this casebook; nothing was imported`);
        if (refs.has(c.reference)) throw new CasebookError('CONFLICT', `Reference ${c.reference} is already used in this casebook; nothing was imported`);
        refs.add(c.reference);
      }
      await s.saveCasesWith(cases, cases.map((c) => s.draft('case.import', { type: 'case', id: c.id })), { summarise: casework.internals.summariser() });
      return { imported: cases.length };
    },
    async exportCases() {
      const s = need();
      admin(s);
      const out: Case[] = [];
      for (const row of s.summaries.all()) out.push(await s.readCase(row.id));
      await audit(s, 'cases.export', { type: 'casebook', id: s.index.storeId }, [`${out.length} cases`]);
      return out;
    },
    async close() {
      if (store) await api.lock('system');
    },
    recordDocumentGenerated: (e) => documents.recordDocumentGenerated(e),
    casework: casework.api,
    documents,
    process: processApi,
  };
  return serialised(api, run);
}

/**
 * Every command of the service runs one at a time (see serial-queue), casework's included;
 * listeners are synchronous. Reads that only look at memory (the case list, the dashboard)
 * answer at once rather than waiting behind a save.
 */
function serialised(api: CasebookApi, run: ReturnType<typeof serialQueue>): CasebookApi {
  const queued = <T extends object>(obj: T, direct: ReadonlySet<string>): T => {
    const out = {} as Record<string, unknown>;
    for (const [name, fn] of Object.entries(obj) as [string, unknown][]) {
      if (typeof fn !== 'function') continue;
      const f = fn as (...a: unknown[]) => unknown;
      out[name] = direct.has(name) ? f : (...args: unknown[]) => run(async () => f(...args));
    }
    return out as T;
  };
  // Documents queue their own store work (the save dialog must not hold the queue); so does recording one.
  const out = queued(api, new Set<keyof CasebookApi>(['currentSession', 'onLocked', 'settings', 'users', 'listCases', 'recordDocumentGenerated']));
  const casework = queued(api.casework, new Set<keyof CasebookApi['casework']>(['getCaseworkReference', 'queryCaseload', 'getDashboard']));
  // The process API queues its own store work (saving a venue, an export), like documents.
  return { ...out, casework, documents: api.documents, process: api.process };
}
