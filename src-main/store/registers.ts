import { z } from 'zod';
import type { AuditDraft } from '../domain/casebook/audit';
import { CasebookError } from '../domain/shared/errors';
import { EncryptedFile } from './encrypted-file';
import type { DataKey } from './envelope';
import type { IndexData } from './index-db';
import type { FileWrite } from './journal';
import { registerFile } from './layout';

/**
 * The registers kept beside the cases (the staff register; policies and complaints after it):
 * one encrypted file each, `registers/<name>.cbk`, read the first time a command needs it and
 * kept in memory until the casebook locks. None is read at unlock, so unlocking costs the same
 * however much they hold.
 *
 * Each file carries a revision that goes up with every save, and the index (pinned by the
 * sealed root) records the revision last saved: a register file put back from an older copy,
 * or deleted, is refused when read and named by verify, as a case file is.
 */
const RegisterFileSchema = z.strictObject({
  name: z.string().regex(/^[a-z][a-z-]{0,30}$/),
  revision: z.number().int().min(1),
  body: z.unknown(),
});
type RegisterFileData = z.infer<typeof RegisterFileSchema>;

export function registerFileOf(dir: string, dk: DataKey, name: string): EncryptedFile<RegisterFileData> {
  return new EncryptedFile<RegisterFileData>(dir, registerFile(name), 'register', RegisterFileSchema, dk);
}

/** The store as the registers need it (store.ts passes itself). */
export interface RegisterHost {
  readonly dir: string;
  readonly dk: DataKey;
  index: IndexData;
  updateIndex(next: IndexData, drafts: AuditDraft[], extra?: FileWrite[], deletes?: string[]): Promise<IndexData>;
}

export class Registers {
  private readonly cache = new Map<string, unknown>();

  constructor(private readonly host: RegisterHost) {}

  /** The register as last saved; `empty` when nothing has been saved to it yet. */
  async read<T>(name: string, schema: z.ZodType<T>, empty: T): Promise<T> {
    if (this.cache.has(name)) return this.cache.get(name) as T;
    const body = await readRegisterBody(this.host.dir, this.host.dk, this.host.index, name);
    let value = empty;
    if (body !== undefined) {
      const parsed = schema.safeParse(body);
      if (!parsed.success) {
        const where = parsed.error.issues[0]?.path.join('.') ?? '';
        throw new CasebookError('CORRUPT', `${registerFile(name)} holds a record that is not valid${where ? ` (at ${where})` : ''}; it was not opened`, { file: registerFile(name) });
      }
      value = parsed.data;
    }
    this.cache.set(name, value);
    return value;
  }

  /**
   * Save a whole register (already validated by the caller) with its audit entries, in one
   * commit with the index that records its revision and any files its entries name (`extra`:
   * an encrypted certificate), so an entry never reaches the disk without its file. `deletes`:
   * files the saved register no longer names (an attachment nothing else uses), gone in the same commit.
   */
  async save<T>(name: string, value: T, drafts: AuditDraft[], index: IndexData = this.host.index, extra: FileWrite[] = [], deletes: string[] = []): Promise<void> {
    const prepared = prepareRegister(this.host.dir, this.host.dk, index, name, value);
    await this.host.updateIndex(prepared.index, drafts, [...extra, prepared.write], deletes);
    this.cache.set(name, value);
  }

  /**
   * A register's next revision for a commit that writes more beside it (a leaver's record and
   * the cases reassigned from them): the file, the index recording it, and `saved` to call
   * once that commit has been written, so the cache never runs ahead of the disk.
   */
  prepare<T>(name: string, value: T, index: IndexData = this.host.index): { write: FileWrite; index: IndexData; saved(): void } {
    return { ...prepareRegister(this.host.dir, this.host.dk, index, name, value), saved: () => this.cache.set(name, value) };
  }
}

/** The bytes of a register's next revision, and the index that records it (for commits that write more). */
export function prepareRegister(dir: string, dk: DataKey, index: IndexData, name: string, body: unknown): { write: FileWrite; index: IndexData } {
  const revision = (index.registers[name] ?? 0) + 1;
  const file = registerFileOf(dir, dk, name);
  return { write: { rel: file.rel, bytes: file.encode({ name, revision, body }) }, index: { ...index, registers: { ...index.registers, [name]: revision } } };
}

/** A register's stored body after checking it is the revision the index names; undefined when none has been saved. */
export async function readRegisterBody(dir: string, dk: DataKey, index: IndexData, name: string): Promise<unknown> {
  const expected = index.registers[name];
  const rel = registerFile(name);
  const data = await registerFileOf(dir, dk, name).read();
  if (expected === undefined) {
    if (data) throw new CasebookError('CORRUPT', `${rel} is not part of the casebook as last saved: it may have been put there from another copy. Restore a backup, or ask an administrator to run Verify.`, { file: rel });
    return undefined;
  }
  if (!data) throw new CasebookError('CORRUPT', `${rel} is missing although the casebook last saved revision ${expected} of it: it may have been deleted. Restore a backup, or ask an administrator to run Verify.`, { file: rel });
  if (data.name !== name || data.revision !== expected) {
    throw new CasebookError('CORRUPT', `${rel} holds revision ${data.revision}, but the casebook last saved revision ${expected}: it may have been replaced by an older copy. Restore a backup, or ask an administrator to run Verify.`, { file: rel });
  }
  return data.body;
}

/** The register files a migration filled (migrations.ts), prepared for the commit that writes the migrated index. */
export function carriedWrites(dir: string, dk: DataKey, index: IndexData, carried: Record<string, unknown>): { writes: FileWrite[]; index: IndexData } {
  const writes: FileWrite[] = [];
  for (const [name, body] of Object.entries(carried)) {
    const prepared = prepareRegister(dir, dk, index, name, body);
    index = prepared.index;
    writes.push(prepared.write);
  }
  return { writes, index };
}
