import { promises as fs } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { CasebookError } from '../domain/shared/errors';
import { DEFAULT_CASEWORK_SETTINGS } from '../domain/casebook/casework-settings';
import { defaultSettings } from '../domain/casebook/settings';
import type { User } from '../domain/casebook/user';
import { STAFF_ROLE_FOR_LOGIN } from '../domain/staff/people';
import type { StaffMember } from '../domain/staff/staff';
import { AuditLog, GENESIS } from './audit-log';
import { openJson, type DataKey } from './envelope';
import { newId } from './ids';
import { IndexSchema, CURRENT_SCHEMA, type IndexData } from './index-db';
import { replayJournal } from './journal';
import { chooseKdfParams, type KdfProfile } from './kdf';
import { settleWraps } from './key-pairs';
import { dataKeyOf, findUser, readKeyring, unlockForUser, unwrapWithRecovery, wrapForRecovery, wrapKeepingKek, serializeKeyring, signKeyring, type KeyringBody } from './keyring';
import { abs, ATTACHMENTS_DIR, AUDIT_DIR, BACKUPS_DIR, CASES_DIR, INDEX, KEYRING, ROOT, STORE_FORMAT, SUMMARIES_DIR } from './layout';
import { removeLeftoverTempFiles } from './durable-write';
import { acquireLock, type LockHandle, type LockHolder, type LockProgram } from './lock-file';
import { migrate, needsMigration } from './migrations';
import { carriedWrites } from './registers';
import { newRecoveryKey, parseRecoveryKey } from './recovery-key';
import { Store, type StoreOptions } from './store';
import { SummaryIndex } from './summaries';
import { LEGACY_LAYOUT, MIN_SHARD_BITS, type SummaryLayout } from './summary-layout';
import { checkAgainstRoot } from './integrity';
import { emptyRoot } from './root';
import { backupOpenedBy, findCleanBackup } from './backups';
import { lastSeen } from './seen-record';

export type OpenOptions = {
  kdf?: KdfProfile;
  now?: () => Date;
  /** Which program holds the lock, so another command-line run knows it will be let go of soon. */
  program?: LockProgram;
  /** Where this computer remembers how far each casebook had got, outside the casebook (seen-record.ts). */
  seenRecord?: string;
};
export const opts = (o: OpenOptions): StoreOptions => ({ kdf: o.kdf ?? 'calibrate', now: o.now ?? (() => new Date()), seenRecord: o.seenRecord });

export type StoreState = { state: 'uninitialised' } | { state: 'orphaned' } | { state: 'ready'; keyring: KeyringBody };

/** What is in this folder: nothing yet, a casebook, or casebook files without their keyring. */
export async function inspectStore(dir: string): Promise<StoreState> {
  const keyring = await readKeyring(dir);
  if (keyring) return { state: 'ready', keyring };
  const hasIndex = await fs.access(abs(dir, INDEX)).then(() => true, () => false);
  return hasIndex ? { state: 'orphaned' } : { state: 'uninitialised' };
}

function authFailed(name?: string): CasebookError {
  return new CasebookError('AUTH_FAILED', `That passphrase is not right${name ? ` for ${name}` : ''}. Check Caps Lock and try again; nothing was changed.`);
}

