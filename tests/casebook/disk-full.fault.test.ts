import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { promises as fsp } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { CasebookError } from '../../src-main/domain/shared/errors';
import type { CasebookService } from '../../src-main/services/casebook/api';
import { createCasebookService } from '../../src-main/services/casebook/service';
import { PASS } from '../support/casebook';
import { restoreDir, sampleCase, snapshotDir, type FileSnap } from '../support/fault/fixtures';

/**
 * A full disk at each step of a multi-file commit. The fault is injected where it really
 * happens: the Nth temp file a durable write opens gets a handle whose write stores half the
 * data and then fails with ENOSPC. Every operation is first run without a fault to count its
 * durable writes, then once per write with that write failing. For each:
 *  - the call fails with WRITE_FAILED, says the disk is full, names a store file (never an
 *    absolute path), and leaves no temp file behind;
 *  - after locking and reopening, the store is whole (all of the previous state or all of the
 *    new one, trail included), verifies clean, and has no journal left;
 *  - the error says "Nothing was changed; the previous state is intact", so the reopened store
 *    must hold the previous state;
 *  - carrying on in the same session after the failure (another save) must not leave a mix.
 */
const NEW_PASS = 'a brand new passphrase here';
const CASE_ID = 'c_faultcase000000001';
const NEW_CASE_ID = 'c_faultcase000000002';
const LATER_CASE_ID = 'c_faultcase000000003';

const inject = { armed: false, failAt: 0, count: 0, rels: [] as string[], hits: 0 };
const realOpen = fsp.open.bind(fsp);

function enospc(path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`ENOSPC: no space left on device, write '${path}'`), { code: 'ENOSPC', errno: -28, syscall: 'write', path });
}

vi.spyOn(fsp, 'open').mockImplementation((async (path: Parameters<typeof fsp.open>[0], flags?: Parameters<typeof fsp.open>[1], mode?: Parameters<typeof fsp.open>[2]) => {
  const handle = await realOpen(path, flags, mode);
  if (inject.armed && typeof path === 'string' && path.endsWith('.tmp')) {
    inject.count++;
    // ".index.cbk.0a1b2c3d4e5f.tmp" → "index.cbk"
    inject.rels.push(basename(path).replace(/^\./, '').replace(/\.[0-9a-f]{12}\.tmp$/, ''));
    if (inject.count === inject.failAt) {
      inject.hits++;
      const realWrite = handle.writeFile.bind(handle);
      handle.writeFile = (async (data: Uint8Array) => {
        await realWrite(data.subarray(0, Math.floor(data.length / 2)));
        throw enospc(path);
      }) as typeof handle.writeFile;
    }
  }
  return handle;
}) as typeof fsp.open);

let template: Map<string, FileSnap>;
/** The store as it was when the backup was taken: what restoring that backup must give. */
let atBackup: Map<string, FileSnap>;
let templateDir: string;
let userId: string;
let backupId: string;
const dirs: string[] = [];

beforeAll(async () => {
  // The template store: a case at revision 2, a backup taken when it was at revision 1.
  templateDir = await mkdtemp(join(tmpdir(), 'casebook-full-'));
  const s = await createCasebookService({ storeDir: templateDir, kdf: 'minimum' });
  userId = (await s.create({ serviceName: 'Fullshire RJ', userName: 'Siân Williams', passphrase: PASS })).session.user.id;
  const c = await s.saveCase(sampleCase({ id: CASE_ID }));
  backupId = (await s.createBackup('manual')).id;
  atBackup = await snapshotDir(templateDir, (rel) => rel === 'casebook.lock' || rel.startsWith('backups'));
  await s.saveCase({ ...c, notes: 'second revision' });
  await s.close();
  template = await snapshotDir(templateDir, (rel) => rel === 'casebook.lock');
});

afterEach(() => {
  inject.armed = false;
  inject.failAt = 0;
});

afterAll(async () => {
  vi.restoreAllMocks();
  for (const d of [templateDir, ...dirs]) await rm(d, { recursive: true, force: true });
});

async function copyOfTemplate(from: Map<string, FileSnap> = template): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'casebook-full-'));
  dirs.push(dir);
  await restoreDir(dir, from);
  return dir;
}

/** Unlock with whichever passphrase works (the old one, or the new one after a passphrase change). */
async function open(dir: string): Promise<{ service: CasebookService; passphrase: string }> {
  const service = await createCasebookService({ storeDir: dir, kdf: 'minimum' });
  for (const passphrase of [PASS, NEW_PASS]) {
    try {
      const session = await service.unlock(userId, passphrase);
      expect(session.readOnly).toBe(false);
      return { service, passphrase };
    } catch (e) {
      if ((e as CasebookError).code !== 'AUTH_FAILED') throw e;
    }
  }
  throw new Error('neither passphrase opens the store');
}

