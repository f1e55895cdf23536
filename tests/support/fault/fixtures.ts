import type { CasebookError } from '../../../src-main/domain/shared/errors';
import { createHash } from 'node:crypto';
import { lstat, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Case } from '../../../src-main/domain/cases/case';
import { newId } from '../../../src-main/store/ids';

/** A small case that passes CaseSchema. */
export function sampleCase(over: Partial<Case> = {}): Case {
  const now = '2026-01-05T10:00:00.000Z';
  return {
    id: newId('c'),
    reference: 'RJ-2026-0001',
    createdAt: now,
    updatedAt: now,
    revision: 1,
    stage: 'referral',
    referral: {
      source: 'Police',
      receivedOn: '2026-01-05',
      offenceCategory: 'Burglary',
      offenceDescription: 'Entered a garden shed',
      cjsStage: 'none',
      sensitive: [],
      priority: 'routine',
    },
    participants: [
      { id: newId('p', 8), role: 'harmed', person: { givenName: 'Zoë', familyName: 'Nguyễn' } },
    ],
    timeline: [],
    ...over,
  };
}

export interface FileSnap {
  bytes: Buffer;
  sha: string;
  mtimeMs: number;
}

/** Every file under dir (store-relative names with '/'), with its bytes and mtime. */
export async function snapshotDir(dir: string, skip: (rel: string) => boolean = () => false): Promise<Map<string, FileSnap>> {
  const out = new Map<string, FileSnap>();
  const walk = async (d: string, prefix: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const rel = prefix ? `${prefix}/${e.name}` : e.name;
      if (skip(rel)) continue;
      if (e.isDirectory()) await walk(join(d, e.name), rel);
      else {
        const bytes = await readFile(join(d, e.name));
        const st = await lstat(join(d, e.name));
        out.set(rel, { bytes, sha: createHash('sha256').update(bytes).digest('hex'), mtimeMs: st.mtimeMs });
      }
    }
  };
  await walk(dir, '');
  return out;
}

/** A readable description of how two snapshots differ ([] when they are the same). */
export function diffSnapshots(before: Map<string, FileSnap>, after: Map<string, FileSnap>, o: { mtime?: boolean } = {}): string[] {
  const diffs: string[] = [];
  for (const [rel, b] of before) {
    const a = after.get(rel);
    if (!a) diffs.push(`${rel} removed`);
    else if (a.sha !== b.sha) diffs.push(`${rel} changed`);
    else if (o.mtime && a.mtimeMs !== b.mtimeMs) diffs.push(`${rel} touched (mtime)`);
  }
  for (const rel of after.keys()) if (!before.has(rel)) diffs.push(`${rel} added`);
  return diffs;
}

/** Put a folder back exactly as a snapshot had it: same files, same bytes, nothing extra. */
export async function restoreDir(dir: string, snap: Map<string, FileSnap>): Promise<void> {
  const now = await snapshotDir(dir);
  for (const rel of now.keys()) if (!snap.has(rel)) await rm(join(dir, ...rel.split('/')), { force: true });
  for (const [rel, s] of snap) {
    const cur = now.get(rel);
    if (cur && cur.sha === s.sha) continue;
    const p = join(dir, ...rel.split('/'));
    await mkdir(dirname(p), { recursive: true });
    await writeFile(p, s.bytes);
  }
}

/** A small seeded PRNG (mulberry32) so fault tests reproduce from their seed. */
export function prng(seed: number): { next(): number; int(min: number, max: number): number } {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (min, max) => min + Math.floor(next() * (max - min + 1)) };
}

/** The CasebookError a promise rejects with, or undefined if it resolves. */
export async function rejection(p: Promise<unknown>): Promise<CasebookError | undefined> {
  try {
    await p;
    return undefined;
  } catch (e) {
    return e as CasebookError;
  }
}
