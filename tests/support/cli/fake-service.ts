import { serviceCompliance } from '../../../src-main/domain/staff/compliance';
import { SHIPPED_QUALITY_RULES } from '../quality-rules';
import { readFile } from 'node:fs/promises';
import type { StaffMember } from '../../../src-main/domain/staff/staff';
import type { CpdEntry, ObservedPractice, SupervisionEntry } from '../../../src-main/domain/staff/register';
import type { StaffRecord } from '../../../src-main/domain/staff/record';
import { detectImportKind, type ImportRegisterInput } from '../../../src-main/domain/staff/import-layout';
import type { PolicyList } from '../../../src-main/domain/quality/policies';
import { frameworkChoices } from '../../../src-main/services/quality/frameworks';
import { loadCaseworkTemplates } from '../../../src-main/services/templates/loader';
import type { ComplaintList } from '../../../src-main/domain/quality/complaints';
import type { SubjectAccessRequest } from '../../../src-main/domain/data-protection/subject-access/request';
import { fakeSubjectAccess } from './fake-subject-access';
import { fakeDailyWork } from './fake-daily-work';
import { fakeSync } from './fake-sync';
import { registerCsvRows } from '../../../src-main/domain/staff/register-csv';
import type { Venue } from '../../../src-main/domain/conferences/venue';
import { CaseSchema, summarise, type Case } from '../../../src-main/domain/cases/case';
import { CasebookError } from '../../../src-main/domain/shared/errors';
import { defaultSettings, type Settings } from '../../../src-main/domain/casebook/settings';
import type { Role } from '../../../src-main/domain/access/roles';
import type { User } from '../../../src-main/domain/casebook/user';
import type { Session, Status } from '../../../src-main/ipc/contract';
import type { CasebookService } from '../../../src-main/services/casebook/api';
import type { FilePorts } from '../../../src-main/services/shared/files';
import { addDemoCases } from '../../../src-main/services/casebook/demo';
import { parseCaseFileBytes, toCaseFile } from '../../../src-main/domain/cases/case-file';

/**
 * An in-memory CasebookService for driving the CLI in-process. State lives in a FakeWorld keyed by
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
  /** The staff register `staff compliance` judges (with the shipped rules file), when a test sets one. */
  register?: StaffRecord[];
  /** What `staff import` sent, in order. */
  imports?: ImportRegisterInput[];
  /** What `policies list` and `complaints list` show, when a test sets them (the real rules are tested in tests/quality). */
  policies?: PolicyList;
  complaints?: ComplaintList;
  /** The subject access register `sar new` adds to and `sar list` shows (its rules: tests/data-protection). */
  subjectAccess?: SubjectAccessRequest[];
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

  open = async (dir: string, files: FilePorts): Promise<CasebookService> => {
    this.opened++;
    return createFakeService(this, dir, files);
  };
}

