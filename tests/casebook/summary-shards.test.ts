import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFile, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import type { CaseSummary } from '../../src-main/domain/cases/case';
import { verifyStore } from '../../src-main/services/casebook/verify-store';
import { openJson, sealJson } from '../../src-main/store/envelope';
import { readKeyring } from '../../src-main/store/keyring';
import { unlockStore } from '../../src-main/store/open-store';
import type { Store } from '../../src-main/store/store';
import { bitsFor, caseHash, classifyShardName, LEGACY_LAYOUT, MAX_SHARD_BITS, shardOf, summaryFile } from '../../src-main/store/summary-layout';
import { PASS } from '../support/casebook';
import { diffSnapshots, rejection, snapshotDir } from '../support/fault/fixtures';
import { makeFormat1, manyCases, shardFiles, storeWith, writeShard } from './shard-fixtures';

/**
 * The case list's layout (summary-layout.ts): which shard a case is in, when the shards split,
 * what verify says about shard files that should not be there or are missing, and a format 1
 * store (32 shards, the layout not recorded) opening read-only as it is and upgraded at its
 * first writable unlock.
 */
describe('the layout rules', () => {
  it('a case is in shard hash & (2^bits − 1): with 32 shards, the rule format 1 used (hash mod 32)', () => {
    for (const c of manyCases(200)) {
      expect(shardOf(c.id, 5)).toBe(caseHash(c.id) % 32);
      // A split sends each row of shard s to s or s + 2^bits.
      expect([shardOf(c.id, 5), shardOf(c.id, 5) + 32]).toContain(shardOf(c.id, 6));
    }
  });

  it('the shards split when there are more than 32 rows a shard, and never merge', () => {
    expect([0, 1, 1_024].map((n) => bitsFor(n, 5))).toEqual([5, 5, 5]);
    expect([1_025, 2_048, 2_049, 10_000].map((n) => bitsFor(n, 5))).toEqual([6, 6, 7, 9]);
    expect(bitsFor(10, 9)).toBe(9);
    expect(bitsFor(Number.MAX_SAFE_INTEGER, 5)).toBe(MAX_SHARD_BITS);
  });

  it('names: a shard under its own name, the same shard spelt otherwise, or no shard of the layout', () => {
    const layout = { bits: 7, legacy: false };
    expect(summaryFile(7)).toBe('summaries/07.cbk');
    expect(summaryFile(100)).toBe('summaries/100.cbk');
    expect(classifyShardName('07.cbk', layout)).toEqual({ shard: 7, kind: 'shard' });
    expect(classifyShardName('100.cbk', layout)).toEqual({ shard: 100, kind: 'shard' });
    expect(classifyShardName('7.cbk', layout)).toEqual({ shard: 7, kind: 'duplicate' });
    expect(classifyShardName('007.cbk', layout)).toEqual({ shard: 7, kind: 'duplicate' });
    for (const n of ['128.cbk', 'x.cbk', '07.cbk.bak', '-1.cbk']) expect(classifyShardName(n, layout)).toEqual({ kind: 'stray' });
    expect(classifyShardName('32.cbk', LEGACY_LAYOUT)).toEqual({ kind: 'stray' });
  });
});

