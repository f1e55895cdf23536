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
import { openingKek, publicKeysOf, sealingKek, signAs, verifySigned } from './person-key';

/**
 * keyring.json is the only file read before unlocking, so it is the only one not encrypted.
 * It holds the data key wrapped once per user (Argon2id of their passphrase) and once by the
 * recovery key, plus each user's display name so the unlock screen can offer a choice.
 * A SHA-256 over the body catches damage before unlocking; an HMAC under a key derived from
 * the data key catches deliberate edits after unlocking. Changing a passphrase rewraps the
 * data key; nothing else is re-encrypted.
 *
 * Each wrap also carries the person's public keys (person-key.ts). When a login is deactivated the
 * data key changes, and the new key is sealed to each public key (an `ephemeral` beside the
 * wrap says so): the same passphrase opens it, and nobody had to be given a new one. The change is
 * signed by the administrator who made it (`handover`), for the other computers of a team.
 */
const b64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/);
const KdfSchema = z.strictObject({
  alg: z.literal('argon2id'),
  memoryKiB: z.number().int(),
  iterations: z.number().int(),
  parallelism: z.number().int(),
  salt: b64,
});
/** A public key (X25519 or Ed25519), 32 bytes. Absent from wraps written before key pairs existed. */
const publicKey = z.string().regex(/^[A-Za-z0-9+/]{43}=$/).optional();
const WrapSchema = z.strictObject({ nonce: b64, wrapped: b64, publicKey, ephemeral: publicKey, signingKey: publicKey });
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
  /** With a new key: the key it replaced and the administrator who signed the change (`signHandover`), for the other computers of a team. */
  handover: z.strictObject({ from: z.string().regex(/^[0-9a-f]{16}$/), by: z.string().min(1).max(60), signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/) }).optional(),
  mac: z.string().regex(/^[0-9a-f]{64}$/).optional(),
});
export type KeyringBody = z.infer<typeof BodySchema>;
const FileSchema = z.strictObject({ body: z.unknown(), sha256: z.string() });

const damaged = (why: string) =>
  new CasebookError('CORRUPT', `${KEYRING} is damaged or has been tampered with (${why}); restore it from a backup`, { file: KEYRING });

function wrapAad(storeId: string, who: string, kdf?: KdfParams): Buffer {
  return Buffer.from(`rj-casebook wrap v1|${storeId}|${who}|${kdf ? JSON.stringify(kdf) : ''}`, 'utf8');
}

/** A wrap sealed to a public key is bound to whose it is, apart from any passphrase's own wrap. */
function sealAad(storeId: string, who: string): Buffer {
  return Buffer.from(`rj-casebook sealed wrap v1|${storeId}|${who}`, 'utf8');
}

type Wrap = { nonce: string; wrapped: string; ephemeral?: string };

function openSealed(personKey: Buffer, w: Wrap, aad: Buffer): Buffer | undefined {
  const kek = w.ephemeral ? openingKek(personKey, w.ephemeral) : undefined;
  if (!kek) return undefined;
  try {
    return unwrapKey(kek, w, aad);
  } finally {
    kek.fill(0);
  }
}

