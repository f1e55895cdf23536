import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CasebookError } from '../../src-main/domain/shared/errors';
import { createCasebookService } from '../../src-main/services/casebook/service';
import type { CasebookService } from '../../src-main/services/casebook/api';
import { sealJson, type DataKey } from '../../src-main/store/envelope';
import { replayJournal } from '../../src-main/store/journal';
import { caseFile } from '../../src-main/store/layout';
import { MIN_SHARD_BITS, shardOf, summaryFile } from '../../src-main/store/summary-layout';
import { unlockStore } from '../../src-main/store/open-store';
import { PASS } from '../support/casebook';
import { diffSnapshots, prng, restoreDir, sampleCase, snapshotDir, type FileSnap, rejection } from '../support/fault/fixtures';

/**
 * Single-byte changes in every kind of store file must be detected and the error or the verify
 * problem must name the file by its store-relative path. Each kind gets at least 100 flips: the
 * first ones walk the fixed-size envelope header byte by byte, the rest are at seeded random
 * positions with a random non-zero XOR mask. Set CASEBOOK_FAULT_SEED to reproduce a run.
 */
const FLIPS = 100;
const SEED = Number(process.env.CASEBOOK_FAULT_SEED ?? 20260105);
const HEADER = 26; // magic 4, version 1, kind 1, key id 8, nonce 12
/** How often a flip is also checked by a fresh unlock (an Argon2id derivation each). */
const UNLOCK_EVERY = 4;

let dir: string;
let userId: string;
let caseId: string;
let main: CasebookService;
let baseline: Map<string, FileSnap>;
const notLock = (rel: string) => rel === 'casebook.lock';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'casebook-flip-'));
  main = await createCasebookService({ storeDir: dir, kdf: 'minimum' });
  const created = await main.create({ serviceName: 'Flipshire RJ', userName: 'Siân Williams', passphrase: PASS });
  userId = created.session.user.id;
  caseId = (await main.saveCase(sampleCase())).id;
  await main.createBackup('manual');
  // Lock and unlock so the session works from the files as written (see the first test).
  await main.lock('manual');
  await main.unlock(userId, PASS);
  expect(await main.verify()).toMatchObject({ ok: true, problems: [] });
  baseline = await snapshotDir(dir, notLock);
});

afterAll(async () => {
  await main?.close();
  await rm(dir, { recursive: true, force: true });
});

function positions(size: number, seed: number, headerFirst: boolean): { at: number; mask: number }[] {
  const rng = prng(seed);
  const out: { at: number; mask: number }[] = [];
  if (headerFirst) for (let i = 0; i < HEADER && i < size; i++) out.push({ at: i, mask: rng.int(1, 255) });
  while (out.length < FLIPS) out.push({ at: rng.int(0, size - 1), mask: rng.int(1, 255) });
  return out;
}

async function flipped<T>(rel: string, original: Buffer, flip: { at: number; mask: number }, check: () => Promise<T>): Promise<T> {
  const bytes = Buffer.from(original);
  bytes[flip.at]! ^= flip.mask;
  await writeFile(join(dir, ...rel.split('/')), bytes);
  try {
    return await check();
  } finally {
    await writeFile(join(dir, ...rel.split('/')), original);
  }
}


/** A second service on the folder: read-only while `main` holds the lock, so it writes nothing. */
async function freshUnlock(): Promise<{ error?: CasebookError; problems?: { file: string; message: string }[] }> {
  const other = await createCasebookService({ storeDir: dir, kdf: 'minimum' });
  try {
    const error = await rejection(other.unlock(userId, PASS));
    if (error) return { error };
    return { problems: (await other.verify()).problems };
  } finally {
    await other.close();
  }
}

async function expectUnchangedApartFrom(what: string): Promise<void> {
  expect(diffSnapshots(baseline, await snapshotDir(dir, notLock)), `${what}: checking changed the store`).toEqual([]);
}

describe('an untouched store verifies clean (else the flip tests below prove nothing)', () => {
  it('right after create, after adding a user and after changing a passphrase, in the same session', async () => {
    const other = await mkdtemp(join(tmpdir(), 'casebook-clean-'));
    const s = await createCasebookService({ storeDir: other, kdf: 'minimum' });
    try {
      await s.create({ serviceName: 'Cleanshire RJ', userName: 'Ann Example', passphrase: PASS });
      expect(await s.verify(), 'right after create').toMatchObject({ ok: true, problems: [] });
      await s.addUser({ name: 'Bob Example', role: 'facilitator', passphrase: 'another long passphrase' });
      expect(await s.verify(), 'after addUser').toMatchObject({ ok: true, problems: [] });
      await s.changePassphrase(PASS, 'a brand new passphrase');
      expect(await s.verify(), 'after changePassphrase').toMatchObject({ ok: true, problems: [] });
    } finally {
      await s.close();
      await rm(other, { recursive: true, force: true });
    }
  });
});

