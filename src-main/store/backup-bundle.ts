import { createHash, createHmac, hkdfSync } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { z } from 'zod';
import { CasebookError } from '../domain/shared/errors';
import { open, type DataKey, type Kind } from './envelope';
import { parseKeyring } from './keyring';
import { canonicalJson } from './canonical-json';
import { abs, ATTACHMENTS_DIR, AUDIT_DIR, CASES_DIR, INDEX, KEYRING, REGISTERS_DIR, ROOT, STORE_REL, SUMMARIES_DIR } from './layout';
import { openAttachment } from './attachments';

/**
 * A backup is one file holding copies of every store file, still encrypted:
 *   "RJCBBK01" | u32 manifest length | manifest JSON | file bytes, in manifest order.
 * The manifest lists each file's store-relative name, size and SHA-256, and carries an HMAC
 * under a key derived from the data key, so a backup cannot be trimmed or altered unnoticed.
 * Nothing in it is readable without the key; the manifest names only random case ids and
 * attachments' SHA-256 digests (as the attachment files themselves are named).
 */
const MAGIC = Buffer.from('RJCBBK01', 'ascii');
const REL = STORE_REL;

const ManifestSchema = z.strictObject({
  format: z.literal(1),
  storeId: z.string(),
  keyId: z.string(),
  createdAt: z.iso.datetime(),
  reason: z.string().max(60),
  files: z.array(z.strictObject({ rel: z.string().regex(REL), size: z.number().int().min(0), sha256: z.string() })),
  mac: z.string(),
});
export type Manifest = z.infer<typeof ManifestSchema>;
export interface Bundle {
  manifest: Manifest;
  files: Map<string, Buffer>;
  /** Case files whose bytes differ from the manifest (damaged since the backup was written): only a restore of what opens may pass them over. */
  damaged?: Set<string>;
}

function macKey(dk: DataKey): Buffer {
  return Buffer.from(hkdfSync('sha256', dk.key, Buffer.alloc(0), 'rj-casebook backup mac v1', 32));
}
function macOf(m: Omit<Manifest, 'mac'>, dk: DataKey): string {
  return createHmac('sha256', macKey(dk)).update(canonicalJson(m)).digest('hex');
}

/** Every file that belongs to the store, by store-relative name. */
export async function storeFiles(storeDir: string): Promise<string[]> {
  const out = [KEYRING, INDEX];
  if (await fs.access(abs(storeDir, ROOT)).then(() => true, () => false)) out.push(ROOT);
  for (const dir of [SUMMARIES_DIR, CASES_DIR, REGISTERS_DIR, AUDIT_DIR, ATTACHMENTS_DIR]) {
    const names = await fs.readdir(abs(storeDir, dir)).catch(() => [] as string[]);
    for (const n of names.sort()) if (REL.test(`${dir}/${n}`)) out.push(`${dir}/${n}`);
  }
  return out;
}

export async function buildBundle(storeDir: string, dk: DataKey, meta: { storeId: string; reason: string; now: Date }): Promise<Buffer> {
  const files = new Map<string, Buffer>();
  for (const rel of await storeFiles(storeDir)) files.set(rel, await fs.readFile(abs(storeDir, rel)));
  return bundleOf(files, dk, meta);
}

