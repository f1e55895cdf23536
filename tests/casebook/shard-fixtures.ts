import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Case, CaseSummary } from '../../src-main/domain/cases/case';
import { seal, sealJson } from '../../src-main/store/envelope';
import { serializeKeyring, signKeyring } from '../../src-main/store/keyring';
import { createStore } from '../../src-main/store/open-store';
import type { Store } from '../../src-main/store/store';
import { LEGACY_LAYOUT, shardOf, summaryFile } from '../../src-main/store/summary-layout';
import { PASS } from '../support/casebook';
import { sampleCase } from '../support/fault/fixtures';

/** Shared set-up for the summary-shard tests: stores with many small cases, and format 1 stores. */

/** n small valid cases with fixed ids and references, so their shards are the same every run. */
export function manyCases(n: number, from = 0): Case[] {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    return sampleCase({ id: `c_shardtest${String(i).padStart(6, '0')}`, reference: `RJ-2026-${String(i + 1).padStart(5, '0')}` });
  });
}

export async function storeWith(cases: Case[]): Promise<{ dir: string; store: Store; userId: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'casebook-shards-'));
  const { store } = await createStore(dir, { serviceName: 'Shardshire RJ', userName: 'Siân Williams', passphrase: PASS }, { kdf: 'minimum' });
  if (cases.length > 0) await store.saveCases(cases, cases.map((c) => store.draft('case.import', { type: 'case', id: c.id })));
  return { dir, store, userId: store.user.id };
}

export const shardFiles = async (dir: string) => (await readdir(join(dir, 'summaries'))).filter((n) => !n.startsWith('.')).sort();

/** Seal rows as one shard file under a name, as a version that knew this layout would. */
export async function writeShard(store: Store, name: string, rows: CaseSummary[]): Promise<void> {
  const rel = `summaries/${name}`;
  await writeFile(join(store.dir, rel), sealJson(store.dk, 'summaries', rel, { rows }));
}

/**
 * Turn an open store (format 2) into what the previous version wrote (format 1): 32 shard
 * files named by FNV-1a mod 32, only for shards holding rows, in raw UTF-8; the index without
 * a layout; the keyring saying format 1. Done while the store holds its key.
 */
export async function makeFormat1(store: Store): Promise<void> {
  await rm(join(store.dir, 'summaries'), { recursive: true, force: true });
  await mkdir(join(store.dir, 'summaries'), { recursive: true });
  const groups = new Map<number, CaseSummary[]>();
  for (const r of store.summaries.all()) {
    const s = shardOf(r.id, LEGACY_LAYOUT.bits);
    groups.set(s, [...(groups.get(s) ?? []), r]);
  }
  for (const [s, rows] of groups) {
    const rel = summaryFile(s);
    await writeFile(join(store.dir, rel), seal(store.dk, 'summaries', rel, Buffer.from(JSON.stringify({ rows }), 'utf8')));
  }
  const { summaryShardBits: _gone, ...index } = store.index;
  await writeFile(join(store.dir, 'index.cbk'), seal(store.dk, 'index', 'index.cbk', Buffer.from(JSON.stringify(index), 'utf8')));
  await writeFile(join(store.dir, 'keyring.json'), serializeKeyring(signKeyring({ ...store.keyring, storeFormat: 1 }, store.dk.key)));
}