/** Everything a person could see of the store, in a form two runs can be compared by. */
async function observe(dir: string) {
  const { service, passphrase } = await open(dir);
  try {
    const cases = [];
    for (const row of service.listCases({}).sort((a, b) => (a.id < b.id ? -1 : 1))) {
      const c = await service.getCase(row.id);
      cases.push({ id: row.id, listRevision: row.revision, revision: c.revision, notes: c.notes ?? null });
    }
    const audit = await service.listAudit({ offset: 0, limit: 500 });
    const trail: Record<string, number> = {};
    // What was done to the data; sessions and backups (a restore may record itself) aside.
    for (const e of audit.entries) if (!/^(session|backup)\./.test(e.action)) trail[e.action] = (trail[e.action] ?? 0) + 1;
    const keyring = JSON.parse(await readFile(join(dir, 'keyring.json'), 'utf8')) as { body: { users: { name: string }[] } };
    const report = await service.verify();
    const files = await readdir(dir);
    return {
      state: {
        passphrase: passphrase === PASS ? 'old' : 'new',
        serviceName: service.settings().serviceName,
        users: service.users().map((u) => `${u.name} (${u.role})`).sort(),
        unlockScreen: keyring.body.users.map((u) => u.name).sort(),
        cases,
        trail,
      },
      verify: report,
      journalLeft: files.includes('journal.cbk'),
    };
  } finally {
    await service.close();
  }
}

type State = Awaited<ReturnType<typeof observe>>['state'];

interface Op {
  name: string;
  run: (s: CasebookService) => Promise<unknown>;
  /** Writes at the end that are not part of the change and may fail quietly (the audit entry of the lock that follows a restore). */
  bestEffortTail?: number;
  /** The store the operation must produce, when it is not simply "whatever a fault-free run gives". */
  expected?: () => Map<string, FileSnap>;
}

const ops: Op[] = [
  { name: 'saving an existing case', run: async (s) => s.saveCase({ ...(await s.getCase(CASE_ID)), notes: 'third revision' }) },
  { name: 'saving a new case', run: (s) => s.saveCase(sampleCase({ id: NEW_CASE_ID, reference: 'RJ-2026-0002' })) },
  { name: 'changing settings', run: (s) => s.updateSettings({ serviceName: 'Renamed RJ', idleLockMinutes: 15 }) },
  { name: 'adding a user', run: (s) => s.addUser({ name: 'Bob Example', role: 'facilitator', passphrase: 'bobs long passphrase' }) },
  { name: 'changing a passphrase', run: (s) => s.changePassphrase(PASS, NEW_PASS) },
  { name: 'restoring a backup', run: (s) => s.restoreBackup(backupId), bestEffortTail: 1, expected: () => atBackup },
];

/** The save made afterwards in the same session, to see what it does to a half-finished commit. */
const later = (s: CasebookService) => s.saveCase(sampleCase({ id: LATER_CASE_ID, reference: 'RJ-2026-0003' }));

interface Outcome {
  step: number;
  rel: string;
  error?: CasebookError;
  tempFiles: string[];
  after?: Awaited<ReturnType<typeof observe>>;
  afterError?: string;
  laterOk?: boolean;
  afterLater?: Awaited<ReturnType<typeof observe>>;
  afterLaterError?: string;
}

async function runWithFault(op: Op, step: number, thenSave: boolean): Promise<Outcome> {
  const dir = await copyOfTemplate();
  const { service } = await open(dir);
  inject.count = 0;
  inject.rels = [];
  inject.failAt = step;
  inject.armed = true;
  let error: CasebookError | undefined;
  try {
    await op.run(service);
  } catch (e) {
    error = e as CasebookError;
  } finally {
    inject.armed = false;
  }
  const out: Outcome = { step, rel: inject.rels[step - 1] ?? '?', tempFiles: [], ...(error ? { error } : {}) };
  out.tempFiles = (await readdir(dir, { recursive: true })).map(String).filter((n) => n.endsWith('.tmp'));
  let laterOk: boolean | undefined;
  if (thenSave) laterOk = await later(service).then(() => true, () => false);
  await service.close();
  try {
    const seen = await observe(dir);
    if (thenSave) {
      out.laterOk = laterOk;
      out.afterLater = seen;
    } else out.after = seen;
  } catch (e) {
    if (thenSave) out.afterLaterError = `${(e as CasebookError).code}: ${(e as Error).message}`;
    else out.afterError = `${(e as CasebookError).code}: ${(e as Error).message}`;
  }
  await rm(dir, { recursive: true, force: true });
  return out;
}

/** Observe a copy of a stored state with the later save made on top of it. */
async function withLaterSave(from: Map<string, FileSnap>, first?: Op): Promise<State> {
  const dir = await copyOfTemplate(from);
  const { service } = await open(dir);
  if (first) await first.run(service);
  if (!service.currentSession()) await service.unlock(userId, PASS);
  await later(service);
  await service.close();
  return (await observe(dir)).state;
}

