import { promises as fs } from 'node:fs';
import type { AuditDraft } from '../domain/casebook/audit';
import { CaseSchema, summarise, type Case, type CaseSummary } from '../domain/cases/case';
import { CasebookError } from '../domain/shared/errors';
import type { User } from '../domain/casebook/user';
import type { CasebookNotice } from '../domain/casebook/session';
import { AuditLog } from './audit-log';
import { buildBundle, parseBundle, storeFiles, type Bundle } from './backup-bundle';
import { checkForRestore, type LostCase } from './lost-cases';
import { recordSeen } from './seen-record';
import { listBackupFiles, newBackupId, provedRestorable, rotateBackups, writeBackup } from './backups';
import { EncryptedFile } from './encrypted-file';
import type { DataKey } from './envelope';
import { IndexSchema, type IndexData } from './index-db';
import { commitFiles, JournalPending, replayJournal, type FileWrite } from './journal';
import { chooseKdfParams, type KdfProfile } from './kdf';
import { checkKeyringMac, keyringGeneration, nextKeyring, parseKeyring, kekFor, serializeKeyring, unwrapForUser, wrapKeepingKek, type KeyringBody } from './keyring';
import { nextRoot, pinnedDigests, rootFile, type Root } from './root';
import { planRestore } from './restore-plan';
import { planRotation, wrapsForRotation, type RotationHow, type RotationPlan } from './rotation-plan';
import { PassphraseSchema } from '../domain/casebook/passphrase';
import { abs, caseFile, INDEX, KEYRING, ROOT, STORE_FORMAT } from './layout';
import { namedHolder, type LockHandle, type LockHolder } from './lock-file';
import { heldSinceWords } from '../domain/casebook/session';
import { carriedWrites, Registers } from './registers';
import { SummaryIndex } from './summaries';
import type { SummaryLayout } from './summary-layout';

export interface StoreOptions {
  kdf: KdfProfile;
  now: () => Date;
  /** Where this computer remembers how far each casebook had got (seen-record.ts); none in tests that do not ask. */
  seenRecord?: string | undefined;
}

/**
 * An unlocked store: the data key, the index, the case list and the audit head in memory.
 * Every change goes through `commit`, which records the audit entries in the same journaled
 * write as the data they describe, so the trail and the data cannot disagree after a crash.
 */
export class Store {
  constructor(
    readonly dir: string,
    readonly dk: DataKey,
    public keyring: KeyringBody,
    public index: IndexData,
    readonly summaries: SummaryIndex,
    public audit: AuditLog,
    readonly user: User,
    readonly opts: StoreOptions,
    private lockHandle: LockHandle | undefined,
    readonly heldBy: LockHolder | undefined,
  ) {}

  /** The staff register and the registers beside it, read when first needed (registers.ts). */
  readonly registers = new Registers(this);
  /** The casebook's record of its last save (root.ts); absent only before the first reseal of an older casebook. */
  root: Root | undefined;
  /** Set when the files on disk do not match the root: nothing may be written until an administrator decides. */
  refuseWrites: string | undefined;
  /** What did not match the root at unlock (file and plain words), for the session and verify. */
  integrity: { file: string; message: string }[] = [];
  /** What a migration at this unlock moved out of the index, until written (registers.ts carriedWrites). */
  carried: Record<string, unknown> | undefined;
  /** Set at unlock when the folder cannot be written at all: why, in plain words. */
  folderReadOnly: string | undefined;
  /** Set at unlock when a record kept outside the casebook shows a later save than the folder holds. */
  olderThanSeen: string | undefined;
  /** The signed-in person's person key, while unlocked: opens a key sealed to them, signs a key change (person-key.ts). */
  personKek: Buffer | undefined;
  keepKek(kek: Buffer | undefined): void {
    if (kek && kek !== this.personKek) this.personKek?.fill(0);
    this.personKek = kek ?? this.personKek;
  }

  get readOnly(): boolean {
    return this.lockHandle === undefined || this.refuseWrites !== undefined;
  }

  /** Why nothing can be written, in words that finish "This casebook is open read-only because …". */
  whyReadOnly(): string | undefined {
    if (this.refuseWrites !== undefined) return this.refuseWrites;
    if (this.lockHandle !== undefined) return undefined;
    if (this.folderReadOnly) return this.folderReadOnly;
    const h = this.heldBy;
    return h ? heldSinceWords(namedHolder(h, this.keyring.users)) : 'another copy of RJ Casebook has it open';
  }