export async function createStore(dir: string, i: { serviceName: string; userName: string; passphrase: string }, o: OpenOptions = {}) {
  const existing = await inspectStore(dir);
  if (existing.state === 'ready') throw new CasebookError('CONFLICT', 'A casebook already exists in this folder; unlock it instead');
  if (existing.state === 'orphaned') throw new CasebookError('CORRUPT', `This folder holds casebook files but ${KEYRING} is missing; restore it from a backup rather than creating a new casebook over them`, { file: KEYRING });
  await mustBeEmpty(dir);
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  // The first user's id is chosen before the lock is taken, so the lock names them from the start ("in use by …").
  const userId = newId('u');
  const handle = await lockForWriting(dir, o, userId);
  const so = opts(o);
  const now = so.now();
  const key = randomBytes(32);
  const storeId = randomBytes(16).toString('hex');
  const dk: DataKey = { key, keyId: randomBytes(8) };
  // The first administrator is on the staff list from the start (one list of people).
  const staffRecord: StaffMember = { id: newId('s'), name: i.userName, role: STAFF_ROLE_FOR_LOGIN.administrator, active: true };
  const user: User = { id: userId, name: i.userName, role: 'administrator', createdAt: now.toISOString(), staffId: staffRecord.id };
  const recovery = newRecoveryKey();
  // One key derivation gives the first wrap and the person key kept while this session lasts.
  const first = await wrapKeepingKek({ storeId }, user.id, user.name, i.passphrase, await chooseKdfParams(so.kdf), key);
  const keyring: KeyringBody = {
    format: 'rj-casebook-keyring',
    storeFormat: STORE_FORMAT,
    storeId,
    keyId: dk.keyId.toString('hex'),
    users: [first.wrap],
    recovery: wrapForRecovery(storeId, recovery.bytes, key),
  };
  recovery.bytes.fill(0);
  const index: IndexData = { schemaVersion: CURRENT_SCHEMA, storeId, settings: defaultSettings(i.serviceName), users: [user], referenceCounters: {}, staff: [staffRecord], casework: DEFAULT_CASEWORK_SETTINGS, venues: [], summaryShardBits: MIN_SHARD_BITS, sealed: true, registers: {} };
  const summaries = new SummaryIndex(dir, dk, { bits: MIN_SHARD_BITS, legacy: false });
  const store = new Store(dir, dk, keyring, index, summaries, new AuditLog(dir, dk), user, so, handle, undefined);
  store.root = emptyRoot(now, GENESIS);
  try {
    // The keyring is written last: until it exists the folder is not a casebook, so a failed
    // creation can simply be tried again. Every shard exists from the start (empty).
    const shards = summaries.rewriteAll();
    await store.updateIndex(index, [store.draft('casebook.create', { type: 'casebook', id: storeId }, ['serviceName', 'users'])], [...shards.fresh, ...shards.rewritten]);
    shards.accept();
    // Through a commit, so the sealed root pins the keyring too.
    const signed = signKeyring(keyring, key);
    await store.commit([{ rel: KEYRING, bytes: serializeKeyring(signed) }], []);
    store.keyring = signed;
    store.keepKek(first.kek);
  } catch (e) {
    await store.close();
    first.kek.fill(0);
    for (const rel of [INDEX, ROOT]) await fs.rm(abs(dir, rel), { force: true });
    throw e;
  }
  return { store, recoveryKey: recovery.display };
}

/**
 * A casebook needs a folder of its own: created in a home folder or a shared drive's root, its
 * files would be mixed with others (and synced or backed up with them), and an old casebook's
 * backups left there would be rotated away by the new one. Hidden files (.DS_Store) are allowed.
 */
export async function mustBeEmpty(dir: string): Promise<void> {
  const present = (await fs.readdir(dir).catch(() => [] as string[])).filter((n) => !n.startsWith('.'));
  if (present.length > 0) {
    throw new CasebookError('CONFLICT', `This folder already holds other files, so a casebook was not created in it: a casebook needs a folder of its own, so its files are never mixed with others. Choose an empty folder, or a new one.`);
  }
}