/** The states without any fault: the previous one, and the one the operation must produce. */
async function controls(op: Op) {
  const before = (await observe(await copyOfTemplate())).state;
  const dir = await copyOfTemplate();
  const { service } = await open(dir);
  inject.count = 0;
  inject.rels = [];
  inject.armed = true;
  try {
    await op.run(service);
  } finally {
    inject.armed = false;
  }
  const rels = [...inject.rels];
  await service.close();
  const faultFree = (await observe(dir)).state;
  const after = op.expected ? (await observe(await copyOfTemplate(op.expected()))).state : faultFree;
  return {
    before,
    after,
    faultFree,
    rels,
    beforeThenLater: await withLaterSave(template),
    afterThenLater: op.expected ? await withLaterSave(op.expected()) : await withLaterSave(template, op),
  };
}

const canonical = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(canonical) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, canonical(x)])) : v;
const show = (s: State) => JSON.stringify(canonical(s));
const same = (a: State, b: State) => show(a) === show(b);

describe.each(ops)('a full disk while $name', (op) => {
  let ctl: Awaited<ReturnType<typeof controls>>;
  const outcomes: Outcome[] = [];
  const continued: Outcome[] = [];

  beforeAll(async () => {
    ctl = await controls(op);
    expect(ctl.rels.length, 'the operation writes nothing durable').toBeGreaterThan(0);
    expect(same(ctl.before, ctl.after), 'the operation changes nothing visible').toBe(false);
    for (let step = 1; step <= ctl.rels.length; step++) {
      outcomes.push(await runWithFault(op, step, false));
      continued.push(await runWithFault(op, step, true));
    }
  }, 120_000);

  it('without a fault, gives the state it should', () => {
    expect(show(ctl.faultFree)).toBe(show(ctl.after));
  });

  it('fails with WRITE_FAILED naming a store file, at every step, leaving no temp file', () => {
    expect(inject.hits).toBeGreaterThan(0);
    for (const o of outcomes) {
      const where = `step ${o.step} of ${ctl.rels.join(', ')} (writing ${o.rel})`;
      expect(o.tempFiles, `${where}: temp files left behind`).toEqual([]);
      if (!o.error && o.step > ctl.rels.length - (op.bestEffortTail ?? 0)) continue;
      // Once its journal is durable a commit is decided, and the store finishes it at once
      // if it can (the injected fault hits only one write): success with the new state is right.
      if (!o.error && o.after && same(o.after.state, ctl.after)) continue;
      expect(o.error, `${where}: the operation succeeded`).toBeInstanceOf(CasebookError);
      expect(o.error!.code, `${where}: ${o.error!.message}`).toBe('WRITE_FAILED');
      expect(o.error!.message, where).toMatch(/disk is full/);
      expect(o.error!.message, where).not.toMatch(/\/tmp\/|casebook-full-|\n\s+at /);
      expect(o.error!.details.file, where).toMatch(/^(keyring\.json|index\.cbk|journal\.cbk|(cases|summaries|audit|registers)\/[A-Za-z0-9_]+\.cbk|backups\/[^/]+\.cbkbak)$/);
    }
  });

  it('reopens whole after every failure: all of the previous state or all of the new, verified', () => {
    for (const o of outcomes) {
      const where = `step ${o.step} of ${ctl.rels.join(', ')} (writing ${o.rel})`;
      expect(o.afterError, `${where}: the store did not reopen`).toBeUndefined();
      expect(o.after!.verify, where).toMatchObject({ ok: true, problems: [] });
      expect(o.after!.journalLeft, `${where}: journal left after unlocking`).toBe(false);
      const s = o.after!.state;
      expect(same(s, ctl.before) || same(s, ctl.after), `${where}: a mix of old and new:\nfound:    ${show(s)}\nprevious: ${show(ctl.before)}\nnew:      ${show(ctl.after)}`).toBe(true);
    }
  });

  it('keeps its word: "nothing was changed" means the reopened store holds the previous state', () => {
    const changed = outcomes
      .filter((o) => o.error?.message.includes('Nothing was changed') && o.after && !same(o.after.state, ctl.before))
      .map((o) => `step ${o.step} (writing ${o.rel}): the failed change appeared after reopening`);
    expect(changed, `writes: ${ctl.rels.join(', ')}`).toEqual([]);
  });

  it('a later save in the same session does not leave a mix', () => {
    for (const o of continued) {
      const where = `step ${o.step} of ${ctl.rels.join(', ')} (writing ${o.rel}), then another save (${o.laterOk ? 'succeeded' : 'refused'})`;
      expect(o.afterLaterError, `${where}: the store did not reopen`).toBeUndefined();
      expect(o.afterLater!.verify, where).toMatchObject({ ok: true, problems: [] });
      const s = o.afterLater!.state;
      const allowed = o.laterOk ? [ctl.beforeThenLater, ctl.afterThenLater] : [ctl.before, ctl.after];
      expect(allowed.some((a) => same(s, a)), `${where}: a mix:\nfound:   ${show(s)}\nallowed: ${allowed.map(show).join('\n         ')}`).toBe(true);
    }
  });
});