describe('single-byte flips are detected and name the file', () => {
  it('keyring.json: caught by its checksum before any key is derived, without hiding the casebook', async () => {
    const rel = 'keyring.json';
    const original = baseline.get(rel)!.bytes;
    const other = await createCasebookService({ storeDir: dir, kdf: 'minimum' });
    for (const [i, f] of positions(original.length, SEED + 1, false).entries()) {
      const what = `${rel} flip ${i} at ${f.at} ^${f.mask}`;
      const [state, e] = await flipped(rel, original, f, async () => [(await other.status()).state, await rejection(other.unlock(userId, PASS))] as const);
      // The unlock screen still shows (with the people from the newest backup), so the damage
      // can be named and a backup offered; unlocking names the file.
      expect(state, what).toBe('locked');
      expect(e, what).toBeInstanceOf(CasebookError);
      expect({ code: e!.code, file: e!.details.file }, `${what}: ${e?.message}`).toEqual({ code: 'CORRUPT', file: rel });
    }
    await expectUnchangedApartFrom(rel);
  });

  const envelopeKinds: { kind: string; rel: () => string; seed: number; failsUnlock: boolean }[] = [
    { kind: 'index', rel: () => 'index.cbk', seed: 2, failsUnlock: true },
    { kind: 'summary shard', rel: () => summaryFile(shardOf(caseId, MIN_SHARD_BITS)), seed: 3, failsUnlock: true },
    { kind: 'case', rel: () => caseFile(caseId), seed: 4, failsUnlock: false },
    { kind: 'audit segment', rel: () => 'audit/000001.cbk', seed: 5, failsUnlock: true },
  ];

  for (const k of envelopeKinds) {
    it(`${k.kind} file: verify reports it, and a fresh unlock ${k.failsUnlock ? 'refuses' : 'then verify reports'} it`, async () => {
      const rel = k.rel();
      const original = baseline.get(rel)?.bytes;
      expect(original, `${rel} exists`).toBeDefined();
      for (const [i, f] of positions(original!.length, SEED + k.seed, true).entries()) {
        const what = `${rel} flip ${i} at ${f.at} ^${f.mask}`;
        await flipped(rel, original!, f, async () => {
          const report = await main.verify();
          expect(report.ok, what).toBe(false);
          expect(report.problems.map((p) => p.file), what).toContain(rel);
          if (i % UNLOCK_EVERY === 0) {
            const r = await freshUnlock();
            if (k.failsUnlock) {
              expect(r.error, `${what}: unlock succeeded`).toBeInstanceOf(CasebookError);
              expect({ code: r.error!.code, file: r.error!.details.file }, `${what}: ${r.error?.message}`).toEqual({ code: 'CORRUPT', file: rel });
            } else {
              expect(r.error, `${what}: ${r.error?.message}`).toBeUndefined();
              expect(r.problems!.map((p) => p.file), what).toContain(rel);
            }
          }
        });
      }
      await expectUnchangedApartFrom(rel);
      expect((await main.verify()).ok).toBe(true);
    });
  }

  it('backup file: restoreBackup refuses every flipped copy, names it and changes nothing', async () => {
    const backups = (await readdir(join(dir, 'backups'))).filter((n) => n.endsWith('.cbkbak'));
    expect(backups).toHaveLength(1);
    const rel = `backups/${backups[0]}`;
    const id = (await main.listBackups())[0]!.id;
    const original = baseline.get(rel)!.bytes;
    const rng = prng(SEED + 6);
    // The 12-byte preamble (magic and manifest length) byte by byte, then random positions.
    const flips = [...Array.from({ length: 12 }, (_, at) => ({ at, mask: rng.int(1, 255) })), ...positions(original.length, SEED + 7, false)];
    for (const [i, f] of flips.entries()) {
      const what = `${rel} flip ${i} at ${f.at} ^${f.mask}`;
      const e = await flipped(rel, original, f, () => rejection(main.restoreBackup(id)));
      expect(e, `${what}: restored`).toBeInstanceOf(CasebookError);
      expect({ code: e!.code, file: e!.details.file }, `${what}: ${e?.message}`).toEqual({ code: 'CORRUPT', file: rel });
      expect(main.currentSession(), `${what}: the store was locked as if restored`).toBeDefined();
    }
    await expectUnchangedApartFrom(rel);
  });

  it('an intact backup restores and the store then verifies, even after the trail grew a new segment', async () => {
    // The positive side of the test above: restoring must accept what it should. The trail
    // has 256 entries per segment file; the backup is taken in segment 1, then enough is done
    // to start segment 2 before restoring.
    const other = await mkdtemp(join(tmpdir(), 'casebook-restore-'));
    const s = await createCasebookService({ storeDir: other, kdf: 'minimum' });
    try {
      const id = (await s.create({ serviceName: 'Restoreshire RJ', userName: 'Ann Example', passphrase: PASS })).session.user.id;
      await s.lock('manual'); // so the session's keyring is the one on disk (see the first test)
      await s.unlock(id, PASS);
      const c = await s.saveCase(sampleCase());
      const backup = await s.createBackup('manual');
      for (let i = 0; i < 260; i++) await s.updateSettings({ idleLockMinutes: (i % 200) + 1 });
      await s.saveCase({ ...c, notes: 'after the backup' });
      expect(await s.verify()).toMatchObject({ ok: true, problems: [] });
      await s.restoreBackup(backup.id);
      await s.unlock(id, PASS);
      expect((await s.getCase(c.id)).revision).toBe(1);
      expect(s.settings().idleLockMinutes).toBe(10);
      expect(await s.verify()).toMatchObject({ ok: true, problems: [] });
    } finally {
      await s.close();
      await rm(other, { recursive: true, force: true });
    }
  });

  describe('journal.cbk (left by an interrupted commit)', () => {
    let dk: DataKey;
    let journal: Buffer;
    let withJournal: Map<string, FileSnap>;

    beforeAll(async () => {
      // Take the data key from an unlocked Store (copied: closing wipes it), then build a
      // journal by hand as commitFiles would: the new index (renamed service) and case.
      await main.close();
      const store = await unlockStore(dir, userId, PASS, { kdf: 'minimum' });
      dk = { key: Buffer.from(store.dk.key), keyId: Buffer.from(store.dk.keyId) };
      const index = store.indexFile().encode({ ...store.index, settings: { ...store.index.settings, serviceName: 'Replayed RJ' } });
      const c = await store.readCase(caseId);
      const caseBytes = store.caseFileOf(caseId).encode({ ...c, notes: 'from the journal' });
      await store.close();
      journal = sealJson(dk, 'journal', 'journal.cbk', {
        writes: [
          { rel: 'index.cbk', data: index.toString('base64') },
          { rel: caseFile(caseId), data: caseBytes.toString('base64') },
        ],
        deletes: [],
      });
      await restoreDir(dir, baseline);
      await writeFile(join(dir, 'journal.cbk'), journal);
      withJournal = await snapshotDir(dir, notLock);
    });

    afterAll(() => dk?.key.fill(0));

    it('every flip is refused before anything is replayed; a fresh unlock names the journal', async () => {
      for (const [i, f] of positions(journal.length, SEED + 8, true).entries()) {
        const what = `journal.cbk flip ${i} at ${f.at} ^${f.mask}`;
        await flipped('journal.cbk', journal, f, async () => {
          const e = await rejection(replayJournal(dir, dk));
          expect(e, `${what}: replayed`).toBeInstanceOf(CasebookError);
          expect({ code: e!.code, file: e!.details.file }, `${what}: ${e?.message}`).toEqual({ code: 'CORRUPT', file: 'journal.cbk' });
          if (i % UNLOCK_EVERY === 0) {
            const s = await createCasebookService({ storeDir: dir, kdf: 'minimum' });
            const u = await rejection(s.unlock(userId, PASS));
            await s.close();
            expect(u, `${what}: unlock replayed or ignored it`).toBeInstanceOf(CasebookError);
            expect({ code: u!.code, file: u!.details.file }, `${what}: ${u?.message}`).toEqual({ code: 'CORRUPT', file: 'journal.cbk' });
          }
        });
        expect(diffSnapshots(withJournal, await snapshotDir(dir, notLock)), `${what}: files changed`).toEqual([]);
      }
    });

    it('the intact journal is replayed at unlock (so the flips above were the only difference)', async () => {
      const s = await createCasebookService({ storeDir: dir, kdf: 'minimum' });
      try {
        const session = await s.unlock(userId, PASS);
        expect(session.settings.serviceName).toBe('Replayed RJ');
        expect((await s.getCase(caseId)).notes).toBe('from the journal');
        const files = await readdir(dir);
        expect(files).not.toContain('journal.cbk');
      } finally {
        await s.close();
      }
      expect((await readFile(join(dir, 'index.cbk'))).equals(withJournal.get('index.cbk')!.bytes)).toBe(false);
    });
  });
});
