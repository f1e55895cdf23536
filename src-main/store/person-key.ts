import { createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, type KeyObject } from 'node:crypto';

/**
 * Each person's key pair (issue 16: deactivating a login changes the data key). The new key must
 * reach the people who stay without anyone knowing their passphrases, so it is sealed to a
 * public key of theirs, kept in the keyring beside their wrap. The private half is never stored:
 * it is derived from the same Argon2id key that opens their wrap (or from the recovery key), so
 * their passphrase alone opens a key sealed to them, and an administrator who changes the key
 * needs nothing from them. X25519 for the agreement, HKDF-SHA256 for the keys.
 */
const PKCS8_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');
const SPKI_PREFIX = Buffer.from('302a300506032b656e032100', 'hex');

/** The private half, from a key-encrypting key only the person (or the recovery key's holder) can derive. */
export function personSecret(kek: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', kek, Buffer.alloc(0), 'rj-casebook person key v1', 32));
}

const privateKeyOf = (secret: Buffer): KeyObject => createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, secret]), format: 'der', type: 'pkcs8' });

function publicKeyOf(b64: string): KeyObject | undefined {
  const raw = Buffer.from(b64, 'base64');
  if (raw.length !== 32) return undefined;
  try {
    return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
  } catch {
    return undefined;
  }
}

const rawPublic = (k: KeyObject): string => (k.export({ format: 'der', type: 'spki' }) as Buffer).subarray(SPKI_PREFIX.length).toString('base64');

export const publicKeyFor = (secret: Buffer): string => rawPublic(createPublicKey(privateKeyOf(secret)));

/** Bound to both public keys, so a sealed wrap cannot be passed off as sealed to someone else. */
const kekFrom = (shared: Buffer, ephemeral: string, publicKey: string): Buffer =>
  Buffer.from(hkdfSync('sha256', shared, Buffer.from(`${ephemeral}|${publicKey}`, 'utf8'), 'rj-casebook sealed key v1', 32));

/** A one-off key to wrap with, which only the holder of `publicKey`'s secret can make again from `ephemeral`. */
export function sealingKek(publicKey: string): { kek: Buffer; ephemeral: string } | undefined {
  const recipient = publicKeyOf(publicKey);
  if (!recipient) return undefined;
  const pair = generateKeyPairSync('x25519');
  const ephemeral = rawPublic(pair.publicKey);
  try {
    return { kek: kekFrom(diffieHellman({ privateKey: pair.privateKey, publicKey: recipient }), ephemeral, publicKey), ephemeral };
  } catch {
    // A degenerate public key (one of the few that give no shared secret): nothing can be sealed to it.
    return undefined;
  }
}

/** Whether a key can be sealed to this public key (a valid one, not degenerate). */
export function canSealTo(publicKey: string | undefined): boolean {
  const sealing = publicKey ? sealingKek(publicKey) : undefined;
  sealing?.kek.fill(0);
  return sealing !== undefined;
}

/** The same one-off key, made again with the person's secret; undefined when the ephemeral key is not a valid one. */
export function openingKek(secret: Buffer, ephemeral: string): Buffer | undefined {
  const sender = publicKeyOf(ephemeral);
  if (!sender) return undefined;
  try {
    return kekFrom(diffieHellman({ privateKey: privateKeyOf(secret), publicKey: sender }), ephemeral, publicKeyFor(secret));
  } catch {
    return undefined;
  }
}
