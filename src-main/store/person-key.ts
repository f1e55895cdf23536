import { createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, sign, verify, type KeyObject } from 'node:crypto';

/**
 * Each person's key pairs (issue 16: deactivating a login changes the data key). The new key must
 * reach the people who stay without anyone knowing their passphrases, so it is sealed to an X25519
 * public key of theirs, kept in the keyring beside their wrap; and the other computers of a team
 * take it only when an administrator of theirs signed the change, with an Ed25519 key of theirs.
 * No private half is ever stored: both come from the "person key", the same Argon2id key that opens
 * their wrap (or, for the recovery wrap, the recovery key's), through HKDF-SHA256. So their
 * passphrase alone opens a key sealed to them, and a changed passphrase changes both pairs.
 */
const X25519_PKCS8 = Buffer.from('302e020100300506032b656e04220420', 'hex');
const X25519_SPKI = Buffer.from('302a300506032b656e032100', 'hex');
const ED25519_PKCS8 = Buffer.from('302e020100300506032b657004220420', 'hex');
const ED25519_SPKI = Buffer.from('302a300506032b6570032100', 'hex');

const derive = (personKey: Buffer, label: string): Buffer => Buffer.from(hkdfSync('sha256', personKey, Buffer.alloc(0), label, 32));

function privateKey(prefix: Buffer, seed: Buffer): KeyObject {
  const der = Buffer.concat([prefix, seed]);
  try {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } finally {
    der.fill(0);
    seed.fill(0);
  }
}

function publicKey(prefix: Buffer, b64: string): KeyObject | undefined {
  const raw = Buffer.from(b64, 'base64');
  if (raw.length !== 32) return undefined;
  try {
    return createPublicKey({ key: Buffer.concat([prefix, raw]), format: 'der', type: 'spki' });
  } catch {
    return undefined;
  }
}

const rawPublic = (k: KeyObject): string => (k.export({ format: 'der', type: 'spki' }) as Buffer).subarray(12).toString('base64');
const agreementKey = (personKey: Buffer) => privateKey(X25519_PKCS8, derive(personKey, 'rj-casebook person key v1'));
const signingKeyOf = (personKey: Buffer) => privateKey(ED25519_PKCS8, derive(personKey, 'rj-casebook person signing key v1'));

/** The public halves, as the keyring holds them beside the person's wrap. */
export function publicKeysOf(personKey: Buffer): { publicKey: string; signingKey: string } {
  return { publicKey: rawPublic(createPublicKey(agreementKey(personKey))), signingKey: rawPublic(createPublicKey(signingKeyOf(personKey))) };
}

/** Bound to both public keys, so a sealed wrap cannot be passed off as sealed to someone else. */
function kekFrom(shared: Buffer, ephemeral: string, recipient: string): Buffer {
  try {
    return Buffer.from(hkdfSync('sha256', shared, Buffer.from(`${ephemeral}|${recipient}`, 'utf8'), 'rj-casebook sealed key v1', 32));
  } finally {
    shared.fill(0);
  }
}

/** A one-off key to wrap with, which only the holder of `recipient`'s person key can make again from `ephemeral`. */
export function sealingKek(recipient: string): { kek: Buffer; ephemeral: string } | undefined {
  const key = publicKey(X25519_SPKI, recipient);
  if (!key) return undefined;
  const pair = generateKeyPairSync('x25519');
  const ephemeral = rawPublic(pair.publicKey);
  try {
    return { kek: kekFrom(diffieHellman({ privateKey: pair.privateKey, publicKey: key }), ephemeral, recipient), ephemeral };
  } catch {
    // A degenerate public key (one of the few that give no shared secret): nothing can be sealed to it.
    return undefined;
  }
}

/** Whether a key can be sealed to this public key (a valid one, not degenerate). */
export function canSealTo(recipient: string | undefined): boolean {
  const sealing = recipient ? sealingKek(recipient) : undefined;
  sealing?.kek.fill(0);
  return sealing !== undefined;
}

/** The same one-off key, made again with the person key; undefined when the ephemeral key is not a valid one. */
export function openingKek(personKey: Buffer, ephemeral: string): Buffer | undefined {
  const sender = publicKey(X25519_SPKI, ephemeral);
  if (!sender) return undefined;
  try {
    const mine = agreementKey(personKey);
    return kekFrom(diffieHellman({ privateKey: mine, publicKey: sender }), ephemeral, rawPublic(createPublicKey(mine)));
  } catch {
    return undefined;
  }
}

export const signAs = (personKey: Buffer, data: Buffer): string => sign(null, data, signingKeyOf(personKey)).toString('base64');

export function verifySigned(signingKey: string, data: Buffer, signature: string): boolean {
  const key = publicKey(ED25519_SPKI, signingKey);
  const sig = Buffer.from(signature, 'base64');
  if (!key || sig.length !== 64) return false;
  try {
    return verify(null, data, key, sig);
  } catch {
    return false;
  }
}
