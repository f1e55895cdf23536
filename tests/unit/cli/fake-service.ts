import { writeFile, readFile } from 'node:fs/promises';
import { CaseSchema, summarise, type Case } from '../../../src-main/domain/cases/case';
import { CasebookError } from '../../../src-main/domain/shared/errors';
import { defaultSettings, type Settings } from '../../../src-main/domain/casebook/settings';
import type { Role } from '../../../src-main/domain/access/roles';
import type { User } from '../../../src-main/domain/casebook/user';
import type { Session, Status } from '../../../src-main/ipc/contract';
import type { CasebookApi } from '../../../src-main/services/casebook/api';

/**
 * An in-memory CasebookApi for driving the CLI in-process. State lives in a FakeWorld keyed by
 * store folder, so several CLI runs against one folder see each other's changes, as they
 * would with the real store. Knobs on the world simulate a held lock or a damaged store.
 */
export interface FakeStore {
  settings: Settings;
  users: (User & { passphrase: string })[];
  cases: Map<string, Case>;
  audit: string[];
  heldBy?: { user: string; host: string; pid: number; since: string };
  problems: { file: string; message: string }[];
}

export class FakeWorld {
  readonly stores = new Map<string, FakeStore>();
  opened = 0;
  closed = 0;
  /** Every (user, passphrase) pair passed to unlock, to prove where passphrases came from. */
  readonly unlocks: { who: string; passphrase: string }[] = [];
  readonly restores: { dir: string; how: 'locked' | 'unlocked' }[] = [];
  /** Set to make unlock fail as the real store does when its index is damaged. */
  corruptOnUnlock = false;

  seed(dir: string, users: { name: string; role: Role; passphrase: string }[], serviceName = 'Test RJ Service'): FakeStore {
    const store: FakeStore = {
      settings: defaultSettings(serviceName),
      users: users.map((u, i) => ({ id: `u_fakeuser${String(i).padStart(4, '0')}`, name: u.name, role: u.role, createdAt: '2026-01-01T00:00:00.000Z', passphrase: u.passphrase })),
      cases: new Map(),
      audit: [],
      problems: [],
    };
    this.stores.set(dir, store);
    return store;
  }

  open = async (dir: string): Promise<CasebookApi> => {
    this.opened++;
    return createFakeService(this, dir);
  };
}

const publicUser = ({ passphrase: _p, ...u }: User & { passphrase: string }): User => u;

