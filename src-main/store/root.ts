import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { z } from 'zod';
import { EncryptedFile } from './encrypted-file';
import type { DataKey } from './envelope';
import type { FileWrite } from './journal';
import { abs, AUDIT_DIR, INDEX, KEYRING, ROOT, STORE_REL, SUMMARIES_DIR } from './layout';

/**
 * The sealed root: the casebook's own record of its last save, written in the same journaled
 * commit as every change. It holds a commit counter that only goes up, the audit trail's head,
 * the keyring's generation, and a SHA-256 of every file that describes the whole casebook — the
 * index, the keyring, each case-list shard and each audit segment. A file swapped for an older
 * copy of itself, or deleted, no longer matches the root; a case file swapped for an older copy
 * no longer matches its row in the (pinned) case list. What the root cannot see is the whole
 * folder, root included, put back as it was: docs/store-format.md says how that is caught
 * (a record kept outside the casebook) and what is shown to the user.
 */
const Digest = z.string().regex(/^[0-9a-f]{64}$/);
export const RootSchema = z.strictObject({
  format: z.literal(1),
  commit: z.number().int().min(1),
  at: z.iso.datetime(),
  keyringGeneration: z.number().int().min(0),
  audit: z.strictObject({ seq: z.number().int().min(0), hash: z.string().regex(/^[0-9a-f]{64}$/) }),
  /** Store-relative name → SHA-256 of the file's bytes as written. */
  files: z.record(z.string().max(80), Digest),
});
export type Root = z.infer<typeof RootSchema>;

export function rootFile(dir: string, dk: DataKey): EncryptedFile<Root> {
  return new EncryptedFile<Root>(dir, ROOT, 'root', RootSchema, dk);
}

export const digestOf = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The files the root pins: everything that describes the whole casebook (case files are pinned by their rows). */
export function isPinned(rel: string): boolean {
  return rel === INDEX || rel === KEYRING || rel.startsWith(`${SUMMARIES_DIR}/`) || rel.startsWith(`${AUDIT_DIR}/`);
}

/** The root after a commit of these writes and deletes: the counter moved on, the digests of what changed replaced. */
export function nextRoot(prev: Root | undefined, c: { writes: readonly FileWrite[]; deletes?: readonly string[]; audit: Root['audit']; keyringGeneration: number; now: Date }): Root {
  const files = { ...(prev?.files ?? {}) };
  for (const w of c.writes) if (isPinned(w.rel)) files[w.rel] = digestOf(w.bytes);
  for (const d of c.deletes ?? []) delete files[d];
  return { format: 1, commit: (prev?.commit ?? 0) + 1, at: c.now.toISOString(), keyringGeneration: c.keyringGeneration, audit: c.audit, files };
}

export interface RootProblem {
  file: string;
  message: string;
}

/**
 * Where the files on disk disagree with the root. `actual` maps each pinned file present on
 * disk to its digest. A file the root names that is missing, one that differs, and a pinned
 * file the root does not know of are each named.
 */
export function compareWithRoot(root: Root, actual: ReadonlyMap<string, string>): RootProblem[] {
  const problems: RootProblem[] = [];
  for (const [rel, digest] of Object.entries(root.files)) {
    const got = actual.get(rel);
    if (got === undefined) problems.push({ file: rel, message: `is missing, although the casebook's last save (change ${root.commit}) included it: it may have been deleted` });
    else if (got !== digest) problems.push({ file: rel, message: `is not the version the casebook last saved (change ${root.commit}): it may have been replaced by an older copy` });
  }
  for (const rel of actual.keys()) {
    if (!Object.hasOwn(root.files, rel)) problems.push({ file: rel, message: `is not part of the casebook as last saved (change ${root.commit}): it may have been put there from another copy` });
  }
  return problems;
}

/** The digest of every pinned file on disk now, by reading them (verify, and sealing an older casebook). */
export async function pinnedDigests(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const add = async (rel: string) => {
    const bytes = await fs.readFile(abs(dir, rel)).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return undefined;
      throw e;
    });
    if (bytes) out.set(rel, digestOf(bytes));
  };
  await add(INDEX);
  await add(KEYRING);
  for (const folder of [SUMMARIES_DIR, AUDIT_DIR]) {
    const names = await fs.readdir(abs(dir, folder)).catch(() => [] as string[]);
    for (const n of names.sort()) if (STORE_REL.test(`${folder}/${n}`)) await add(`${folder}/${n}`);
  }
  return out;
}

/** The root of a casebook being created: nothing saved yet, so every file its first commits write is pinned. */
export function emptyRoot(now: Date, auditHash: string): Root {
  return { format: 1, commit: 0, at: now.toISOString(), keyringGeneration: 0, audit: { seq: 0, hash: auditHash }, files: {} };
}