  /** Set when the routine backup could not be taken (damage found, disk full): said until one is. */
  backupProblem: string | undefined;
  /** What the person must be told while this casebook is open (the session carries it to every screen). */
  notices(): CasebookNotice[] {
    const out: CasebookNotice[] = [];
    if (this.backupProblem) out.push({ kind: 'backups', message: this.backupProblem, problems: [] });
    if (this.lockHandle === undefined && this.folderReadOnly) out.push({ kind: 'folder-read-only', message: `This casebook is open read-only because ${this.folderReadOnly}. You can read it but not change it.`, problems: [] });
    else if (this.lockHandle === undefined) out.push({ kind: 'in-use', message: `This casebook is open read-only because ${this.whyReadOnly()}. You can read it but not change, print or save anything from it.`, problems: [] });
    if (this.refuseWrites !== undefined) out.push({ kind: 'does-not-match', message: this.refuseWrites, problems: this.integrity });
    if (this.olderThanSeen) out.push({ kind: 'older-copy', message: this.olderThanSeen, problems: [] });
    return out;
  }

  private ensureWritable(): void {
    this.ensureHoldsLock();
    if (this.refuseWrites !== undefined) throw new CasebookError('READ_ONLY', this.refuseWrites);
  }

  /** Able to write files at all, even when they do not match the last save (a backup as they are, a restore, accepting them need this). */
  private ensureHoldsLock(): void {
    if (this.closed || this.stale) throw new CasebookError('LOCKED', 'The casebook is locked: unlock it first');
    if (this.pending !== undefined) {
      throw new CasebookError('WRITE_FAILED', `An earlier change is waiting in journal.cbk to be finished. Once ${this.pending}, lock and unlock the casebook to finish it before making more changes.`);
    }
    if (this.lockHandle === undefined) throw new CasebookError('READ_ONLY', `This casebook is open read-only because ${this.whyReadOnly()}, so nothing can be changed now.`);
  }

  private closed = false;
  /** Set when a decided change is waiting in the journal: what has to change before it can be finished. */
  private pending: string | undefined;
  /** Set after a restore: the data in memory is no longer what is on disk. */
  private stale = false;

  draft(action: string, entity: { type: string; id: string }, fields: string[] = []): AuditDraft {
    return { userId: this.user.id, userName: this.user.name, action, entity, fields };
  }

  /**
   * Write files and their audit entries as one journaled commit, with the sealed root that
   * records it (root.ts): the commit counter moved on, the digests of what changed, the trail's
   * new head and the keyring's generation.
   */
  async commit(writes: FileWrite[], drafts: AuditDraft[], deletes: string[] = []): Promise<void> {
    this.ensureWritable();
    const now = this.opts.now();
    const audit = this.audit.prepare(drafts, now);
    const all = [...writes, ...audit.writes];
    // A casebook from before the sealed root gets one only when it is sealed (reseal), which
    // digests every file; until then its commits are written as they always were.
    const root = this.root && this.nextRootFor(all, deletes, audit.head, now);
    await this.writeJournaled(root ? [...all, { rel: ROOT, bytes: rootFile(this.dir, this.dk).encode(root) }] : all, deletes);
    audit.accept();
    if (root) this.root = root;
  }

  private nextRootFor(all: FileWrite[], deletes: string[], head: Root['audit'], now: Date): Root {
    const keyringWrite = all.find((w) => w.rel === KEYRING);
    const generation = keyringGeneration(keyringWrite ? parseKeyring(keyringWrite.bytes) : this.keyring);
    return nextRoot(this.root, { writes: all, deletes, audit: head, keyringGeneration: generation, now });
  }

  /**
   * Seal the root afresh from the files as they are: for a casebook written before roots existed,
   * and when an administrator accepts a casebook that no longer matches its last save (after
   * deciding not to restore a backup). Recorded in the trail.
   */
  async reseal(action: string): Promise<void> {
    // Only the holder of the lock may accept the files as they are; until the new root is
    // written the refusal stands (a failed reseal leaves the casebook refusing writes).
    const refused = this.refuseWrites;
    this.refuseWrites = undefined;
    try {
      this.ensureWritable();
    } catch (e) {
      this.refuseWrites = refused;
      throw e;
    }
    const files = await pinnedDigests(this.dir);
    this.root = { ...(this.root ?? { format: 1, commit: 0, at: this.opts.now().toISOString(), keyringGeneration: 0, audit: this.audit.headEntry }), files: Object.fromEntries(files) };
    // An index migrated in memory at this unlock is written with the register files it moved out.
    const carried = carriedWrites(this.dir, this.dk, this.index, this.carried ?? {});
    const index = this.withLayout(carried.index);
    const fields = ['root', ...Object.keys(this.carried ?? {}).map((n) => `registers.${n}`)];
    try {
      await this.commit([{ rel: INDEX, bytes: this.indexFile().encode(index) }, ...carried.writes], [this.draft(action, { type: 'casebook', id: this.index.storeId }, fields)]);
    } catch (e) {
      this.refuseWrites = refused;
      throw e;
    }
    this.integrity = [];
    this.index = index;
    this.carried = undefined;
  }