/** A backup of these files (in this order), signed with this key: taken from the folder, or re-encrypted when the key changes. */
export function bundleOf(contents: ReadonlyMap<string, Buffer>, dk: DataKey, meta: { storeId: string; reason: string; now: Date }): Buffer {
  const parts = [...contents.values()];
  const files: Manifest['files'] = [...contents].map(([rel, bytes]) => ({ rel, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }));
  const body = { format: 1 as const, storeId: meta.storeId, keyId: dk.keyId.toString('hex'), createdAt: meta.now.toISOString(), reason: meta.reason, files };
  const manifest = Buffer.from(JSON.stringify({ ...body, mac: macOf(body, dk) }), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(manifest.length);
  return Buffer.concat([MAGIC, len, manifest, ...parts]);
}

const bad = (name: string, why: string) =>
  new CasebookError('CORRUPT', `${name.charAt(0).toUpperCase()}${name.slice(1)} is damaged or is not an RJ Casebook backup (${why}); nothing was restored`, { file: name });

/** Split a bundle into its manifest and files, checking sizes and hashes (not yet the key). */
export function parseBundle(bytes: Buffer, name: string): Bundle {
  if (bytes.length < 12 || !bytes.subarray(0, 8).equals(MAGIC)) throw bad(name, 'wrong header');
  const len = bytes.readUInt32BE(8);
  if (12 + len > bytes.length) throw bad(name, 'truncated');
  let manifest: Manifest;
  try {
    manifest = ManifestSchema.parse(JSON.parse(bytes.subarray(12, 12 + len).toString('utf8')));
  } catch {
    throw bad(name, 'unreadable manifest');
  }
  const files = new Map<string, Buffer>();
  const damaged = new Set<string>();
  let at = 12 + len;
  for (const f of manifest.files) {
    const chunk = bytes.subarray(at, at + f.size);
    if (chunk.length !== f.size) throw bad(name, `${f.rel} does not match`);
    // A case file is one case: the rest of the backup can still be restored without it.
    if (createHash('sha256').update(chunk).digest('hex') !== f.sha256) {
      if (!f.rel.startsWith(`${CASES_DIR}/`)) throw bad(name, `${f.rel} does not match`);
      damaged.add(f.rel);
    }
    files.set(f.rel, chunk);
    at += f.size;
  }
  if (at !== bytes.length) throw bad(name, 'unexpected trailing data');
  return { manifest, files, damaged };
}

/** The key id the backup's own keyring names (a damaged manifest's key id does not match it). */
function keyIdInside(b: Bundle): string | undefined {
  try {
    return parseKeyring(b.files.get(KEYRING) ?? Buffer.alloc(0)).keyId;
  } catch {
    return undefined;
  }
}

const KIND_OF: [RegExp, Kind][] = [[/^index\.cbk$/, 'index'], [/^root\.cbk$/, 'root'], [/^cases\//, 'case'], [/^summaries\//, 'summaries'], [/^audit\//, 'audit'], [/^registers\//, 'register']];
/** The envelope kind of a store file holding JSON, by its name; undefined for the keyring and attachments. */
export const kindOf = (rel: string): Kind | undefined => KIND_OF.find(([re]) => re.test(rel))?.[1];

/**
 * Prove every file in the bundle opens with this key: the manifest signature and every
 * envelope, and that every attachment's content matches its name.
 */
export function verifyBundle(b: Bundle, dk: DataKey, name: string, storeId?: string): void {
  checkSignature(b, dk, name, storeId);
  parseKeyring(b.files.get(KEYRING)!);
  for (const [rel, bytes] of b.files) {
    const kind = kindOf(rel);
    if (kind) open(dk, kind, rel, bytes).fill(0);
    else if (rel.startsWith(`${ATTACHMENTS_DIR}/`)) openAttachment(dk, rel, bytes).bytes.fill(0);
  }
}

/**
 * The manifest is signed with this casebook's key and names the index and keyring. With the
 * hashes parseBundle checks, this proves a backup is byte for byte what was written, which is
 * enough for one that was opened in full as it was taken.
 */
export function checkSignature(b: Bundle, dk: DataKey, name: string, storeId?: string): void {
  checkManifest(b, dk, name, storeId);
  const [first] = b.damaged ?? [];
  if (first) throw bad(name, `${first} does not match`);
}

/** The manifest's signature and the files every restore needs, leaving damaged case files to the caller (lost-cases.ts). */
export function checkManifest(b: Bundle, dk: DataKey, name: string, storeId?: string): void {
  const { mac, ...rest } = b.manifest;
  if (macOf(rest, dk) !== mac) {
    // Another casebook's backup differs in both its store and its key; a backup that differs in
    // only one of them (or in neither) has been damaged.
    const otherKey = b.manifest.keyId !== dk.keyId.toString('hex');
    const otherStore = storeId !== undefined && b.manifest.storeId !== storeId;
    if (otherKey && storeId !== undefined && !otherStore && keyIdInside(b) === b.manifest.keyId) {
      // Only a key change (rotate-key.ts) gives one casebook a second key; its backups are
      // re-encrypted then, so this is one that could not be (damaged) or came from elsewhere.
      throw new CasebookError('CONFLICT', `${name.charAt(0).toUpperCase()}${name.slice(1)} was made with an earlier key of this casebook, before the key was changed, so it cannot be restored over it. It can be restored into an empty folder ("restore while locked") with a passphrase from that time; nothing was restored`);
    }
    if (otherKey && (storeId === undefined || otherStore)) {
      throw new CasebookError('CONFLICT', `${name.charAt(0).toUpperCase()}${name.slice(1)} is a backup of a different casebook; nothing was restored`);
    }
    throw bad(name, 'signature mismatch');
  }
  if (!b.files.has(KEYRING) || !b.files.has(INDEX)) throw bad(name, 'incomplete');
}
