import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { chooseKdfParams } from '../../src-main/store/kdf';
import { checkHandover, kekFor, openWithKek, sealForRecovery, sealForUser, signHandover, unlockForUser, unwrapWithRecovery, wrapForRecovery, wrapForUser, type KeyringBody } from '../../src-main/store/keyring';
import { openingKek, publicKeysOf, sealingKek } from '../../src-main/store/person-key';

/**
 * The wraps sealed to a person's public key (store/person-key.ts): the same passphrase opens
 * them, nobody else's does, a wrap moved to another person or another casebook opens nothing,
 * and a tampered or degenerate ephemeral key is refused without throwing.
 */
const STORE = 'a'.repeat(32);
const OTHER_STORE = 'b'.repeat(32);

async function person(userId: string, passphrase: string, key: Buffer) {
  return wrapForUser({ storeId: STORE }, userId, userId, passphrase, await chooseKdfParams('minimum'), key);
}
const keyring = (users: KeyringBody['users'], storeId = STORE) => ({ storeId, users });

describe('a data key sealed to a person', () => {
  it('opens with their passphrase and with the secret kept since they unlocked, and with nothing else', async () => {
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    const fatima = await person('u_fatima000000', 'fatima passphrase 1', oldKey);
    const gwen = await person('u_gwen00000000', 'gwen passphrase 22', oldKey);
    expect(fatima.publicKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    const sealed = sealForUser(STORE, fatima, newKey)!;
    expect(sealed).toMatchObject({ userId: fatima.userId, publicKey: fatima.publicKey, kdf: fatima.kdf });
    expect(sealed.ephemeral).toMatch(/^[A-Za-z0-9+/]{43}=$/);

    const opened = await unlockForUser(keyring([sealed]), fatima.userId, 'fatima passphrase 1');
    expect(opened?.key.equals(newKey)).toBe(true);
    expect(publicKeysOf(opened!.kek)).toEqual({ publicKey: fatima.publicKey, signingKey: fatima.signingKey });
    expect(openWithKek(keyring([sealed]), fatima.userId, opened!.kek)?.equals(newKey)).toBe(true);
    // Opening a sealed wrap gives it back plain, with the same public keys, for the next commit (key-pairs.ts).
    expect(opened?.settled).toMatchObject({ userId: fatima.userId, publicKey: fatima.publicKey, signingKey: fatima.signingKey });
    expect(opened?.settled?.ephemeral).toBeUndefined();

    expect(await unlockForUser(keyring([sealed]), fatima.userId, 'gwen passphrase 22')).toBeUndefined();
    const gwenKek = (await kekFor(keyring([gwen]), gwen.userId, 'gwen passphrase 22'))!;
    expect(openWithKek(keyring([sealed]), fatima.userId, gwenKek)).toBeUndefined();
    expect(openWithKek(keyring([fatima]), fatima.userId, gwenKek)).toBeUndefined();
    expect(openWithKek(keyring([fatima]), fatima.userId, opened!.kek)?.equals(oldKey)).toBe(true);
  });

  it('is signed over by the administrator who changed it: their signing key checks it, no one else’s, for no other key', async () => {
    const admin = await person('u_admin0000000', 'administrator passphrase 9', randomBytes(32));
    const other = await person('u_gwen00000000', 'gwen passphrase 22', randomBytes(32));
    const kek = (await kekFor(keyring([admin]), admin.userId, 'administrator passphrase 9'))!;
    const newKey = randomBytes(32);
    const h = signHandover({ userId: admin.userId, kek }, STORE, '0123456789abcdef', 'fedcba9876543210', newKey);
    expect(h).toMatchObject({ from: '0123456789abcdef', by: admin.userId });
    expect(checkHandover(h, admin.signingKey!, STORE, 'fedcba9876543210', newKey)).toBe(true);
    expect(checkHandover(h, other.signingKey!, STORE, 'fedcba9876543210', newKey)).toBe(false);
    expect(checkHandover(h, admin.signingKey!, STORE, 'fedcba9876543210', randomBytes(32))).toBe(false);
    expect(checkHandover(h, admin.signingKey!, OTHER_STORE, 'fedcba9876543210', newKey)).toBe(false);
    expect(checkHandover({ ...h, from: '1111111111111111' }, admin.signingKey!, STORE, 'fedcba9876543210', newKey)).toBe(false);
    expect(checkHandover({ ...h, signature: Buffer.alloc(64).toString('base64') }, admin.signingKey!, STORE, 'fedcba9876543210', newKey)).toBe(false);
  });

  it('is bound to its person and its casebook: moved to another entry or another casebook it opens nothing', async () => {
    const fatima = await person('u_fatima000000', 'fatima passphrase 1', randomBytes(32));
    const sealed = sealForUser(STORE, fatima, randomBytes(32))!;
    const moved = { ...sealed, userId: 'u_someoneelse00' };
    expect(await unlockForUser(keyring([moved]), moved.userId, 'fatima passphrase 1')).toBeUndefined();
    expect(await unlockForUser(keyring([sealed], OTHER_STORE), sealed.userId, 'fatima passphrase 1')).toBeUndefined();
  });

  it('refuses a tampered, zero or wrong-length ephemeral key, and a wrap with no public key cannot be sealed to', async () => {
    const fatima = await person('u_fatima000000', 'fatima passphrase 1', randomBytes(32));
    const sealed = sealForUser(STORE, fatima, randomBytes(32))!;
    const other = sealingKek(fatima.publicKey!)!.ephemeral;
    for (const ephemeral of [other, Buffer.alloc(32).toString('base64'), Buffer.alloc(31, 1).toString('base64')]) {
      expect(await unlockForUser(keyring([{ ...sealed, ephemeral }]), sealed.userId, 'fatima passphrase 1')).toBeUndefined();
    }
    expect(openingKek(randomBytes(32), Buffer.alloc(32).toString('base64'))).toBeUndefined();
    const { publicKey: _none, ...old } = fatima;
    expect(sealForUser(STORE, old, randomBytes(32))).toBeUndefined();
  });
});

describe('a data key sealed to the recovery key', () => {
  it('opens with the same recovery key, and not with another', async () => {
    const recovery = randomBytes(32);
    const wrap = wrapForRecovery(STORE, recovery, randomBytes(32));
    const newKey = randomBytes(32);
    const sealed = sealForRecovery(STORE, wrap, newKey)!;
    expect(sealed.salt).toBe(wrap.salt);
    const body = { storeId: STORE, recovery: sealed } as unknown as KeyringBody;
    expect(unwrapWithRecovery(body, recovery)?.equals(newKey)).toBe(true);
    expect(unwrapWithRecovery(body, randomBytes(32))).toBeUndefined();
    const { publicKey: _none, ...old } = wrap;
    expect(sealForRecovery(STORE, old, newKey)).toBeUndefined();
  });
});