  private async writeJournaled(writes: FileWrite[], deletes: string[]): Promise<void> {
    try {
      await commitFiles(this.dir, this.dk, writes, deletes);
    } catch (e) {
      if (!(e instanceof JournalPending)) throw e;
      // The change is decided; try once to finish it now (the fault may have passed).
      const finished = await replayJournal(this.dir, this.dk).then(() => true, () => false);
      if (!finished) {
        this.pending = e.until;
        throw e;
      }
    }
  }

  indexFile(): EncryptedFile<IndexData> {
    return new EncryptedFile<IndexData>(this.dir, INDEX, 'index', IndexSchema, this.dk);
  }

  /**
   * The index as it will be written: validated, with the summary layout the store keeps (only
   * the store changes it, so an index a caller built from an older copy cannot undo a split).
   */
  private withLayout(next: IndexData, layout: SummaryLayout = this.summaries.layout): IndexData {
    const { summaryShardBits: _kept, sealed: _sealed, ...rest } = next;
    return IndexSchema.parse({ ...rest, ...(layout.legacy ? {} : { summaryShardBits: layout.bits }), ...(this.index.sealed || this.root ? { sealed: true } : {}) });
  }

  /** Change the index (settings, users, counters): validated, written, audit-logged. */
  async updateIndex(next: IndexData, drafts: AuditDraft[], extra: FileWrite[] = [], deletes: string[] = []): Promise<IndexData> {
    const parsed = this.withLayout(next);
    await this.commit([{ rel: INDEX, bytes: this.indexFile().encode(parsed) }, ...extra], drafts, deletes);
    this.index = parsed;
    return parsed;
  }

  caseFileOf(id: string): EncryptedFile<Case> {
    return new EncryptedFile<Case>(this.dir, caseFile(id), 'case', CaseSchema as never, this.dk);
  }

  async readCase(id: string): Promise<Case> {
    const row = this.summaries.get(id);
    if (!row) throw new CasebookError('NOT_FOUND', 'No case with that id in this casebook');
    const c = await this.caseFileOf(id).read();
    if (!c) throw new CasebookError('CORRUPT', `${caseFile(id)} is missing although the case list names it`, { file: caseFile(id) });
    // The case list (pinned by the sealed root) says which revision was saved last: an older
    // copy of the file put back would otherwise open as if nothing had happened since.
    if (c.id !== id || c.revision !== row.revision) {
      throw new CasebookError('CORRUPT', `${caseFile(id)} holds revision ${c.revision} of case ${row.reference}, but the casebook last saved revision ${row.revision}: it may have been replaced by an older copy. Restore a backup, or ask an administrator to run Verify.`, { file: caseFile(id) });
    }
    return c;
  }

  /** Save whole cases (already validated) with their summary rows and audit entries in one commit. */
  async saveCases(cases: Case[], drafts: AuditDraft[], extra: FileWrite[] = []): Promise<void> {
    await this.saveCasesWith(cases, drafts, { extra });
  }

  /**
   * As saveCases, with the summary rows made by the caller (casework adds each case's next
   * due date, which needs the bank holidays and deadline rules the store does not know) and,
   * optionally, a new index (reference counters) written in the same commit. `remove`: cases
   * deleted for good under the retention schedule (no cases to save), file and row.
   */
  async saveCasesWith(cases: Case[], drafts: AuditDraft[], o: { summarise?: (c: Case) => CaseSummary; index?: IndexData; extra?: FileWrite[]; deletes?: string[]; remove?: string[] } = {}): Promise<void> {
    this.ensureWritable();
    const caseWrites = cases.map((c) => ({ rel: caseFile(c.id), bytes: this.caseFileOf(c.id).encode(c) }));
    const rows = o.remove ? this.summaries.prepareRemoval(o.remove) : this.summaries.prepare(cases.map((c) => (o.summarise ?? summarise)(c)));
    // When the shards split, the index records the new layout in the same commit.
    const split = rows.layout.bits !== this.summaries.layout.bits;
    const index = o.index || split ? this.withLayout(o.index ?? this.index, rows.layout) : undefined;
    const indexWrites = index ? [{ rel: INDEX, bytes: this.indexFile().encode(index) }] : [];
    await this.commit([...caseWrites, ...rows.fresh, ...indexWrites, ...rows.rewritten, ...(o.extra ?? [])], drafts, [...(o.remove ?? []).map(caseFile), ...(o.deletes ?? [])]);
    rows.accept();
    if (index) this.index = index;
  }

