import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { promises as fsp } from 'node:fs';
import { access, cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { verifyStore } from '../../src-main/services/casebook/verify-store';
import { readKeyring } from '../../src-main/store/keyring';
import { unlockStore } from '../../src-main/store/open-store';
import { MIN_SHARD_BITS, ROWS_PER_SHARD, summaryFile } from '../../src-main/store/summary-layout';
import { PASS } from '../support/casebook';
import { rejection } from '../support/fault/fixtures';
import { makeFormat1, manyCases, shardFiles, storeWith } from './shard-fixtures';

/**
 * The summary shards split when the casebook outgrows them, and a format 1 store is laid out
 * again at its first writable unlock, each in one journaled commit. A writer stopped after
 * any file of such a commit (here: every rename from then on fails, as if it had died) leaves
 * a journal that the next unlock replays; a reader that opens meanwhile (read-only, so it does
 * not replay) sees every case exactly once, in the old state or the new.
 */
const FULL = ROWS_PER_SHARD * 2 ** MIN_SHARD_BITS; // 1,024 rows: the most 32 shards take
const crash = { after: Infinity, count: 0, renamed: [] as string[], dir: '' };
const realRename = fsp.rename.bind(fsp);

vi.spyOn(fsp, 'rename').mockImplementation(async (from, to) => {
  const rel = relative(crash.dir, String(to)).split(sep).join('/');
  // Backups are taken before an upgrade's commit; only the store's own files are counted.
  if (!rel.startsWith('backups/') && !rel.startsWith('..')) {
    if (++crash.count > crash.after) throw Object.assign(new Error(`EIO: stopped before ${rel}`), { code: 'EIO' });
    crash.renamed.push(rel);
  }
  return realRename(from, to);
});

let template: string;
let userId: string;
const dirs: string[] = [];
const extra = manyCases(1, FULL)[0]!;

beforeAll(async () => {
  const t = await storeWith(manyCases(FULL));
  expect(t.store.summaries.layout).toEqual({ bits: MIN_SHARD_BITS, legacy: false });
  template = t.dir;
  userId = t.userId;
  await t.store.close();
}, 600_000);

afterEach(() => {
  crash.after = Infinity;
});

afterAll(async () => {
  for (const d of [template, ...dirs]) await rm(d, { recursive: true, force: true });
});

async function copyOfTemplate(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'casebook-split-'));
  dirs.push(dir);
  await cp(template, dir, { recursive: true });
  crash.dir = dir;
  crash.count = 0;
  crash.renamed = [];
  return dir;
}

const open = (dir: string) => unlockStore(dir, userId, PASS, { kdf: 'minimum' });
const names = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => summaryFile(from + i));

async function expectWhole(dir: string, rows: number, bits: number): Promise<void> {
  const s = await open(dir);
  try {
    expect(s.readOnly).toBe(false);
    expect(s.summaries.layout).toEqual({ bits, legacy: false });
    expect(s.index.summaryShardBits).toBe(bits);
    expect(s.summaries.size).toBe(rows);
    expect(await verifyStore(s)).toMatchObject({ ok: true, problems: [] });
  } finally {
    await s.close();
  }
  expect(await shardFiles(dir)).toEqual(names(0, 2 ** bits).map((n) => n.slice('summaries/'.length)).sort());
  await expect(access(join(dir, 'journal.cbk'))).rejects.toThrow();
}