/** A damaged file stops the unlock; say which backup would open cleanly, so the user can act. */
const ukDateTime = (iso: string) => new Date(iso).toLocaleString('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });

async function pointToCleanBackup(e: CasebookError, dir: string, dk: DataKey): Promise<void> {
  const clean = await findCleanBackup(dir, dk).catch(() => undefined);
  if (clean) {
    e.details.cleanBackup = clean.id;
    e.message += `. The backup taken on ${ukDateTime(clean.createdAt)} opens cleanly: restore it from the unlock screen or with "casebook restore".`;
  } else {
    e.message += '. No backup in this casebook opens cleanly; restore from a copy kept elsewhere.';
  }
}

async function pointToBackupForKeyring(e: CasebookError, dir: string, who: string, passphrase: string): Promise<void> {
  const found = await backupOpenedBy(dir, who, passphrase).catch(() => undefined);
  if (!found) {
    e.message += '. No backup in this casebook opens with that passphrase; restore from a copy kept elsewhere.';
    return;
  }
  e.details.cleanBackup = found.id;
  e.message += `. The backup taken on ${ukDateTime(found.createdAt)} opens with your passphrase: restore it from the unlock screen or with "casebook restore".`;
}

function inUse(h: LockHolder): CasebookError {
  return new CasebookError('STORE_IN_USE', `This casebook is in use by ${h.user} on ${h.host} (process ${h.pid}) since ${h.since}. Close it there first.`, { holder: h });
}

/** Why a folder that cannot be written to is opened read-only, in words for the person at the screen. */
export function folderReadOnlyReason(code: string): string {
  return code === 'EROFS'
    ? 'the casebook folder is on a disk that cannot be written to (a read-only drive or share)'
    : 'your account may read the casebook folder but not change it (ask whoever looks after this computer for write access)';
}

/** The writer's lock, for a change that cannot be made read-only (create, restore). */
export async function lockForWriting(dir: string, o: OpenOptions, userId?: string): Promise<LockHandle> {
  const lock = await acquireLock(dir, o.program, userId);
  if ('heldBy' in lock) throw inUse(lock.heldBy);
  if ('folderReadOnly' in lock) throw cannotWriteFolder(lock.folderReadOnly);
  return lock.handle;
}

function cannotWriteFolder(code: string): CasebookError {
  return new CasebookError('READ_ONLY', `Nothing can be changed because ${folderReadOnlyReason(code)}.`);
}


async function requireKeyring(dir: string): Promise<KeyringBody> {
  const s = await inspectStore(dir);
  if (s.state === 'ready') return s.keyring;
  if (s.state === 'orphaned') throw new CasebookError('CORRUPT', `${KEYRING} is missing; restore it from a backup`, { file: KEYRING });
  throw new CasebookError('NOT_FOUND', 'There is no casebook in this folder yet; create one first');
}

/** The casebook's key was changed and the change has just been finished at this unlock. */
const keyChanged = () =>
  new CasebookError('AUTH_FAILED', "This casebook's key was changed by an administrator: unlock with the passphrase you were given then (the one from before no longer works), or with the new recovery key.", { keyChanged: true });

export async function unlockStore(dir: string, userIdOrName: string, passphrase: string, o: OpenOptions & { requireWritable?: boolean } = {}): Promise<Store> {
  try {
    return await unlockOnce(dir, userIdOrName, passphrase, o);
  } catch (e) {
    // Finishing a key change at this unlock replaced the keyring: try the passphrase on the new one.
    if (e instanceof CasebookError && e.details.keyChanged === true) return unlockOnce(dir, userIdOrName, passphrase, o);
    throw e;
  }
}

async function unlockOnce(dir: string, userIdOrName: string, passphrase: string, o: OpenOptions & { requireWritable?: boolean }): Promise<Store> {
  const keyring = await requireKeyring(dir).catch(async (e: unknown) => {
    // The keyring itself damaged or missing: the backups' own keyrings say which one this
    // passphrase opens, so the unlock screen can offer to restore it.
    if (e instanceof CasebookError && e.code === 'CORRUPT' && e.details.file === KEYRING) await pointToBackupForKeyring(e, dir, userIdOrName, passphrase);
    throw e;
  });
  const entry = findUser(keyring, userIdOrName);
  if (!entry) throw authFailed();
  const opened = await unlockForUser(keyring, entry.userId, passphrase);
  if (!opened) throw authFailed(entry.name);
  const { key, kek } = opened;
  const spare = Buffer.from(key);
  try {
    const store = await openWithKey(dir, keyring, key, entry.userId, o);
    store.personKek = kek;
    // Not done (no room on the disk, say): the unlock stands, and it is tried again at the next one.
    await settleWraps(store, { mine: opened.settled, was: opened.was }).catch(() => undefined);
    return store;
  } catch (e) {
    kek.fill(0);
    if (e instanceof CasebookError && e.code === 'CORRUPT') await pointToCleanBackup(e, dir, dataKeyOf(keyring, spare));
    throw e;
  } finally {
    spare.fill(0);
  }
}

export async function recoverStore(dir: string, userId: string, recoveryKey: string, newPassphrase: string, o: OpenOptions = {}): Promise<Store> {
  const keyring = await requireKeyring(dir);
  const entry = findUser(keyring, userId);
  const bytes = parseRecoveryKey(recoveryKey);
  const key = bytes && unwrapWithRecovery(keyring, bytes);
  // A recovery wrap from before key pairs is made again with its public key (key-pairs.ts).
  const recovery = key && bytes && !keyring.recovery.publicKey ? wrapForRecovery(keyring.storeId, bytes, key) : undefined;
  bytes?.fill(0);
  if (!entry || !key) throw new CasebookError('AUTH_FAILED', 'That recovery key does not open this casebook. Check each group of four and try again; nothing was changed.');
  const store = await openWithKey(dir, keyring, key, entry.userId, { ...o, requireWritable: true });
  try {
    await store.setUserWrap(entry.userId, newPassphrase, 'user.passphrase-recovered');
    await settleWraps(store, { recovery });
  } catch (e) {
    await store.close();
    throw e;
  }
  return store;
}

export async function openWithKey(dir: string, unlockedWith: KeyringBody, key: Buffer, userId: string, o: OpenOptions & { requireWritable?: boolean }): Promise<Store> {
  const dk = dataKeyOf(unlockedWith, key);
  let keyring = unlockedWith;
  let handle: LockHandle | undefined;
  let heldBy: LockHolder | undefined;
  let folderReadOnly: string | undefined;
  try {
    const lock = await acquireLock(dir, o.program, userId);
    let crashed = false;
    if ('heldBy' in lock) {
      if (o.requireWritable) throw inUse(lock.heldBy);
      heldBy = lock.heldBy;
    } else if ('folderReadOnly' in lock) {
      if (o.requireWritable) throw cannotWriteFolder(lock.folderReadOnly);
      folderReadOnly = folderReadOnlyReason(lock.folderReadOnly);
    } else {
      handle = lock.handle;
      crashed = lock.tookOverStale;
    }
    const so = opts(o);
    if (handle) {
      const replayed = await replayJournal(dir, dk, unlockedWith.previousKeyId);
      // A replayed commit may have written the keyring (an upgrade to format 2, a new wrap):
      // what is kept in memory, signed again and written by later commits, is the one on disk.
      if (replayed) keyring = (await readKeyring(dir)) ?? keyring;
      // The replayed commit changed the data key (rotate-key.ts): the key unwrapped opens nothing now.
      if (keyring.keyId !== unlockedWith.keyId) throw keyChanged();
      // Temp files are left only by a writer that died; listing 10,000 case files to look for
      // them on every unlock would cost more than the rest of the unlock.
      if (crashed || replayed) await removeLeftoverTempFiles(dir, [CASES_DIR, SUMMARIES_DIR, AUDIT_DIR, BACKUPS_DIR, ATTACHMENTS_DIR]);
    }
    const index = await loadIndex(dir, dk, !handle);
    const user = index.users.find((u) => u.id === userId);
    if (!user) throw new CasebookError('CORRUPT', `${INDEX} does not list this user although ${KEYRING} does`, { file: INDEX });
    // Deactivating removes the wrap; a wrap left by a keyring put back from elsewhere must not undo it.
    if (user.deactivatedAt !== undefined) throw new CasebookError('AUTH_FAILED', 'This login has been deactivated: ask an administrator to reactivate it.');
    const summaries = new SummaryIndex(dir, dk, summaryLayoutOf(index, keyring));
    await summaries.load();
    const audit = new AuditLog(dir, dk);
    await audit.loadHead();
    const store = new Store(dir, dk, keyring, index, summaries, audit, user, so, handle, heldBy);
    store.folderReadOnly = folderReadOnly;
    store.carried = pendingMigration.get(index);
    store.checkMac();
    await checkAgainstRoot(store);
    await compareWithSeen(store);
    if (handle && store.integrity.length === 0) {
      await upgradeStore(store, pendingMigration.get(index));
      // A casebook from before the sealed root gets one now.
      if (!store.root) await store.reseal('casebook.seal');
    }
    return store;
  } catch (e) {
    key.fill(0);
    await handle?.release();
    throw e;
  }
}

/** A whole folder put back from an older copy: behind the point this computer last saw it reach. */
async function compareWithSeen(store: Store): Promise<void> {
  const file = store.opts.seenRecord;
  if (!file || !store.root) return;
  const seen = await lastSeen(file, store.index.storeId);
  if (!seen || store.root.commit >= seen.commit) return;
  const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { timeZone: 'Europe/London', dateStyle: 'long', timeStyle: 'short' });
  store.olderThanSeen =
    `This casebook is an older copy than the one this computer last had open: it was last saved on ${when(store.root.at)} (change ${store.root.commit}), but this computer saw it reach change ${seen.commit} on ${when(seen.at)}. ` +
    'If nobody put back an older copy of the casebook folder on purpose, changes made since may be missing: an administrator should restore the newest backup before anything else is changed.';
}

