import { promises as fs } from 'node:fs';
import type { AuditDraft } from '../domain/casebook/audit';
import { AuditLog } from './audit-log';
import { storeFiles } from './backup-bundle';
import type { DataKey } from './envelope';
import { EncryptedFile } from './encrypted-file';
import { IndexSchema, type IndexData } from './index-db';
import type { FileWrite } from './journal';
import { PassphraseSchema } from '../domain/casebook/passphrase';
import { CasebookError } from '../domain/shared/errors';
import { chooseKdfParams, type KdfProfile } from './kdf';
import { signHandover, nextKeyring, sealForRecovery, sealForUser, serializeKeyring, unwrapForUser, wrapForRecovery, wrapForUser, type KeyringBody } from './keyring';
import { abs, INDEX, KEYRING, ROOT } from './layout';
import { newRecoveryKey } from './recovery-key';
import { nextRoot, rootFile, type Root } from './root';
import { newDataKey, rekeyFiles, renameRefs } from './rotate-key';

/**
 * What a change of the data key writes, in one journaled commit: every file of the casebook
 * re-encrypted under a new key, the index with only the people who keep a passphrase, the audit
 * entry chained onto the trail as it is, a new root, and last the keyring (new key id, new wraps,
 * a new recovery key, its generation one on, so an older keyring.json put back is refused).
 */
export interface RotationInput {
  dir: string;
  from: DataKey;
  keyring: KeyringBody;
  index: IndexData;
  root: Root | undefined;
  /** The wraps of the new key, one per person who keeps a passphrase (made by the caller, who knows them). */
  wrapsFor: (key: Buffer) => Promise<KeyringBody['users']>;
  draft: AuditDraft;
  now: Date;
  how?: RotationHow;
  /** Who signs the change for the other computers of a team (the administrator, with their person key). */
  signer?: { userId: string; kek: Buffer } | undefined;
}

/**
 * How the new key reaches people, when not by new passphrases from the administrator:
 * - `adopt` (team use, issue 16): the key another computer changed to, and the team's keyring
 *   for it (its wraps and recovery wrap), taken here instead of a new key and recovery key;
 * - `sealFor` (a login deactivated): a new key sealed to the public key of each person named,
 *   and to the recovery key's, so everyone who stays keeps their passphrase and the recovery
 *   key stays the same (a new one only for a recovery wrap from before key pairs).
 */
export type RotationHow = { adopt: { dk: DataKey; keyring: KeyringBody } } | { sealFor: string[] };

export interface RotationPlan {
  dk: DataKey;
  keyring: KeyringBody;
  index: IndexData;
  root: Root;
  recoveryKey: string;
  writes: FileWrite[];
  deletes: string[];
}

/** Someone the new key does not reach: deactivated (once), with nothing asked of them at an unlock they can no longer make. */
function deactivated(u: IndexData['users'][number], at: string): IndexData['users'][number] {
  const { mustChangePassphrase: _gone, ...rest } = u;
  return { ...rest, deactivatedAt: u.deactivatedAt ?? at };
}