export function createFakeService(world: FakeWorld, dir: string): CasebookApi {
  let current: (User & { passphrase: string }) | undefined;
  const store = () => world.stores.get(dir);
  const need = () => {
    const s = store();
    if (!s || !current) throw new CasebookError('LOCKED', 'The casebook is locked: unlock it first');
    return { s, user: current };
  };
  const session = (): Session => {
    const { s, user } = need();
    return { user: publicUser(user), settings: s.settings, readOnly: Boolean(s.heldBy) };
  };
  const admin = () => {
    if (need().user.role !== 'administrator') throw new CasebookError('FORBIDDEN', 'Only administrators may do this');
  };
  const readBackup = async (file: string): Promise<FakeStore> => {
    const raw = JSON.parse(await readFile(file, 'utf8')) as Omit<FakeStore, 'cases'> & { cases: Case[] };
    return { ...raw, cases: new Map(raw.cases.map((c) => [c.id, c])) };
  };
  const notImplemented = () => {
    throw new Error(`not implemented in the fake service (at ${dir})`);
  };

  // Staff and venues the demo command adds, kept for this service only.
  let demoStaff: object[] = [];
  let demoVenues: object[] = [];
  const api: CasebookApi = {
    async status(): Promise<Status> {
      const s = store();
      if (!s) return { state: 'uninitialised', users: [] };
      if (current) return { state: 'unlocked', users: [], session: session() };
      return { state: 'locked', users: s.users.map((u) => ({ id: u.id, name: u.name })), ...(s.heldBy ? { heldBy: s.heldBy } : {}) };
    },
    currentSession: () => (current ? session() : undefined),
    async create(i) {
      if (store()) throw new CasebookError('CONFLICT', 'A casebook already exists in this folder; unlock it instead');
      const s = world.seed(dir, [{ name: i.userName, role: 'administrator', passphrase: i.passphrase }], i.serviceName);
      current = s.users[0];
      return { recoveryKey: 'ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567-ABCD-EFGH-IJKL-MNOP-QRST', session: session() };
    },
    async unlock(who, passphrase) {
      world.unlocks.push({ who, passphrase });
      const s = store();
      if (!s) throw new CasebookError('NOT_FOUND', 'There is no casebook in this folder yet; create one first');
      const u = s.users.find((x) => x.id === who || x.name.toLowerCase() === who.trim().toLowerCase());
      if (!u || u.passphrase !== passphrase) throw new CasebookError('AUTH_FAILED', 'That passphrase is not right. Check Caps Lock and try again; nothing was changed.');
      if (world.corruptOnUnlock) throw new CasebookError('CORRUPT', 'index.cbk cannot be decrypted; restore it from a backup', { file: 'index.cbk' });
      current = u;
      return session();
    },
    recover: notImplemented,
    async lock() {
      current = undefined;
    },
    onLocked: () => () => undefined,
    changePassphrase: notImplemented,
    settings: () => need().s.settings,
    updateSettings: notImplemented,
    users: () => need().s.users.map(publicUser),
    addUser: notImplemented,
    listBackups: async () => [],
    createBackup: notImplemented,
    restoreBackup: notImplemented,
    // The fake "backup" is plain JSON of the whole fake store: enough to see what was restored.
    async exportBackupFile(outFile) {
      admin();
      const { s } = need();
      const data = JSON.stringify({ ...s, cases: [...s.cases.values()] });
      await writeFile(outFile, data, { flag: 'wx' });
      return { bytes: Buffer.byteLength(data) };
    },
    async restoreBackupFile(inFile) {
      admin();
      const backup = await readBackup(inFile);
      world.stores.set(dir, backup);
      world.restores.push({ dir, how: 'unlocked' });
      current = undefined;
      return { restored: true };
    },
    async restoreWhileLocked(source, who, passphrase) {
      if (current) throw new CasebookError('CONFLICT', 'Lock the casebook before restoring this way');
      if (!('file' in source)) return notImplemented();
      const backup = await readBackup(source.file);
      const u = backup.users.find((x) => x.id === who || x.name.toLowerCase() === who.trim().toLowerCase());
      if (!u || u.passphrase !== passphrase) throw new CasebookError('AUTH_FAILED', 'That passphrase does not open the backup file; nothing was changed');
      world.stores.set(dir, backup);
      world.restores.push({ dir, how: 'locked' });
      return { restored: true };
    },
    listAudit: async () => ({ total: 0, entries: [] }),
    async verify() {
      const { s } = need();
      return { ok: s.problems.length === 0, entries: s.audit.length, problems: s.problems };
    },
    listCases(f) {
      const q = f.query?.toLowerCase();
      return [...need().s.cases.values()]
        .map(summarise)
        .filter((c) => (!f.stage || c.stage === f.stage) && (!q || `${c.reference} ${c.names.join(' ')}`.toLowerCase().includes(q)));
    },
    async getCase(id) {
      const c = need().s.cases.get(id);
      if (!c) throw new CasebookError('NOT_FOUND', 'Unknown case');
      return c;
    },
    async saveCase(c) {
      need().s.cases.set(c.id, c);
      return c;
    },
    async importCases(cases) {
      admin();
      const { s } = need();
      if (s.heldBy) throw new CasebookError('READ_ONLY', 'read only');
      for (const c of cases) {
        CaseSchema.parse(c);
        if (s.cases.has(c.id)) throw new CasebookError('CONFLICT', `Case ${c.reference} is already in this casebook; nothing was imported`);
      }
      for (const c of cases) {
        s.cases.set(c.id, c);
        s.audit.push(`case.import ${c.id}`);
      }
      return { imported: cases.length };
    },
    async exportCases() {
      admin();
      const { s } = need();
      s.audit.push('cases.export');
      return [...s.cases.values()];
    },
    async close() {
      world.closed++;
      current = undefined;
    },
    // The demo command adds its staff and venues first; anything else is a mistake in a test.
    casework: new Proxy({} as CasebookApi['casework'], {
      get: (_t, name) =>
        name === 'getCaseworkReference'
          ? () => ({ staff: demoStaff, venues: demoVenues })
          : name === 'saveStaffMember'
            ? async (m: object) => (demoStaff = [...demoStaff, { ...m, id: `s_fake${String(demoStaff.length).padStart(4, '0')}` }])
            : () => {
                throw new CasebookError('INTERNAL', `casework.${String(name)} is not in the fake service`);
              },
    }),
    documents: new Proxy({} as CasebookApi['documents'], {
      get: (_t, name) => () => {
        throw new CasebookError('INTERNAL', `documents.${String(name)} is not in the fake service`);
      },
    }),
    process: new Proxy({} as CasebookApi['process'], {
      get: (_t, name) =>
        name === 'saveVenue'
          ? async (v: object) => (demoVenues = [...demoVenues, { ...v, id: `v_fake${String(demoVenues.length).padStart(4, '0')}` }])
          : () => {
              throw new CasebookError('INTERNAL', `process.${String(name)} is not in the fake service`);
            },
    }),
    // The doc command records what it made; the fake has no timeline or trail to record it in.
    async recordDocumentGenerated() {},
  };
  return api;
}