const publicUser = ({ passphrase: _p, ...u }: User & { passphrase: string }): User => u;
export function createFakeService(world: FakeWorld, dir: string, files: FilePorts = {}): CasebookService {
  let current: (User & { passphrase: string }) | undefined;
  const store = () => world.stores.get(dir);
  const need = () => {
    const s = store();
    if (!s || !current) throw new CasebookError('LOCKED', 'The casebook is locked: unlock it first');
    return { s, user: current };
  };
  const session = (): Session => {
    const { s, user } = need();
    const h = s.heldBy;
    const notices: Session['notices'] = h ? [{ kind: 'in-use' as const, message: `This casebook is open read-only because ${h.user} on ${h.host} has had it open since ${h.since}.`, problems: [] }] : [];
    // Like the real store: files that do not match the last save open it read-only, named.
    if (s.problems.length > 0) notices.push({ kind: 'does-not-match', message: 'This casebook does not match its own record of its last save.', problems: s.problems });
    return { user: publicUser(user), settings: s.settings, readOnly: notices.length > 0, notices };
  };
  const admin = () => {
    if (need().user.role !== 'administrator') throw new CasebookError('FORBIDDEN', 'Only administrators may do this');
  };
  const parseBackup = (text: string): FakeStore => {
    const raw = JSON.parse(text) as Omit<FakeStore, 'cases'> & { cases: Case[] };
    return { ...raw, cases: new Map(raw.cases.map((c) => [c.id, c])) };
  };
  const readBackup = async (file: string): Promise<FakeStore> => parseBackup(await readFile(file, 'utf8'));
  const pick = async () => {
    const f = await files.filePicker?.pick(Number.MAX_SAFE_INTEGER);
    if (!f) throw new Error('the fake needs a file to read');
    return f;
  };
  const save = async (name: string, text: string) => {
    await files.fileSaver?.save(name, new TextEncoder().encode(text), 'json');
    return Buffer.byteLength(text);
  };
  const notImplemented = () => {
    throw new Error(`not implemented in the fake service (at ${dir})`);
  };

  // Staff and venues the demo command adds, kept for this service only.
  let demoStaff: StaffMember[] = [];
  let demoVenues: Venue[] = [];
  const missing = (group: string) =>
    new Proxy({}, {
      get: (_t, name) => () => {
        throw new CasebookError('INTERNAL', `${group}.${String(name)} is not in the fake service`);
      },
    });
  const addEntry = (staffId: string | undefined, field: 'cpd' | 'supervision' | 'observed' | 'training', { staffId: _id, ...entry }: { staffId?: string }) => {
    need();
    const m = store()?.register?.find((x) => x.id === staffId);
    if (!m) throw new CasebookError('INVALID_INPUT', 'There is no member of staff with that id.');
    (m[field] as unknown[] | undefined) = [...(m[field] ?? []), entry];
    return m;
  };
  const staffApi = {
    // The real rules over the test's register: the CLI's part is choosing the day and the output.
    getCompliance: async (i: { at?: string }) => {
      need();
      return serviceCompliance(store()?.register ?? [], i.at ?? '2026-03-01', SHIPPED_QUALITY_RULES);
    },
    // The register's entries land on the test's register as given; the real checks are the service's (tests/staff).
    getStaffRecords: async (i: { staffId?: string; everyone?: boolean }) => {
      need();
      const all = store()?.register ?? [];
      return i.everyone ? all : all.filter((m) => m.id === i.staffId);
    },
    recordCpd: async (i: { staffId?: string } & CpdEntry) => addEntry(i.staffId, 'cpd', i),
    recordSupervision: async (i: { staffId: string } & SupervisionEntry) => addEntry(i.staffId, 'supervision', i),
    recordObservedPractice: async (i: { staffId: string } & ObservedPractice) => addEntry(i.staffId, 'observed', i),
    // The leaver on the test's register; moving cases is the service's (tests/staff/leaver.test.ts).
    markLeaver: async (i: { staffId: string; leftOn: string }) => {
      need();
      const m = store()?.register?.find((x) => x.id === i.staffId);
      if (!m) throw new CasebookError('INVALID_INPUT', 'There is no member of staff with that id.');
      Object.assign(m, { ended: i.leftOn, active: false });
      return { moved: 0, record: m };
    },
    saveStaffMember: async (m: Omit<StaffMember, 'id'>) => {
      const member = { ...m, id: `s_fake${String(demoStaff.length + (store()?.register?.length ?? 0)).padStart(4, '0')}` };
      demoStaff = [...demoStaff, member];
      // With a test register, a new member joins it, so `staff add` then `staff list` sees them.
      store()?.register?.push(member);
      return store()?.register ?? demoStaff;
    },
    saveRegisterDetails: async ({ staffId, ...details }: { staffId: string }) => {
      need();
      const m = store()?.register?.find((x) => x.id === staffId);
      if (!m) throw new CasebookError('INVALID_INPUT', 'There is no member of staff with that id.');
      return Object.assign(m, details);
    },
    // Training lands on the test's register as given; a certificate is only named (the real store keeps it: tests/staff).
    recordTraining: async ({ staffId, withCertificate, ...entry }: { staffId: string; withCertificate?: boolean }) => {
      const file = withCertificate ? await pick() : undefined;
      const m = addEntry(staffId, 'training', entry);
      if (file) Object.assign(m.training!.at(-1)!, { certificate: 'f'.repeat(64) });
      return { picked: true, record: m };
    },
    saveCertificate: async (i: { staffId: string; certificate: string }) => {
      need();
      const name = 'certificate.pdf';
      await save(name, '%PDF-1.4 fake certificate');
      store()?.audit.push(`certificate.export ${i.staffId}`);
      return { saved: true, fileName: name };
    },
    // The rows are kept as the test's world sees them: the real checks are the service's (tests/staff/register-import.test.ts).
    importRegister: async (i: ImportRegisterInput) => {
      need();
      const s = store()!;
      s.imports = [...(s.imports ?? []), i];
      return { kind: i.kind ?? detectImportKind(i.columns) ?? 'staff', rows: i.rows.length, added: 0, updated: 0 };
    },
    // The chosen file read as the real service reads it, then kept like importRegister's rows.
    importRegisterFile: async (i: { kind?: ImportRegisterInput['kind'] }) => {
      need();
      const f = await files.filePicker?.pick(Number.MAX_SAFE_INTEGER, 'register-csv');
      if (!f) return { picked: false };
      const rows = registerCsvRows(f.bytes, f.name);
      const s = store()!;
      s.imports = [...(s.imports ?? []), { ...i, ...rows }];
      return { picked: true, fileName: f.name, result: { kind: i.kind ?? detectImportKind(rows.columns) ?? 'staff', rows: rows.rows.length, added: 0, updated: 0 } };
    },
  };
  const conferencesApi = { saveVenue: async (v: Omit<Venue, 'id'>) => (demoVenues = [...demoVenues, { ...v, id: `v_fake${String(demoVenues.length).padStart(4, '0')}` }]) };
  const casesApi = { getCaseworkReference: () => ({ staff: store()?.register ?? demoStaff, venues: demoVenues }) as unknown as ReturnType<CasebookService['cases']['getCaseworkReference']> };
  const importCases = async (cases: Case[]) => {
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
  };

  const api: CasebookService = {
    async status(): Promise<Status> {
      const s = store();
      if (!s) return { state: 'uninitialised', users: [] };
      if (current) return { state: 'unlocked', users: [], session: session(), ...(s.heldBy ? { heldBy: s.heldBy } : {}) };
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
      const s = store();
      const u = s?.users.find((x) => x.id === who || x.name.toLowerCase() === who.trim().toLowerCase());
      // Recorded by name, whichever the caller gave, so tests can say who unlocked.
      world.unlocks.push({ who: u?.name ?? who, passphrase });
      if (!s) throw new CasebookError('NOT_FOUND', 'There is no casebook in this folder yet; create one first');
      if (!u || u.passphrase !== passphrase) throw new CasebookError('AUTH_FAILED', 'That passphrase is not right. Check Caps Lock and try again; nothing was changed.');
      if (world.corruptOnUnlock) throw new CasebookError('CORRUPT', 'index.cbk cannot be decrypted; restore it from a backup', { file: 'index.cbk' });
      current = u;
      return session();
    },
    recover: notImplemented,
    async lock() {
      current = undefined;
    },
    reportActivity: async () => ({}),
    checkIdle: async () => false,
    onLocked: () => () => undefined,
    changePassphrase: notImplemented,
    settings: () => need().s.settings,
    updateSettings: notImplemented,
    ...{ chooseServiceLogo: notImplemented, setServiceLogo: notImplemented, removeServiceLogo: notImplemented, serviceLogo: async () => ({}) },
    updateCaseworkSettings: notImplemented,
    users: () => need().s.users.map(publicUser),
    addUser: notImplemented,
    listBackups: async () => [],
    createBackup: notImplemented,
    restoreBackup: notImplemented,
    // The fake "backup" is plain JSON of the whole fake store: enough to see what was restored.
    async saveBackupCopy() {
      admin();
      const { s } = need();
      const bytes = await save('backup.json', JSON.stringify({ ...s, cases: [...s.cases.values()] }));
      return { saved: true, fileName: 'backup.json', bytes };
    },
    async restoreBackupFile() {
      admin();
      const backup = parseBackup(new TextDecoder().decode((await pick()).bytes));
      world.stores.set(dir, backup);
      world.restores.push({ dir, how: 'unlocked' });
      current = undefined;
      return { restored: true };
    },
    async restoreWhileLocked(source, who, passphrase) {
      if (current) throw new CasebookError('CONFLICT', 'Lock the casebook before restoring this way');
      if (!('file' in source) && !('bytes' in source)) return notImplemented();
      const backup = 'file' in source ? await readBackup(source.file) : parseBackup(new TextDecoder().decode(source.bytes));
      const u = backup.users.find((x) => x.id === who || x.name.toLowerCase() === who.trim().toLowerCase());
      if (!u || u.passphrase !== passphrase) throw new CasebookError('AUTH_FAILED', 'That passphrase does not open the backup file; nothing was changed');
      world.stores.set(dir, backup);
      world.restores.push({ dir, how: 'locked' });
      return { restored: true };
    },
    async restoreFileWhileLocked(who, passphrase) {
      const f = await pick();
      return api.restoreWhileLocked({ bytes: f.bytes, name: f.name }, who, passphrase);
    },
    listAudit: async () => ({ total: 0, entries: [] }),
    // The fake store has no case files to check.
    casesChecked: async () => undefined,
    async verify() {
      const { s } = need();
      return { ok: s.problems.length === 0, entries: s.audit.length, problems: s.problems };
    },
    async deactivateUser(userId) {
      const { s } = need();
      s.users = s.users.map((u) => (u.id === userId ? { ...u, deactivatedAt: '2026-01-02T00:00:00.000Z' } : u));
      return { users: s.users.map(publicUser), recoveryKey: '', alsoDeactivated: [], backupsLeft: 0, session: session() };
    },
    reactivateUser: notImplemented,
    changeUserRole: notImplemented,
    requirePassphraseChange: notImplemented,
    async acceptAsItIs() {
      const { s } = need();
      if (s.problems.length === 0) throw new CasebookError('CONFLICT', 'This casebook matches its last save: there is nothing to accept.');
      s.problems = [];
      s.audit.push('casebook.accept-as-it-is');
      return session();
    },
    async rotateDataKey() {
      need();
      throw new CasebookError('CONFLICT', 'The fake service does not change keys');
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
    async checkCaseFile() {
      const r = parseCaseFileBytes((await pick()).bytes, { today: '2026-03-01' });
      return r.ok ? { picked: true, ok: true, cases: r.cases.length, newerVersion: false, problems: [] } : { picked: true, ok: false, cases: 0, newerVersion: r.code === 'NEWER_VERSION', problems: r.problems };
    },
    async importCaseFile() {
      const r = parseCaseFileBytes((await pick()).bytes, { today: '2026-03-01' });
      if (!r.ok) throw new CasebookError(r.code, 'The file has problems', { issues: r.problems });
      const { s } = need();
      const clashes = r.cases.flatMap((c, i) => [
        ...(s.cases.has(c.id) ? [{ path: `cases[${i}].id`, message: `${c.id} is already in the casebook` }] : []),
        ...([...s.cases.values()].some((x) => x.reference === c.reference) ? [{ path: `cases[${i}].reference`, message: `${c.reference} is already in the casebook` }] : []),
      ]);
      if (clashes.length > 0) throw new CasebookError('CONFLICT', `${clashes.length} case ids or references already exist in the casebook; nothing was imported. Existing cases are never overwritten by an import.`, { issues: clashes });
      return { picked: true, ...(await importCases(r.cases)) };
    },
    importCases,
    async exportCases() {
      admin();
      const { s } = need();
      const cases = [...s.cases.values()];
      const bytes = await save('cases.json', JSON.stringify(toCaseFile(cases, new Date('2026-03-01T12:00:00Z')), null, 2) + '\n');
      s.audit.push('cases.export');
      return { saved: true, fileName: 'cases.json', cases: cases.length, bytes };
    },
    addDemoCases: (i, c) =>
      addDemoCases(
        {
          cases: casesApi,
          staff: staffApi,
          conferences: conferencesApi,
          role: () => need().user.role,
          existing: () => [...need().s.cases.values()],
          now: () => new Date('2026-03-01T12:00:00Z'),
          importCases,
        },
        i,
        c,
      ),
    // The command line has no update check.
    checkForUpdates: (missing('casebook') as Pick<CasebookService, 'checkForUpdates'>).checkForUpdates,
    workProgress: async () => (need(), { step: 0, of: 0, label: '', cancelling: false }),
    cancelWork: async () => (need(), { cancelling: false }),
    async close() {
      world.closed++;
      current = undefined;
    },
    cases: { ...(missing('cases') as CasebookService['cases']), ...casesApi },
    referrals: missing('referrals') as CasebookService['referrals'],
    staff: { ...(missing('staff') as CasebookService['staff']), ...staffApi },
    conferences: { ...(missing('conferences') as CasebookService['conferences']), ...conferencesApi },
    quality: {
      ...(missing('quality') as CasebookService['quality']),
      listPolicies: async () => need().s.policies ?? { at: '2026-03-01', dueSoonDays: 28, policies: [] },
      listComplaints: async () => need().s.complaints ?? { at: '2026-03-01', complaints: [] },
      // The shipped framework files, as the real service offers them.
      listFrameworks: async () => {
        need();
        return frameworkChoices((await loadCaseworkTemplates()).frameworks);
      },
      // The health check's rules are tested in tests/quality; the fake answers as an untouched casebook would.
      getHealthCheck: async (i) => (need(), { framework: i.framework ?? 'rsqm', title: 'Restorative Service Quality Mark', frameworks: [], indicators: [], answers: [], evidence: [], progress: { overall: { met: 0, partly: 0, notYet: 0, unanswered: 0, total: 0 }, standards: [] }, gaps: [] }),
    },
    figures: missing('figures') as CasebookService['figures'],
    documents: missing('documents') as CasebookService['documents'],
    dataProtection: { ...(missing('dataProtection') as CasebookService['dataProtection']), ...fakeSubjectAccess(need) },
    dailyWork: { ...(missing('dailyWork') as CasebookService['dailyWork']), ...fakeDailyWork(need, () => store()?.register ?? demoStaff) },
    sync: fakeSync({ world, dir, store, need, signIn: (u) => ((current = u), session()) }),
  };
  return api;
}