export async function planRotation(p: RotationInput): Promise<RotationPlan> {
  const adopt = p.how && 'adopt' in p.how ? p.how.adopt : undefined;
  const dk = adopt?.dk ?? newDataKey();
  const current = new Map<string, Buffer>();
  for (const rel of await storeFiles(p.dir)) if (rel !== KEYRING && rel !== ROOT) current.set(rel, await fs.readFile(abs(p.dir, rel)));
  const { files, gone, renamed } = rekeyFiles(current, p.from, dk);
  const users = await p.wrapsFor(dk.key);
  const kept = new Set(users.map((u) => u.userId));
  // Anyone not given a new passphrase is deactivated, not forgotten: their name stays on records (issue 13).
  const at = p.now.toISOString();
  // The settings name the service's logo by its attachment ref, which the new key renames.
  const named = renameRefs(p.index, renamed) as IndexData;
  const index = IndexSchema.parse({ ...named, users: p.index.users.map((u) => (kept.has(u.id) ? u : deactivated(u, at))) });
  files.set(INDEX, new EncryptedFile<IndexData>(p.dir, INDEX, 'index', IndexSchema, dk).encode(index));
  const trail = new AuditLog(p.dir, dk);
  trail.loadHeadFromFiles(files);
  const prepared = trail.prepare([p.draft], p.now);
  for (const w of prepared.writes) files.set(w.rel, w.bytes);
  const keptRecovery = adopt?.keyring.recovery ?? (p.how && 'sealFor' in p.how ? sealForRecovery(p.keyring.storeId, p.keyring.recovery, dk.key) : undefined);
  const recovery = keptRecovery ? undefined : newRecoveryKey();
  const generation = Math.max(p.keyring.generation ?? 0, adopt?.keyring.generation ?? 0);
  const recoveryWrap = recovery ? wrapForRecovery(p.keyring.storeId, recovery.bytes, dk.key) : (keptRecovery as KeyringBody['recovery']);
  const keyId = dk.keyId.toString('hex');
  // The other computers of a team take the new key only signed by an administrator they know.
  const { handover: _old, ...rest } = p.keyring;
  const handover = adopt ? adopt.keyring.handover : p.signer && signHandover(p.signer, p.keyring.storeId, p.keyring.keyId, keyId, dk.key);
  const keyring = nextKeyring({ ...rest, generation, keyId, previousKeyId: p.keyring.keyId, users, recovery: recoveryWrap, ...(handover ? { handover } : {}) }, dk.key);
  recovery?.bytes.fill(0);
  const writes = [...files].map(([rel, bytes]) => ({ rel, bytes }));
  writes.push({ rel: KEYRING, bytes: serializeKeyring(keyring) });
  const root = nextRoot(p.root, { writes, audit: prepared.head, keyringGeneration: keyring.generation ?? 0, now: p.now });
  // The root goes before the keyring: the journal writes the keyring last whatever the order.
  writes.splice(writes.length - 1, 0, { rel: ROOT, bytes: rootFile(p.dir, dk).encode(root) });
  return { dk, keyring, index, root, recoveryKey: recovery?.display ?? '', writes, deletes: gone };
}

/** The wraps of the new key: the adopted keyring's, sealed to those who stay, or under new passphrases. */
export async function wrapsForRotation(keyring: KeyringBody, adminId: string, i: { passphrase: string; others: { userId: string; passphrase: string }[] }, profile: KdfProfile, how?: RotationHow) {
  if (how && 'adopt' in how) return async () => how.adopt.keyring.users;
  if (how) return async (key: Buffer) => keyring.users.filter((u) => how.sealFor.includes(u.userId)).flatMap((u) => sealForUser(keyring.storeId, u, key) ?? []);
  return rotationWraps(keyring, adminId, i.passphrase, i.others, profile);
}

/**
 * The administrator's passphrase checked against the keyring, every new passphrase checked, and
 * then a way to wrap the new key for each of them (the administrator first, with the same
 * passphrase and fresh key-derivation parameters).
 */
export async function rotationWraps(keyring: KeyringBody, adminId: string, passphrase: string, others: { userId: string; passphrase: string }[], profile: KdfProfile) {
  const mine = await unwrapForUser(keyring, adminId, passphrase);
  if (!mine) throw new CasebookError('AUTH_FAILED', 'Your passphrase is not right; nothing was changed');
  mine.fill(0);
  for (const o of others) {
    const checked = PassphraseSchema.safeParse(o.passphrase);
    if (!checked.success) throw new CasebookError('INVALID_INPUT', checked.error.issues[0]?.message ?? 'Choose a longer passphrase');
  }
  const people = [{ userId: adminId, passphrase }, ...others];
  return async (key: Buffer): Promise<KeyringBody['users']> => {
    const wraps = [];
    for (const p of people) {
      const name = keyring.users.find((u) => u.userId === p.userId)?.name ?? '';
      wraps.push(await wrapForUser(keyring, p.userId, name, p.passphrase, await chooseKdfParams(profile), key));
    }
    return wraps;
  };
}