/** The data key sealed to a public key: a wrap that only its owner's passphrase (or recovery key) opens. */
function sealTo(pub: string | undefined, dataKey: Buffer, aad: Buffer) {
  const sealing = pub ? sealingKek(pub) : undefined;
  if (!sealing) return undefined;
  try {
    return { publicKey: pub, ephemeral: sealing.ephemeral, ...wrapKey(sealing.kek, dataKey, aad) };
  } finally {
    sealing.kek.fill(0);
  }
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

export type UserWrap = KeyringBody['users'][number];

/** A person's wrap and their person key from one key derivation, for the person signed in (who keeps it). */
export async function wrapKeepingKek(body: Pick<KeyringBody, 'storeId'>, userId: string, name: string, passphrase: string, kdf: KdfParams, dataKey: Buffer): Promise<{ wrap: UserWrap; kek: Buffer }> {
  const kek = await deriveKey(passphrase, kdf);
  return { wrap: { userId, name, kdf, ...publicKeysOf(kek), ...wrapKey(kek, dataKey, wrapAad(body.storeId, userId, kdf)) }, kek };
}

export async function wrapForUser(body: Pick<KeyringBody, 'storeId'>, userId: string, name: string, passphrase: string, kdf: KdfParams, dataKey: Buffer): Promise<UserWrap> {
  const { wrap, kek } = await wrapKeepingKek(body, userId, name, passphrase, kdf, dataKey);
  kek.fill(0);
  return wrap;
}

function openEntry(storeId: string, entry: UserWrap, kek: Buffer): Buffer | undefined {
  return entry.ephemeral ? openSealed(kek, entry, sealAad(storeId, entry.userId)) : unwrapKey(kek, entry, wrapAad(storeId, entry.userId, entry.kdf));
}

/**
 * The data key with a person's passphrase, from their own wrap or one sealed to them, and their
 * person key (the Argon2id key both their key pairs come from: kept while unlocked, to take a key
 * changed on another computer and to sign one). `settled` is their wrap made plain again when it
 * was sealed, from before key pairs, or with public keys not theirs (key-pairs.ts).
 */
export async function unlockForUser(body: Pick<KeyringBody, 'storeId' | 'users'>, userId: string, passphrase: string): Promise<{ key: Buffer; kek: Buffer; settled: UserWrap | undefined; was: string } | undefined> {
  const entry = body.users.find((u) => u.userId === userId);
  if (!entry || typeof passphrase !== 'string' || passphrase.length === 0) return undefined;
  const kek = await deriveKey(passphrase, entry.kdf);
  const key = openEntry(body.storeId, entry, kek);
  if (!key) {
    kek.fill(0);
    return undefined;
  }
  const keys = publicKeysOf(kek);
  const plain = !entry.ephemeral && entry.publicKey === keys.publicKey && entry.signingKey === keys.signingKey;
  const settled = plain ? undefined : { userId, name: entry.name, kdf: entry.kdf, ...keys, ...wrapKey(kek, key, wrapAad(body.storeId, userId, entry.kdf)) };
  return { key, kek, settled, was: entry.wrapped };
}

export async function unwrapForUser(body: KeyringBody, userId: string, passphrase: string): Promise<Buffer | undefined> {
  const opened = await unlockForUser(body, userId, passphrase);
  opened?.kek.fill(0);
  return opened?.key;
}

/** A person's person key from their passphrase (once their wrap has changed). */
export async function kekFor(body: Pick<KeyringBody, 'storeId' | 'users'>, userId: string, passphrase: string): Promise<Buffer | undefined> {
  const opened = await unlockForUser(body, userId, passphrase);
  opened?.key.fill(0);
  return opened?.kek;
}

/** The data key from this person's wrap, sealed or plain, with the person key kept since they unlocked (no passphrase asked). */
export function openWithKek(body: Pick<KeyringBody, 'storeId' | 'users'>, userId: string, kek: Buffer): Buffer | undefined {
  const entry = body.users.find((u) => u.userId === userId);
  return entry && openEntry(body.storeId, entry, kek);
}

/** The person's wrap of a new data key, sealed to their public key; undefined for a wrap from before key pairs. */
export function sealForUser(storeId: string, entry: UserWrap, dataKey: Buffer): UserWrap | undefined {
  const sealed = sealTo(entry.publicKey, dataKey, sealAad(storeId, entry.userId));
  return sealed && { userId: entry.userId, name: entry.name, kdf: entry.kdf, ...sealed, ...(entry.signingKey ? { signingKey: entry.signingKey } : {}) };
}

export function wrapForRecovery(storeId: string, recoveryBytes: Buffer, dataKey: Buffer) {
  const salt = randomBytes(16);
  const kek = recoveryKek(recoveryBytes, salt);
  try {
    return { salt: salt.toString('base64'), publicKey: publicKeysOf(kek).publicKey, ...wrapKey(kek, dataKey, wrapAad(storeId, 'recovery')) };
  } finally {
    kek.fill(0);
  }
}

/** The recovery wrap of a new data key, sealed to the recovery key's public key, so the same recovery key opens it. */
export function sealForRecovery(storeId: string, recovery: KeyringBody['recovery'], dataKey: Buffer): KeyringBody['recovery'] | undefined {
  const sealed = sealTo(recovery.publicKey, dataKey, sealAad(storeId, 'recovery'));
  return sealed && { salt: recovery.salt, ...sealed };
}

export function unwrapWithRecovery(body: KeyringBody, recoveryBytes: Buffer): Buffer | undefined {
  const kek = recoveryKek(recoveryBytes, Buffer.from(body.recovery.salt, 'base64'));
  try {
    return body.recovery.ephemeral ? openSealed(kek, body.recovery, sealAad(body.storeId, 'recovery')) : unwrapKey(kek, body.recovery, wrapAad(body.storeId, 'recovery'));
  } finally {
    kek.fill(0);
  }
}

/** A keyring entry by user id, or by display name ignoring case (for the CLI's --user NAME). */
export function findUser(keyring: KeyringBody, idOrName: string) {
  const wanted = idOrName.trim().toLocaleLowerCase('en-GB');
  return keyring.users.find((u) => u.userId === idOrName) ?? keyring.users.find((u) => u.name.toLocaleLowerCase('en-GB') === wanted);
}

/**
 * A change of key signed by the administrator who made it (issue 16), with the Ed25519 key of
 * their person key, over the casebook, the key replaced, the new key's id and a digest of the new
 * key itself (so it holds whatever wraps are added or changed later). The other computers of a
 * team take a new key only with a signature by someone their own keyring and list of people show
 * as an active administrator (services/sync/adopt-key.ts): the server, which holds no one's
 * person key, cannot make one, nor can a person removed who was not an administrator.
 */
function handoverMessage(storeId: string, from: string, keyId: string, newKey: Buffer): Buffer {
  const digest = Buffer.from(hkdfSync('sha256', newKey, Buffer.alloc(0), 'rj-casebook key handover v2', 32));
  return Buffer.concat([Buffer.from(`rj-casebook key handover v2|${storeId}|${from}|${keyId}|`, 'utf8'), digest]);
}

export function signHandover(signer: { userId: string; kek: Buffer }, storeId: string, from: string, keyId: string, newKey: Buffer): NonNullable<KeyringBody['handover']> {
  return { from, by: signer.userId, signature: signAs(signer.kek, handoverMessage(storeId, from, keyId, newKey)) };
}

export function checkHandover(h: NonNullable<KeyringBody['handover']>, signingKey: string, storeId: string, keyId: string, newKey: Buffer): boolean {
  return verifySigned(signingKey, handoverMessage(storeId, h.from, keyId, newKey), h.signature);
}