describe('the shards split as the casebook grows', () => {
  it('one case past 1,024 splits all 32 shards into 64 in one commit: new shards, then the index, then the old ones', async () => {
    const dir = await copyOfTemplate();
    const s = await open(dir);
    crash.renamed = [];
    await s.saveCases([extra], [s.draft('case.create', { type: 'case', id: extra.id })]);
    expect(s.summaries.layout).toEqual({ bits: MIN_SHARD_BITS + 1, legacy: false });
    await s.close();
    const order = crash.renamed;
    expect(order.slice(0, 2)).toEqual(['journal.cbk', `cases/${extra.id}.cbk`]);
    expect(order.slice(2, 34)).toEqual(names(32, 64));
    expect(order[34]).toBe('index.cbk');
    expect(order.slice(35, 67)).toEqual(names(0, 32));
    expect(order.slice(67)).toEqual([expect.stringMatching(/^audit\/\d{6}\.cbk$/)]);
    await expectWhole(dir, FULL + 1, MIN_SHARD_BITS + 1);
  });

  // 0: the journal itself; 2: after the case file; 20: among the new shards; 34: all new
  // shards, not the index; 35: the index too; 50: half the old shards; 67: all but the audit.
  it.each([0, 1, 2, 20, 34, 35, 50, 67])('stopped after %i files: a reader meanwhile sees every case once; the next unlock finishes or undoes nothing', async (after) => {
    const dir = await copyOfTemplate();
    const s = await open(dir);
    crash.count = 0;
    crash.after = after;
    const e = await rejection(s.saveCases([extra], [s.draft('case.create', { type: 'case', id: extra.id })]));
    crash.after = Infinity;
    expect(e?.code, e?.message).toBe('WRITE_FAILED');
    const reader = await open(dir); // the writer still holds the lock: read-only, no replay
    try {
      expect(reader.readOnly).toBe(true);
      const ids = reader.summaries.all().map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.filter((id) => id !== extra.id)).toHaveLength(FULL);
    } finally {
      await reader.close();
      await s.close();
    }
    // No journal (stopped at 0): nothing happened. Otherwise the journal finishes the split.
    if (after === 0) await expectWhole(dir, FULL, MIN_SHARD_BITS);
    else await expectWhole(dir, FULL + 1, MIN_SHARD_BITS + 1);
  });

  it('a large import splits as often as it needs to in one commit', async () => {
    const dir = await copyOfTemplate();
    const s = await open(dir);
    const more = manyCases(1_100, FULL);
    await s.saveCases(more, more.map((c) => s.draft('case.import', { type: 'case', id: c.id })));
    expect(s.summaries.layout.bits).toBe(MIN_SHARD_BITS + 2); // 2,124 rows: more than 64 × 32
    await s.close();
    await expectWhole(dir, FULL + more.length, MIN_SHARD_BITS + 2);
  }, 300_000);
});

describe('a format 1 store (32 shards, the layout not recorded)', () => {
  async function format1Store(rows: number): Promise<string> {
    const dir = await copyOfTemplate();
    const s = await open(dir);
    const more = manyCases(rows - FULL, FULL);
    if (more.length > 0) await s.saveCases(more, more.map((c) => s.draft('case.import', { type: 'case', id: c.id })));
    await makeFormat1(s);
    await s.close();
    expect((await readKeyring(dir))?.storeFormat).toBe(1);
    crash.count = 0;
    crash.renamed = [];
    return dir;
  }

  it('with more rows than 32 shards take is laid out at once in as many as it needs, after a backup', async () => {
    const dir = await format1Store(FULL + 40);
    await expectWhole(dir, FULL + 40, MIN_SHARD_BITS + 1);
    expect((await readKeyring(dir))?.storeFormat).toBe(2);
    expect((await readdir(join(dir, 'backups'))).filter((n) => n.endsWith('-before-migration.cbkbak'))).toHaveLength(1);
  });

  it.each([1, 20, 40, 67])('an upgrade stopped after %i files is finished by the next unlock, without a second upgrade', async (after) => {
    const dir = await format1Store(FULL + 40);
    crash.after = after;
    const e = await rejection(open(dir));
    crash.after = Infinity;
    expect(e?.code, e?.message).toBe('WRITE_FAILED');
    await expectWhole(dir, FULL + 40, MIN_SHARD_BITS + 1);
    expect((await readKeyring(dir))?.storeFormat).toBe(2);
    const s = await open(dir);
    try {
      const trail = (await s.audit.readAll()).entries.map((x) => x.action);
      expect(trail.filter((a) => a === 'casebook.migrate')).toHaveLength(1);
    } finally {
      await s.close();
    }
    expect((await readdir(join(dir, 'backups'))).filter((n) => n.endsWith('-before-migration.cbkbak'))).toHaveLength(1);
  });
});
