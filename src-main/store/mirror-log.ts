import { promises as fs, constants } from 'node:fs';
import { CasebookError } from '../domain/shared/errors';
import { writeFileDurably } from './durable-write';
import { asciiJson, open, seal, type DataKey } from './envelope';
import { abs, MIRROR_LOG, SYNC_DIR } from './layout';

/**
 * The disk under this computer's copy of the team server's documents (sync-mirror.ts): every
 * write the replication engine makes to its key-value store is appended here as one sealed
 * record, and read back into memory when the casebook unlocks. Records are numbered into their
 * seal, so none can be dropped or moved without the next read noticing; a record cut off by a
 * crash at the end is dropped (its write was never acknowledged). When the log has grown to
 * several times what it holds, it is written afresh.
 */
export type MirrorOp = { type: 'put'; key: Buffer | string; value: Buffer | string } | { type: 'del'; key: Buffer | string };
type Encoded = [0 | 1, string, string?];

const enc = (v: Buffer | string): string => (Buffer.isBuffer(v) ? `b${v.toString('base64')}` : `s${v}`);
const dec = (v: string): Buffer | string => (v[0] === 'b' ? Buffer.from(v.slice(1), 'base64') : v.slice(1));
const recordName = (n: number) => `${MIRROR_LOG}#${n}`;
/** Snapshots are written in records of this many operations, so none is huge. */
const SNAPSHOT_CHUNK = 2000;

export class MirrorLog {
  private count = 0;
  private bytes = 0;
  private handle: fs.FileHandle | undefined;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly dir: string, private readonly dk: DataKey) {}

  get size(): number {
    return this.bytes;
  }

  /** Read every record in order, handing each one's operations to `apply`. */
  async load(apply: (ops: MirrorOp[]) => void): Promise<void> {
    const path = abs(this.dir, MIRROR_LOG);
    const file = await fs.readFile(path).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return Buffer.alloc(0);
      throw e;
    });
    let at = 0;
    let n = 0;
    while (at + 4 <= file.length) {
      const len = file.readUInt32BE(at);
      if (at + 4 + len > file.length) break;
      let plain: Buffer;
      try {
        plain = open(this.dk, 'mirror', recordName(n), file.subarray(at + 4, at + 4 + len));
      } catch {
        // Damage before the last record is not a torn write: say so rather than lose the rest.
        if (at + 4 + len < file.length) throw new CasebookError('CORRUPT', `${MIRROR_LOG} (this computer's copy of the team server) is damaged at record ${n + 1}: remove the ${SYNC_DIR} folder and sync again to fetch it afresh`, { file: MIRROR_LOG });
        break;
      }
      apply((JSON.parse(plain.toString('latin1')) as Encoded[]).map(([t, k, v]) => (t === 1 ? { type: 'put', key: dec(k), value: dec(v ?? 's') } : { type: 'del', key: dec(k) })));
      at += 4 + len;
      n++;
    }
    // A record cut short by a crash was never acknowledged: drop it so appends follow the last whole one.
    if (at < file.length) await fs.truncate(path, at);
    this.count = n;
    this.bytes = at;
  }

  /** Append one batch durably; resolves once it is on disk. Appends run in the order they were asked for. */
  append(ops: MirrorOp[]): Promise<void> {
    const job = this.tail.then(() => this.write(ops));
    this.tail = job.catch(() => undefined);
    return job;
  }

  private async write(ops: MirrorOp[]): Promise<void> {
    const encoded: Encoded[] = ops.map((o) => (o.type === 'put' ? [1, enc(o.key), enc(o.value)] : [0, enc(o.key)]));
    const sealed = seal(this.dk, 'mirror', recordName(this.count), Buffer.from(asciiJson(encoded), 'latin1'));
    const frame = Buffer.alloc(4 + sealed.length);
    frame.writeUInt32BE(sealed.length, 0);
    sealed.copy(frame, 4);
    if (!this.handle) {
      await fs.mkdir(abs(this.dir, SYNC_DIR), { recursive: true, mode: 0o700 });
      this.handle = await fs.open(abs(this.dir, MIRROR_LOG), constants.O_CREAT | constants.O_WRONLY | constants.O_APPEND, 0o600);
    }
    await this.handle.write(frame);
    await this.handle.datasync();
    this.count++;
    this.bytes += frame.length;
  }

  /** Replace the log with a snapshot of what it holds now (`everything`), written durably in one go. */
  async rewrite(everything: MirrorOp[]): Promise<void> {
    const job = this.tail.then(async () => {
      await this.handle?.close();
      this.handle = undefined;
      const frames: Buffer[] = [];
      for (let i = 0, n = 0; i < everything.length; i += SNAPSHOT_CHUNK, n++) {
        const chunk = everything.slice(i, i + SNAPSHOT_CHUNK).map((o): Encoded => (o.type === 'put' ? [1, enc(o.key), enc(o.value)] : [0, enc(o.key)]));
        const sealed = seal(this.dk, 'mirror', recordName(n), Buffer.from(asciiJson(chunk), 'latin1'));
        const len = Buffer.alloc(4);
        len.writeUInt32BE(sealed.length, 0);
        frames.push(len, sealed);
      }
      const bytes = Buffer.concat(frames);
      await writeFileDurably(abs(this.dir, MIRROR_LOG), bytes, MIRROR_LOG);
      this.count = frames.length / 2;
      this.bytes = bytes.length;
    });
    this.tail = job.catch(() => undefined);
    return job;
  }

  async close(): Promise<void> {
    await this.tail;
    await this.handle?.close();
    this.handle = undefined;
  }
}
