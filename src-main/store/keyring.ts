import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, hkdfSync } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { z } from 'zod';
import { CasebookError } from '../domain/shared/errors';
import { deriveKey, isAtLeastMinimum, type KdfParams } from './kdf';
import { recoveryKek } from './recovery-key';
import { writeFileDurably } from './durable-write';
import { abs, KEYRING, STORE_FORMAT } from './layout';
import type { DataKey } from './envelope';
import { canonicalJson } from './canonical-json';

/**
 * keyring.json is the only file read before unlocking, so it is the only one not encrypted.
 * It holds the data key wrapped once per user (Argon2id of their passphrase) and once by the
 * recovery key, plus each user's display name so the unlock screen can offer a choice.
 * A SHA-256 over the body catches damage before unlocking; an HMAC under a key derived from
 * the data key catches deliberate edits after unlocking. Changing a passphrase rewraps the
 * data key; nothing else is re-encrypted.
 */
const b64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/);
const KdfSchema = z.strictObject({
  alg: z.literal('argon2id'),
  memoryKiB: z.number().int(),
  iterations: z.number().int(),
  parallelism: z.number().int(),
  salt: b64,
});
const WrapSchema = z.strictObject({ nonce: b64, wrapped: b64 });
const UserWrapSchema = WrapSchema.extend({ userId: z.string(), name: z.string(), kdf: KdfSchema });
const BodySchema = z.strictObject({
  format: z.literal('rj-casebook-keyring'),
  storeFormat: z.number().int().min(1),
  storeId: z.string().regex(/^[0-9a-f]{32}$/),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  users: z.array(UserWrapSchema).min(1),
  recovery: WrapSchema.extend({ salt: b64 }),
  /**
   * Goes up by one at every change of the keyring (a passphrase, a person, a rename). The sealed
   * root (root.ts) holds it too, so an older keyring.json put back — one in which a changed or
   * removed passphrase still works — is refused. Absent in keyrings written before it existed.
   */
  generation: z.number().int().min(0).optional(),
  /**
   * The key id this keyring's key replaced, when the data key was changed (rotate-key.ts): a
   * journal sealed with exactly that key is the change's own, already applied in full.
   */
  previousKeyId: z.string().regex(/^[0-9a-f]{16}$/).optional(),
  mac: z.string().regex(/^[0-9a-f]{64}$/).optional(),
});
export type KeyringBody = z.infer<typeof BodySchema>;
const FileSchema = z.strictObject({ body: z.unknown(), sha256: z.string() });

const damaged = (why: string) =>
  new CasebookError('CORRUPT', `${KEYRING} is damaged or has been tampered with (${why}); restore it from a backup`, { file: KEYRING });

function wrapAad(storeId: string, who: string, kdf?: KdfParams): Buffer {
  return Buffer.from(`rj-casebook wrap v1|${storeId}|${who}|${kdf ? JSON.stringify(kdf) : ''}`, 'utf8');
}

function wrapKey(kek: Buffer, dataKey: Buffer, aad: Buffer) {
  const nonce = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', kek, nonce);
  c.setAAD(aad);
  const wrapped = Buffer.concat([c.update(dataKey), c.final(), c.getAuthTag()]);
  return { nonce: nonce.toString('base64'), wrapped: wrapped.toString('base64') };
}

function unwrapKey(kek: Buffer, w: { nonce: string; wrapped: string }, aad: Buffer): Buffer | undefined {
  const buf = Buffer.from(w.wrapped, 'base64');
  if (buf.length !== 48) return undefined;
  const d = createDecipheriv('aes-256-gcm', kek, Buffer.from(w.nonce, 'base64'));
  d.setAAD(aad);
  d.setAuthTag(buf.subarray(32));
  try {
    return Buffer.concat([d.update(buf.subarray(0, 32)), d.final()]);
  } catch {
    return undefined;
  }
}

function macKey(dataKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'rj-casebook keyring mac v1', 32));
}

function macOf(body: KeyringBody, dataKey: Buffer): string {
  const { mac: _ignored, ...rest } = body;
  return createHmac('sha256', macKey(dataKey)).update(canonicalJson(rest)).digest('hex');
}

export function serializeKeyring(body: KeyringBody): Buffer {
  const text = JSON.stringify(body);
  return Buffer.from(JSON.stringify({ body, sha256: createHash('sha256').update(text).digest('hex') }), 'utf8');
}