/** For an index migrated in memory at this unlock: what the steps carried into register files, written with it. */
const pendingMigration = new WeakMap<IndexData, Record<string, unknown>>();

async function loadIndex(dir: string, dk: DataKey, readOnly: boolean): Promise<IndexData> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(abs(dir, INDEX));
  } catch {
    throw new CasebookError('CORRUPT', `${INDEX} is missing; restore from a backup`, { file: INDEX });
  }
  const raw = openJson(dk, 'index', INDEX, bytes) as Record<string, unknown>;
  const migrating = needsMigration(raw);
  if (migrating && readOnly) throw new CasebookError('READ_ONLY', 'This casebook needs upgrading, which cannot be done while another instance has it open');
  const migrated = migrating ? migrate(raw) : undefined;
  const parsed = IndexSchema.safeParse(migrated ? migrated.index : raw);
  if (!parsed.success) throw new CasebookError('CORRUPT', `${INDEX} holds settings or users that are not valid; it was not opened`, { file: INDEX });
  if (migrated) pendingMigration.set(parsed.data, migrated.registers);
  return parsed.data;
}

/**
 * The summary layout the index records (store format 2), or the 32 shards of format 1. A
 * format 2 keyring with an index that names no layout is damage: reading it as format 1 would
 * show only part of the case list.
 */