  /**
   * Store format 1 to 2: the case list written again in the layout its size needs, the index
   * recording it and the keyring saying format 2, in one commit (a crash is finished by the
   * journal at the next unlock). Called at a writable unlock, after a backup.
   */
  async upgradeFormat(): Promise<void> {
    this.ensureWritable();
    const rows = this.summaries.rewriteAll();
    const index = this.withLayout(this.index, rows.layout);
    const keyring = nextKeyring({ ...this.keyring, storeFormat: STORE_FORMAT }, this.dk.key);
    const writes = [...rows.fresh, { rel: INDEX, bytes: this.indexFile().encode(index) }, ...rows.rewritten, { rel: KEYRING, bytes: serializeKeyring(keyring) }];
    await this.commit(writes, [this.draft('casebook.migrate', { type: 'casebook', id: this.index.storeId }, ['storeFormat', 'summaryShardBits'])]);
    rows.accept();
    this.index = index;
    this.keyring = keyring;
  }

  async backup(reason: string): Promise<{ id: string; bytes: number; createdAt: string; reason: string }> {
    // A read-only instance must not write backups or rotate away the writer's.
    this.ensureHoldsLock();
    const now = this.opts.now();
    const bytes = await buildBundle(this.dir, this.dk, { storeId: this.index.storeId, reason, now });
    // A backup is proved to restore before it counts as one: a damaged file is found now, not
    // copied into every later backup while rotation deletes the good ones. The copy taken just
    // before a restore is the exception: it keeps what is there, damaged or not.
    if (reason !== 'before-restore') provedRestorable(bytes, this.dk, this.index.storeId);
    const id = newBackupId(now);
    await writeBackup(this.dir, id, reason, bytes);
    // While the files do not match the last save, every older backup may be the good one: none is rotated away.
    if (this.refuseWrites === undefined) await rotateBackups(this.dir, this.index.settings.backupsToKeep);
    this.backupProblem = undefined;
    return { id, bytes: bytes.length, createdAt: now.toISOString(), reason };
  }

  async readBackup(id: string): Promise<{ bundle: Bundle; rel: string }> {
    const found = (await listBackupFiles(this.dir)).find((b) => b.id === id);
    if (!found) throw new CasebookError('NOT_FOUND', 'No backup with that id');
    const bundle = parseBundle(await fs.readFile(abs(this.dir, found.rel)), found.rel);
    return { bundle, rel: found.rel };
  }

  /** Replace the store with a checked bundle (backed up first), journaled; `partial` leaves out and returns cases that do not open. */
  async restore(bundle: Bundle, name: string, partial = false): Promise<LostCase[]> {
    // A casebook that does not match its last save can still be restored: that is the remedy.
    this.ensureHoldsLock();
    const lost = checkForRestore(bundle, this.dk, name, this.index.storeId, partial);
    await this.backup('before-restore');
    const current = await storeFiles(this.dir);
    // The backup's files (less any lost cases) with today's keyring and people, and a new root, in one commit (restore-plan.ts).
    const files = planRestore({
      dir: this.dir,
      dk: this.dk,
      bundle,
      keyring: this.keyring,
      users: this.index.users,
      staff: this.index.staff,
      commitNow: this.root?.commit,
      draft: this.draft('backup.restore', { type: 'backup', id: name }),
      now: this.opts.now(),
      lost,
    });
    await this.writeJournaled([...files].map(([rel, bytes]) => ({ rel, bytes })), current.filter((rel) => !files.has(rel)));
    // What is in memory now describes the old files: nothing more may be written from it.
    this.stale = true;
    return lost;
  }