export function parseKeyring(bytes: Buffer): KeyringBody {
  let outer: unknown;
  try {
    outer = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw damaged('not valid JSON');
  }
  const f = FileSchema.safeParse(outer);
  if (!f.success) throw damaged('unexpected layout');
  const text = JSON.stringify(f.data.body);
  if (createHash('sha256').update(text).digest('hex') !== f.data.sha256) throw damaged('checksum mismatch');
  const probe = z.object({ storeFormat: z.number() }).safeParse(f.data.body);
  if (probe.success && probe.data.storeFormat > STORE_FORMAT) {
    throw new CasebookError('NEWER_VERSION', `This casebook was written by a newer version of RJ Casebook (format ${probe.data.storeFormat}). Install the latest version to open it.`);
  }
  const b = BodySchema.safeParse(f.data.body);
  if (!b.success) throw damaged('unexpected contents');
  for (const u of b.data.users) if (!isAtLeastMinimum(u.kdf)) throw damaged('key derivation below the minimum');
  return b.data;
}

export async function readKeyring(storeDir: string): Promise<KeyringBody | undefined> {
  try {
    return parseKeyring(await fs.readFile(abs(storeDir, KEYRING)));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** The keyring signed with the data key, ready to keep in memory and to write. */
export function signKeyring(body: KeyringBody, dataKey: Buffer): KeyringBody {
  return { ...body, mac: macOf(body, dataKey) };
}

/** A changed keyring: its generation one higher, signed. */
export function nextKeyring(body: KeyringBody, dataKey: Buffer): KeyringBody {
  return signKeyring({ ...body, generation: (body.generation ?? 0) + 1 }, dataKey);
}

export const keyringGeneration = (body: Pick<KeyringBody, 'generation'>): number => body.generation ?? 0;

export async function writeKeyring(storeDir: string, body: KeyringBody, dataKey: Buffer): Promise<KeyringBody> {
  const signed = signKeyring(body, dataKey);
  await writeFileDurably(abs(storeDir, KEYRING), serializeKeyring(signed), KEYRING);
  return signed;
}

/** After unlocking, prove nobody edited the keyring (names, parameters, other users' wraps). */
export function checkKeyringMac(body: KeyringBody, dataKey: Buffer): void {
  if (!body.mac || body.mac !== macOf(body, dataKey)) throw damaged('signature mismatch');
}

export function dataKeyOf(body: KeyringBody, key: Buffer): DataKey {
  return { key, keyId: Buffer.from(body.keyId, 'hex') };
}

export async function wrapForUser(body: Pick<KeyringBody, 'storeId'>, userId: string, name: string, passphrase: string, kdf: KdfParams, dataKey: Buffer) {
  const kek = await deriveKey(passphrase, kdf);
  try {
    return { userId, name, kdf, ...wrapKey(kek, dataKey, wrapAad(body.storeId, userId, kdf)) };
  } finally {
    kek.fill(0);
  }
}

export async function unwrapForUser(body: KeyringBody, userId: string, passphrase: string): Promise<Buffer | undefined> {
  const entry = body.users.find((u) => u.userId === userId);
  if (!entry || typeof passphrase !== 'string' || passphrase.length === 0) return undefined;
  const kek = await deriveKey(passphrase, entry.kdf);
  try {
    return unwrapKey(kek, entry, wrapAad(body.storeId, userId, entry.kdf));
  } finally {
    kek.fill(0);
  }
}

export function wrapForRecovery(storeId: string, recoveryBytes: Buffer, dataKey: Buffer) {
  const salt = randomBytes(16);
  return { salt: salt.toString('base64'), ...wrapKey(recoveryKek(recoveryBytes, salt), dataKey, wrapAad(storeId, 'recovery')) };
}

export function unwrapWithRecovery(body: KeyringBody, recoveryBytes: Buffer): Buffer | undefined {
  const kek = recoveryKek(recoveryBytes, Buffer.from(body.recovery.salt, 'base64'));
  return unwrapKey(kek, body.recovery, wrapAad(body.storeId, 'recovery'));
}

/** A keyring entry by user id, or by display name ignoring case (for the CLI's --user NAME). */
export function findUser(keyring: KeyringBody, idOrName: string) {
  const wanted = idOrName.trim().toLocaleLowerCase('en-GB');
  return keyring.users.find((u) => u.userId === idOrName) ?? keyring.users.find((u) => u.name.toLocaleLowerCase('en-GB') === wanted);
}