describe('shard files verify checks', () => {
  let t: Awaited<ReturnType<typeof storeWith>>;
  const shard = (s: number) => join(t.dir, summaryFile(s));
  const rowsOf = async (s: number) => (openJson(t.store.dk, 'summaries', summaryFile(s), await readFile(shard(s))) as { rows: CaseSummary[] }).rows;
  const verify = () => verifyStore(t.store);
  const freshUnlock = async () => {
    const s = await unlockStore(t.dir, t.userId, PASS, { kdf: 'minimum' }).catch((e: unknown) => e as Error);
    if (!(s instanceof Error)) await (s as Store).close();
    return s;
  };

  beforeEach(async () => {
    t = await storeWith(manyCases(40));
  });
  afterEach(async () => {
    await t.store.close();
    await rm(t.dir, { recursive: true, force: true });
  });

  it('a new casebook has all 32 shards, named 00 to 31, the layout in its index and format 2 in its keyring', async () => {
    expect(await shardFiles(t.dir)).toEqual(Array.from({ length: 32 }, (_, i) => `${String(i).padStart(2, '0')}.cbk`));
    expect(t.store.index.summaryShardBits).toBe(5);
    expect((await readKeyring(t.dir))?.storeFormat).toBe(2);
    expect(await verify()).toMatchObject({ ok: true, problems: [] });
  });

  it('a stray shard file beyond the layout is named; unlocking does not read it', async () => {
    await copyFile(shard(3), join(t.dir, 'summaries', '99.cbk'));
    const r = await verify();
    expect(r.problems).toEqual([{ file: 'summaries/99.cbk', message: expect.stringContaining('not one of the 32 shards') }]);
    expect(await freshUnlock()).not.toBeInstanceOf(Error);
  });

  it('a second file for a shard is named as a duplicate, even when it holds the same rows', async () => {
    await writeShard(t.store, '7.cbk', await rowsOf(7));
    const r = await verify();
    expect(r.problems).toEqual([{ file: 'summaries/7.cbk', message: expect.stringContaining('second file for shard 7 (summaries/07.cbk)') }]);
  });

  it('a missing shard is named by verify and stops an unlock (its rows would silently vanish)', async () => {
    const s = shardOf(manyCases(1)[0]!.id, 5);
    await rm(shard(s));
    const r = await verify();
    expect(r.problems[0]).toEqual({ file: summaryFile(s), message: expect.stringContaining('is missing') });
    const e = await freshUnlock();
    expect(e).toMatchObject({ code: 'CORRUPT', details: { file: summaryFile(s) } });
  });

  it('a row in the wrong shard is named by verify and passed over when unlocking', async () => {
    const c = manyCases(1)[0]!;
    const home = shardOf(c.id, 5);
    const other = (home + 1) % 32;
    await writeShard(t.store, summaryFile(other).slice('summaries/'.length), [...(await rowsOf(other)), t.store.summaries.get(c.id)!]);
    await writeShard(t.store, summaryFile(home).slice('summaries/'.length), (await rowsOf(home)).filter((r) => r.id !== c.id));
    const r = await verify();
    expect(r.problems).toContainEqual({ file: summaryFile(other), message: expect.stringContaining(`holds case ${c.reference}, which belongs in ${summaryFile(home)}`) });
    expect(r.problems).toContainEqual({ file: `cases/${c.id}.cbk`, message: 'is not in the case list' });
    const s = await unlockStore(t.dir, t.userId, PASS, { kdf: 'minimum' }).catch((e: unknown) => e as Error);
    expect(s).not.toBeInstanceOf(Error);
    // (The test's own store holds the lock, so this one is read-only: nothing is rewritten.)
    expect((s as Store).summaries.get(c.id)).toBeUndefined();
    await (s as Store).close();
  });

  it('a case listed twice is named by verify and stops an unlock', async () => {
    const c = manyCases(1)[0]!;
    const home = shardOf(c.id, 5);
    await writeShard(t.store, summaryFile(home).slice('summaries/'.length), [...(await rowsOf(home)), t.store.summaries.get(c.id)!]);
    expect((await verify()).problems[0]).toEqual({ file: summaryFile(home), message: expect.stringContaining(`lists case ${c.reference} twice`) });
    expect(await freshUnlock()).toMatchObject({ code: 'CORRUPT', details: { file: summaryFile(home) } });
  });
});

describe('a format 1 store', () => {
  let dir: string;
  let userId: string;
  let ids: string[];
  const open = () => unlockStore(dir, userId, PASS, { kdf: 'minimum' });

  beforeEach(async () => {
    const t = await storeWith(manyCases(40));
    ({ dir, userId } = t);
    ids = t.store.summaries.all().map((r) => r.id).sort();
    await makeFormat1(t.store);
    await t.store.close();
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('opens read-only as it is, while another instance (an older version) holds it, and nothing is written', async () => {
    expect((await shardFiles(dir)).length).toBeLessThan(32); // format 1 wrote a shard only when a row landed in it
    const holder = { pid: process.ppid, host: hostname(), user: userInfo().username, since: new Date().toISOString() };
    await writeFile(join(dir, 'casebook.lock'), JSON.stringify(holder));
    const before = await snapshotDir(dir);
    const s = await open();
    try {
      expect(s.readOnly).toBe(true);
      expect(s.summaries.layout).toEqual(LEGACY_LAYOUT);
      expect(s.summaries.all().map((r) => r.id).sort()).toEqual(ids);
      expect(await verifyStore(s)).toMatchObject({ ok: true, problems: [] });
    } finally {
      await s.close();
    }
    expect(diffSnapshots(before, await snapshotDir(dir), { mtime: true })).toEqual([]);
  });

  it('is upgraded at the first writable unlock: a backup first, then 32 shards, the layout recorded, format 2, in the trail', async () => {
    const s = await open();
    try {
      expect(s.summaries.layout).toEqual({ bits: 5, legacy: false });
      expect(s.index.summaryShardBits).toBe(5);
      expect(s.keyring.storeFormat).toBe(2);
      expect(s.summaries.all().map((r) => r.id).sort()).toEqual(ids);
      expect((await s.audit.readAll()).entries.at(-1)).toMatchObject({ action: 'casebook.migrate', fields: ['storeFormat', 'summaryShardBits'] });
      expect(await verifyStore(s)).toMatchObject({ ok: true, problems: [] });
    } finally {
      await s.close();
    }
    expect(await shardFiles(dir)).toHaveLength(32);
    expect((await readKeyring(dir))?.storeFormat).toBe(2);
    const backups = await readdir(join(dir, 'backups'));
    expect(backups.filter((n) => n.endsWith('-before-migration.cbkbak'))).toHaveLength(1);
    // Once upgraded, it is not upgraded again.
    const again = await open();
    await again.close();
    expect(await readdir(join(dir, 'backups'))).toEqual(backups);
  });

  it('a format 2 keyring with an index that records no layout is damage, not a format 1 store', async () => {
    const s = await open(); // upgraded
    const { summaryShardBits: _gone, ...index } = s.index;
    await writeFile(join(dir, 'index.cbk'), sealJson(s.dk, 'index', 'index.cbk', index));
    await s.close();
    const e = await rejection(open());
    expect(e).toMatchObject({ code: 'CORRUPT', details: { file: 'index.cbk' } });
  });
});