  /** A new data key after a suspected leak or a login deactivated, or the key another computer of a team changed to (rotation-plan.ts `how`): one commit (rotation-plan.ts); stale afterwards. */
  async rotateDataKey(i: { passphrase: string; others: { userId: string; passphrase: string }[]; draft: AuditDraft }, how?: RotationHow): Promise<RotationPlan> {
    this.ensureWritable();
    const wrapsFor = await wrapsForRotation(this.keyring, this.user.id, i, this.opts.kdf, how);
    const kek = how && 'adopt' in how ? undefined : (this.personKek ?? (await kekFor(this.keyring, this.user.id, i.passphrase)));
    const plan = await planRotation({ dir: this.dir, from: this.dk, keyring: this.keyring, index: this.index, root: this.root, wrapsFor, draft: i.draft, now: this.opts.now(), how, signer: kek && { userId: this.user.id, kek } });
    await this.writeJournaled(plan.writes, plan.deletes);
    this.stale = true;
    this.root = plan.root;
    return plan;
  }

  /** `index` goes in the same commit: a new passphrase is what "must change it" asked for (issue 13). */
  async rewrapForUser(userId: string, current: string, next: string, index?: IndexData): Promise<void> {
    this.ensureWritable();
    const key = await unwrapForUser(this.keyring, userId, current);
    if (!key) throw new CasebookError('AUTH_FAILED', 'Your current passphrase is not right; nothing was changed');
    key.fill(0);
    await this.setUserWrap(userId, next, 'user.passphrase-changed', index ? { index, fields: ['passphrase', 'mustChangePassphrase'] } : {});
  }

  /**
   * Add or replace a user's wrap of the data key. The keyring, any index change and the audit
   * entry go in one journaled commit, so a passphrase is never changed without its record,
   * and a user never appears on the unlock screen without being in the index.
   */
  async setUserWrap(userId: string, passphrase: string, action: string, extra: { name?: string; index?: IndexData; fields?: string[] } = {}): Promise<void> {
    this.ensureWritable();
    const checked = PassphraseSchema.safeParse(passphrase);
    if (!checked.success) throw new CasebookError('INVALID_INPUT', checked.error.issues[0]?.message ?? 'Choose a longer passphrase');
    const existing = this.keyring.users.find((u) => u.userId === userId);
    const kdf = await chooseKdfParams(this.opts.kdf);
    const { wrap, kek } = await wrapKeepingKek(this.keyring, userId, extra.name ?? existing?.name ?? '', passphrase, kdf, this.dk.key);
    if (userId !== this.user.id) kek.fill(0);
    const users = existing ? this.keyring.users.map((u) => (u.userId === userId ? wrap : u)) : [...this.keyring.users, wrap];
    const next = nextKeyring({ ...this.keyring, users }, this.dk.key);
    const writes = [{ rel: KEYRING, bytes: serializeKeyring(next) }];
    const index = extra.index && this.withLayout(extra.index);
    if (index) writes.push({ rel: INDEX, bytes: this.indexFile().encode(index) });
    await this.commit(writes, [this.draft(action, { type: 'user', id: userId }, extra.fields ?? (index ? ['name', 'role', 'passphrase'] : ['passphrase']))]);
    this.keyring = next;
    if (index) this.index = index;
    // Their own new wrap has new key pairs: the person key kept while unlocked follows it (person-key.ts).
    if (userId === this.user.id) this.keepKek(kek);
  }

  /** A person renamed on the staff list: the index and the keyring (the unlock screen reads it) in one commit. */
  async renameUsers(names: ReadonlyMap<string, string>, index: IndexData, drafts: AuditDraft[]): Promise<void> {
    await this.commitPeople(this.keyring.users.map((u) => (names.has(u.userId) ? { ...u, name: names.get(u.userId) as string } : u)), index, drafts);
  }

  /** The keyring's people and the index in one commit, with the keyring's generation moved on. */
  private async commitPeople(users: KeyringBody['users'], index: IndexData, drafts: AuditDraft[]): Promise<void> {
    this.ensureWritable();
    const parsed = this.withLayout(index);
    const next = nextKeyring({ ...this.keyring, users }, this.dk.key);
    await this.commit([{ rel: KEYRING, bytes: serializeKeyring(next) }, { rel: INDEX, bytes: this.indexFile().encode(parsed) }], drafts);
    this.keyring = next;
    this.index = parsed;
  }

  checkMac = (): void => checkKeyringMac(this.keyring, this.dk.key);

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.dk.key.fill(0);
    this.personKek?.fill(0);
    // Only the writer moves the casebook on; a read-only copy has nothing new to remember.
    if (this.opts.seenRecord && this.root && this.lockHandle) await recordSeen(this.opts.seenRecord, this.index.storeId, { commit: this.root.commit, at: this.root.at });
    const h = this.lockHandle;
    this.lockHandle = undefined;
    await h?.release();
  }
}
