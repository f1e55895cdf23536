import { createHash } from 'node:crypto';
import { z } from 'zod';
import { openWithKek, unlockForUser, type KeyringBody, type UserWrap } from '../../store/keyring';

/**
 * The one part of the team's keyring the server can read (issue 16): each person's wrap of the
 * data key (Argon2id of their passphrase, as in keyring.json), so another computer can unlock
 * with a passphrase alone. Names are not in it: each wrap carries a one-byte hint of the name,
 * enough to try only the right wrap or two at joining, too little to tell who is on the team.
 * The whole keyring, names and recovery wrap included, travels sealed beside it.
 */
/** Bounded, so a hostile server cannot make joining derive a key with absurd memory or time. */
const KdfSchema = z.strictObject({ alg: z.literal('argon2id'), memoryKiB: z.number().int().min(19_456).max(1024 * 1024), iterations: z.number().int().min(2).max(64), parallelism: z.number().int().min(1).max(16), salt: z.string().max(100) });
export const PublicKeyringSchema = z.strictObject({
  format: z.literal('rj-casebook-team-keyring'),
  storeId: z.string().regex(/^[0-9a-f]{32}$/),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  wraps: z
    .array(
      z.strictObject({
        userId: z.string().max(60),
        hint: z.string().regex(/^[0-9a-f]{2}$/),
        kdf: KdfSchema,
        nonce: z.string().max(100),
        wrapped: z.string().max(200),
        // The person's public key, and for a key sealed to it, the other half of the agreement (store/person-key.ts).
        publicKey: z.string().max(60).optional(),
        ephemeral: z.string().max(60).optional(),
        signingKey: z.string().max(60).optional(),
      }),
    )
    .min(1)
    .max(500),
  handover: z.strictObject({ from: z.string().regex(/^[0-9a-f]{16}$/), by: z.string().min(1).max(60), signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/) }).optional(),
});
export type PublicKeyring = z.infer<typeof PublicKeyringSchema>;

export function nameHint(storeId: string, name: string): string {
  return createHash('sha256').update(`rj-casebook name hint|${storeId}|${name.normalize('NFC').trim().toLocaleLowerCase('en-GB')}`).digest('hex').slice(0, 2);
}

export function keyringPublic(k: KeyringBody): PublicKeyring {
  return {
    format: 'rj-casebook-team-keyring',
    storeId: k.storeId,
    keyId: k.keyId,
    wraps: k.users.map((u) => ({ userId: u.userId, hint: nameHint(k.storeId, u.name), kdf: u.kdf, nonce: u.nonce, wrapped: u.wrapped, ...(u.publicKey ? { publicKey: u.publicKey } : {}), ...(u.ephemeral ? { ephemeral: u.ephemeral } : {}), ...(u.signingKey ? { signingKey: u.signingKey } : {}) })),
    ...(k.handover ? { handover: k.handover } : {}),
  };
}

/**
 * The data key from the public keyring with a name and passphrase (and the person key, see
 * store/person-key.ts): `no-name` when no wrap's hint matches the name, `wrong-passphrase` when
 * none of the matching wraps opens. A wrap sealed to a public key is one anybody could have made,
 * the server included, so it is tried only when asked for (`sealed`), the change's signature checked by the caller.
 */
export async function unwrapPublic(pub: PublicKeyring, name: string, passphrase: string, o: { sealed: boolean }): Promise<{ key: Buffer; kek: Buffer; userId: string; settled: UserWrap | undefined; was: string } | 'no-name' | 'wrong-passphrase' | 'sealed-only'> {
  const hint = nameHint(pub.storeId, name);
  const matching = pub.wraps.filter((w) => w.hint === hint);
  if (matching.length === 0) return 'no-name';
  // A few at most: a hostile server could give every wrap the same hint, each costing a key derivation.
  const candidates = matching.filter((w) => o.sealed || !w.ephemeral).slice(0, 4);
  for (const w of candidates) {
    const opened = await unlockForUser(asKeyring(pub, w), w.userId, passphrase).catch(() => undefined);
    if (opened) return { ...opened, userId: w.userId };
  }
  return candidates.length === 0 ? 'sealed-only' : 'wrong-passphrase';
}

const asKeyring = (pub: PublicKeyring, w: PublicKeyring['wraps'][number]) => ({ storeId: pub.storeId, users: [{ ...w, name: '' }] }) as unknown as KeyringBody;

/** The data key from this person's wrap in the public keyring, with the person key kept since they unlocked. */
export function openPublicWithKek(pub: PublicKeyring, userId: string, kek: Buffer): Buffer | undefined {
  const w = pub.wraps.find((x) => x.userId === userId);
  return w && openWithKek(asKeyring(pub, w), userId, kek);
}
