import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { z } from 'zod';
import { AuditEntrySchema, type AuditDraft, type AuditEntry } from '../domain/casebook/audit';
import { CasebookError } from '../domain/shared/errors';
import { EncryptedFile } from './encrypted-file';
import type { DataKey } from './envelope';
import type { FileWrite } from './journal';
import { abs, AUDIT_DIR, AUDIT_SEGMENT_ENTRIES, auditFile } from './layout';

/**
 * The audit trail: entries in numbered, encrypted segment files of at most 256 entries. Each
 * entry carries the SHA-256 of the one before it, so removing, reordering or editing any entry
 * breaks the chain. A segment is rewritten whole when an entry is added (bounded cost) and
 * never edited otherwise; older segments are never touched again.
 */
const SegmentSchema = z.strictObject({ segment: z.number().int().min(1), entries: z.array(AuditEntrySchema) });
type Segment = z.infer<typeof SegmentSchema>;
export const GENESIS = '0'.repeat(64);

export function hashEntry(e: Omit<AuditEntry, 'hash'>): string {
  const { seq, at, userId, userName, action, entity, fields, prev } = e;
  return createHash('sha256').update(JSON.stringify([seq, at, userId, userName, action, entity, fields, prev])).digest('hex');
}

export class AuditLog {
  private head: Segment = { segment: 1, entries: [] };
  private lastHash = GENESIS;
  private lastSeq = 0;

  constructor(private readonly storeDir: string, private readonly dk: DataKey) {}

  private file(n: number) {
    return new EncryptedFile<Segment>(this.storeDir, auditFile(n), 'audit', SegmentSchema, this.dk);
  }

  async segmentNumbers(): Promise<number[]> {
    const names = await fs.readdir(abs(this.storeDir, AUDIT_DIR)).catch(() => [] as string[]);
    return names.filter((n) => /^\d{6}\.cbk$/.test(n)).map((n) => Number(n.slice(0, 6))).sort((a, b) => a - b);
  }

  /** Load the newest segment so new entries can be chained on. */
  async loadHead(): Promise<void> {
    const nums = await this.segmentNumbers();
    const last = nums[nums.length - 1];
    if (last === undefined) return;
    this.setHead(last, await this.file(last).read());
  }

  /** The same, from the files of a backup about to be restored, so the restore chains onto its trail. */
  loadHeadFromFiles(files: Map<string, Buffer>): void {
    const nums = [...files.keys()].map((rel) => /^audit\/(\d{6})\.cbk$/.exec(rel)).filter((m) => m !== null).map((m) => Number(m[1]));
    if (nums.length === 0) return;
    const last = Math.max(...nums);
    this.setHead(last, this.file(last).decode(files.get(auditFile(last))!));
  }

  private setHead(last: number, seg: Segment | null): void {
    if (!seg || seg.segment !== last) throw new CasebookError('CORRUPT', `${auditFile(last)} is not the segment it claims to be`, { file: auditFile(last) });
    const tail = seg.entries[seg.entries.length - 1];
    this.head = seg;
    this.lastHash = tail?.hash ?? GENESIS;
    this.lastSeq = tail?.seq ?? 0;
  }

  /**
   * Build the entries and the segment file(s) that record them, without writing anything.
   * Call `accept` once the commit that carries the writes has succeeded.
   */
  prepare(drafts: AuditDraft[], now: Date): { entries: AuditEntry[]; writes: FileWrite[]; head: { seq: number; hash: string }; accept: () => void } {
    let seg: Segment = { segment: this.head.segment, entries: [...this.head.entries] };
    let prev = this.lastHash;
    let seq = this.lastSeq;
    const touched = new Map<number, Segment>();
    const entries: AuditEntry[] = [];
    for (const d of drafts) {
      if (seg.entries.length >= AUDIT_SEGMENT_ENTRIES) seg = { segment: seg.segment + 1, entries: [] };
      const base = { ...d, seq: ++seq, at: now.toISOString(), prev };
      const entry: AuditEntry = { ...base, hash: hashEntry(base) };
      seg.entries.push(entry);
      touched.set(seg.segment, seg);
      entries.push(entry);
      prev = entry.hash;
    }
    const writes = [...touched.values()].map((s) => ({ rel: auditFile(s.segment), bytes: this.file(s.segment).encode(s) }));
    const finalSeg = seg;
    return {
      entries,
      writes,
      head: { seq, hash: prev },
      accept: () => {
        this.head = finalSeg;
        this.lastHash = prev;
        this.lastSeq = seq;
      },
    };
  }

  /** One segment's entries as stored (team use sends each segment as it fills: services/sync). */
  async readSegment(n: number): Promise<AuditEntry[] | undefined> {
    const seg = await this.file(n).read();
    return seg?.entries;
  }

  /** Read every segment and check the chain; problems name the file. */
  async readAll(): Promise<{ entries: AuditEntry[]; problems: { file: string; message: string }[] }> {
    const entries: AuditEntry[] = [];
    const problems: { file: string; message: string }[] = [];
    let prev = GENESIS;
    let expectSeq = 1;
    const nums = await this.segmentNumbers();
    for (const [i, n] of nums.entries()) {
      const rel = auditFile(n);
      if (n !== i + 1) problems.push({ file: rel, message: `segment ${i + 1} is missing` });
      try {
        const seg = await this.file(n).read();
        if (!seg) continue;
        if (seg.segment !== n) problems.push({ file: rel, message: 'segment number does not match its file name' });
        for (const e of seg.entries) {
          const { hash, ...rest } = e;
          if (e.seq !== expectSeq) problems.push({ file: rel, message: `entry ${expectSeq} is missing or out of order (found ${e.seq})` });
          if (e.prev !== prev) problems.push({ file: rel, message: `entry ${e.seq} does not follow the entry before it` });
          if (hashEntry(rest) !== hash) problems.push({ file: rel, message: `entry ${e.seq} has been altered` });
          prev = hash;
          expectSeq = e.seq + 1;
          entries.push(e);
        }
      } catch (err) {
        problems.push({ file: rel, message: err instanceof CasebookError ? err.message : 'could not be read' });
      }
    }
    return { entries, problems };
  }

  get count(): number {
    return this.lastSeq;
  }

  /** The last entry's number and hash: what the sealed root records. */
  get headEntry(): { seq: number; hash: string } {
    return { seq: this.lastSeq, hash: this.lastHash };
  }
}
