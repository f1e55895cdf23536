import { promises as fs } from 'node:fs';
import { z } from 'zod';
import { CasebookError } from '../domain/shared/errors';
import { MAGIC, openJson, sealJson, type DataKey } from './envelope';
import { removeDurably, whyWriteFailed, writeFileDurably, writeFailed } from './durable-write';
import { abs, JOURNAL, KEYRING, STORE_REL } from './layout';

/**
 * Multi-file commits. Saving a case touches the case file, one summary shard and the audit
 * segment; each is replaced atomically, but a crash between them would leave a mix. So the
 * full new contents of every file are first written to one sealed journal file; then each
 * file is replaced; then the journal is removed. At the next unlock a journal that is still
 * there is replayed (every write is a whole-file replacement, so replaying twice is harmless).
 * The commit is acknowledged only after the journal is durable, so a crash leaves either the
 * previous state (no journal yet) or the new one (journal replayed).
 */
export interface FileWrite {
  rel: string;
  bytes: Buffer;
}

const SAFE_REL = STORE_REL;
const JournalSchema = z.strictObject({
  writes: z.array(z.strictObject({ rel: z.string().regex(SAFE_REL), data: z.string() })),
  deletes: z.array(z.string().regex(SAFE_REL)),
});

export async function commitFiles(storeDir: string, dk: DataKey, writes: FileWrite[], deletes: string[] = []): Promise<void> {
  const first = writes[0];
  if (writes.length === 1 && deletes.length === 0 && first) {
    await writeFileDurably(abs(storeDir, first.rel), first.bytes, first.rel);
    return;
  }
  const journal = sealJson(dk, 'journal', JOURNAL, {
    writes: writes.map((w) => ({ rel: w.rel, data: w.bytes.toString('base64') })),
    deletes,
  });
  await writeFileDurably(abs(storeDir, JOURNAL), journal, writes[0]?.rel ?? JOURNAL);
  // From here on the change is decided: a failure leaves it to be finished, not undone.
  try {
    await apply(storeDir, writes, deletes);
    await removeDurably(abs(storeDir, JOURNAL));
  } catch (e) {
    throw new JournalPending(e);
  }
}

/**
 * A commit whose journal is durable but whose files were not all replaced (a full disk, say).
 * The change will be finished by replaying the journal; it must not be reported as lost, and
 * no other commit may overwrite the journal before that happens.
 */
export class JournalPending extends CasebookError {
  /** What has to change before the change can be finished ("the disk has room", "your account may write …"). */
  readonly until: string;
  constructor(cause: unknown) {
    const first = writeFailed(JOURNAL, cause);
    const { until } = whyWriteFailed(cause);
    super('WRITE_FAILED', `${first.message.split('. ')[0]}. The change was recorded safely and will be finished once ${until} and the casebook is next unlocked; nothing is lost.`, first.details);
    this.until = until;
  }
}

/**
 * The keyring is replaced last, after the deletes: a change of the data key (rotate-key.ts)
 * seals its journal with the key it replaces, so once the new keyring is in place the journal
 * has nothing left to do: one sealed with the key the keyring names as replaced is finished.
 */
async function apply(storeDir: string, writes: FileWrite[], deletes: string[]): Promise<void> {
  const last = writes.filter((w) => w.rel === KEYRING);
  for (const w of writes) if (w.rel !== KEYRING) await writeFileDurably(abs(storeDir, w.rel), w.bytes, w.rel);
  for (const d of deletes) await removeDurably(abs(storeDir, d)).catch((e) => {
    throw writeFailed(d, e);
  });
  for (const w of last) await writeFileDurably(abs(storeDir, w.rel), w.bytes, w.rel);
}

/** Replay an unfinished commit, if any. Returns true if one was replayed. */
export async function replayJournal(storeDir: string, dk: DataKey, previousKeyId?: string): Promise<boolean> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(abs(storeDir, JOURNAL));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
  if (previousKeyId !== undefined && sealedWith(bytes, previousKeyId)) {
    // The key change's own journal, and its new keyring (its last write) is in place: already applied.
    await removeDurably(abs(storeDir, JOURNAL));
    return true;
  }
  const parsed = JournalSchema.safeParse(openJson(dk, 'journal', JOURNAL, bytes));
  if (!parsed.success) throw new CasebookError('CORRUPT', `${JOURNAL} is not valid; it was not replayed`, { file: JOURNAL });
  const writes = parsed.data.writes.map((w) => ({ rel: w.rel, bytes: Buffer.from(w.data, 'base64') }));
  await apply(storeDir, writes, parsed.data.deletes);
  await removeDurably(abs(storeDir, JOURNAL));
  return true;
}

/** The envelope's key id (bytes 6 to 14) is this one: a damaged journal's is not, and is refused as before. */
function sealedWith(bytes: Buffer, keyId: string): boolean {
  return bytes.length >= 14 && bytes.subarray(0, 4).equals(MAGIC) && bytes.subarray(6, 14).toString('hex') === keyId;
}

export async function hasJournal(storeDir: string): Promise<boolean> {
  return fs.access(abs(storeDir, JOURNAL)).then(() => true, () => false);
}