function summaryLayoutOf(index: IndexData, keyring: KeyringBody): SummaryLayout {
  if (index.summaryShardBits !== undefined) return { bits: index.summaryShardBits, legacy: false };
  if (keyring.storeFormat >= STORE_FORMAT) throw new CasebookError('CORRUPT', `${INDEX} does not say how the case list is laid out; it was not opened`, { file: INDEX });
  return LEGACY_LAYOUT;
}

/**
 * An older store is brought up to date at a writable unlock: the old files backed up first,
 * then the index migrated in memory is written, then the files laid out as format 2.
 */
async function upgradeStore(store: Store, carried: Record<string, unknown> | undefined): Promise<void> {
  const format = store.keyring.storeFormat < STORE_FORMAT || store.summaries.layout.legacy;
  if (!carried && !format) return;
  await store.backup('before-migration');
  if (carried) {
    // Register files the steps filled go in the same commit as the index that names their revisions.
    const { index, writes } = carriedWrites(store.dir, store.dk, store.index, carried);
    await store.updateIndex(index, [store.draft('casebook.migrate', { type: 'casebook', id: store.index.storeId }, ['schemaVersion', ...Object.keys(carried).map((n) => `registers.${n}`)])], writes);
    store.carried = undefined;
  }
  if (format) await store.upgradeFormat();
}
