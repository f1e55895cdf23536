import { promises as fs } from 'node:fs';
import { z } from 'zod';
import { CaseSummarySchema, type CaseSummary } from '../domain/cases/case';
import { isCaseSummary } from '../domain/cases/case-summary-check';
import { CasebookError } from '../domain/shared/errors';
import { EncryptedFile } from './encrypted-file';
import type { DataKey } from './envelope';
import type { FileWrite } from './journal';
import { abs, SUMMARIES_DIR } from './layout';
import { bitsFor, classifyShardName, shardCount, shardOf, summaryFile, type SummaryLayout } from './summary-layout';

/**
 * The case list: one summary row per case, spread over shard files by a hash of the case id
 * (summary-layout.ts). Saving a case rewrites one shard of at most about ROWS_PER_SHARD rows, so
 * what a save writes does not grow with the casebook, while unlocking reads a few hundred small
 * files rather than thousands of case files.
 *
 * A shard's rows are checked with the hand-written equivalent of the row schema in one pass
 * (see case-summary-check): wrapping each row in its own schema call cost as much as the check.
 */
const ShardSchema = z.custom<{ rows: CaseSummary[] }>((v) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  const rows = (v as { rows?: unknown }).rows;
  if (keys.length !== 1 || !Array.isArray(rows)) return false;
  for (const r of rows) if (!isCaseSummary(r) && !CaseSummarySchema.safeParse(r).success) return false;
  return true;
});
type Shard = z.infer<typeof ShardSchema>;

/** Something wrong with the shard files; `fatal` ones stop an unlock, the rest only verify reports. */
interface ShardProblem {
  file: string;
  text: string;
  fatal: boolean;
}

/**
 * The shard files a change writes, in an order a reader that opens the store meanwhile (a
 * read-only instance does not replay the journal) can follow: shards that do not exist yet go
 * before the index that names them, shards that exist are rewritten after it. Until the index
 * changes a reader sees the old shards whole; after it, rows left behind in an old shard belong
 * to another shard now and are passed over (see `adopt`).
 */
export interface SummaryChange {
  fresh: FileWrite[];
  rewritten: FileWrite[];
  /** The layout after the change: more bits than before if the shards split. */
  layout: SummaryLayout;
  accept: () => void;
}

export class SummaryIndex {
  private readonly rows = new Map<string, CaseSummary>();
  /** Each shard's rows by shard number: what saving a case in it rewrites. */
  private shards: CaseSummary[][] = [];
  /** Legacy layout only: shards that had no file yet. */
  private readonly absent = new Set<number>();

  /**
   * `verify` reads every shard even if one fails, also lists the folder for shard files the
   * layout does not name, and reports every problem in one error after loading what it could.
   */
  constructor(
    private readonly storeDir: string,
    private readonly dk: DataKey,
    public layout: SummaryLayout,
    private readonly mode: 'open' | 'verify' = 'open',
  ) {}

  private file(shard: number) {
    return new EncryptedFile<Shard>(this.storeDir, summaryFile(shard), 'summaries', ShardSchema, this.dk);
  }

  async load(): Promise<void> {
    const problems: ShardProblem[] = [];
    // Read and open the shards concurrently: unlocking is dominated by per-file latency.
    const loaded = await Promise.all(Array.from({ length: shardCount(this.layout) }, (_, s) => this.readShard(s, problems)));
    this.shards = loaded.map((rows, s) => this.adopt(s, rows, problems));
    if (this.mode === 'verify') problems.push(...(await this.strayFiles()));
    const shown = this.mode === 'verify' ? problems : problems.filter((p) => p.fatal);
    if (shown[0]) throw new CasebookError('CORRUPT', shown.map((p) => p.text).join('; '), { file: shown[0].file });
  }

  private async readShard(shard: number, problems: ShardProblem[]): Promise<CaseSummary[]> {
    const file = summaryFile(shard);
    try {
      const data = await this.file(shard).read();
      if (data) return data.rows;
    } catch (e) {
      if (this.mode === 'open' || !(e instanceof CasebookError)) throw e;
      problems.push({ file, text: e.message, fatal: true });
      return [];
    }
    if (this.layout.legacy) this.absent.add(shard);
    else problems.push({ file, text: `${file} is missing, so the case list is incomplete`, fatal: true });
    return [];
  }

  /**
   * Take a shard's rows into the list. A row whose id hashes to another shard is not this
   * shard's to hold (it is left behind while the shards split) and is passed over; a case
   * listed twice is damage.
   */
  private adopt(shard: number, rows: CaseSummary[], problems: ShardProblem[]): CaseSummary[] {
    const file = summaryFile(shard);
    let kept = rows;
    rows.forEach((r, i) => {
      const home = shardOf(r.id, this.layout.bits);
      const misplaced = home !== shard;
      const twice = !misplaced && this.rows.has(r.id);
      if (misplaced) problems.push({ file, text: `${file} holds case ${r.reference}, which belongs in ${summaryFile(home)}`, fatal: false });
      if (twice) problems.push({ file, text: `${file} lists case ${r.reference} twice`, fatal: true });
      if (misplaced || twice) {
        if (kept === rows) kept = rows.slice(0, i);
      } else {
        this.rows.set(r.id, r);
        if (kept !== rows) kept.push(r);
      }
    });
    return kept;
  }

  /** Files in summaries/ that are no shard of this layout, or a second copy of one. */
  private async strayFiles(): Promise<ShardProblem[]> {
    const names = await fs.readdir(abs(this.storeDir, SUMMARIES_DIR)).catch(() => [] as string[]);
    const out: ShardProblem[] = [];
    for (const name of names.sort()) {
      if (name.startsWith('.')) continue; // a temp file; removed at the next writable unlock
      const file = `${SUMMARIES_DIR}/${name}`;
      const c = classifyShardName(name, this.layout);
      if (c.kind === 'duplicate') out.push({ file, text: `${file} is a second file for shard ${c.shard} (${summaryFile(c.shard)})`, fatal: false });
      if (c.kind === 'stray') out.push({ file, text: `${file} is not one of the ${shardCount(this.layout)} shards of the case list`, fatal: false });
    }
    return out;
  }

  all(): CaseSummary[] {
    return [...this.rows.values()];
  }

  get(id: string): CaseSummary | undefined {
    return this.rows.get(id);
  }

  get size(): number {
    return this.rows.size;
  }

  /**
   * Sealed shard files that would hold these rows, without changing anything in memory. Only
   * the shards the rows fall in are written, unless the rows take the casebook past its
   * layout's capacity: then the shards split and every shard is written.
   */
  prepare(updated: CaseSummary[]): SummaryChange {
    const next = new Map(updated.map((r) => [r.id, CaseSummarySchema.parse(r)] as const));
    return this.prepareWith(next, new Set());
  }

  /**
   * Rows taken off the list (a case deleted under the retention schedule): only the shards that
   * held them are rewritten. The layout never shrinks, so no shard is renamed.
   */
  prepareRemoval(ids: readonly string[]): SummaryChange {
    return this.prepareWith(new Map(), new Set(ids.filter((id) => this.rows.has(id))));
  }

  private prepareWith(next: Map<string, CaseSummary>, removed: ReadonlySet<string>): SummaryChange {
    let added = 0;
    for (const id of next.keys()) if (!this.rows.has(id)) added++;
    const bits = this.layout.legacy ? this.layout.bits : bitsFor(this.rows.size + added, this.layout.bits);
    if (bits !== this.layout.bits) return this.relayout(bits, next);
    const touched = new Map<number, CaseSummary[]>();
    for (const id of removed) {
      const s = shardOf(id, bits);
      touched.set(s, (touched.get(s) ?? this.shards[s] ?? []).filter((r) => r.id !== id));
    }
    for (const row of next.values()) {
      const s = shardOf(row.id, bits);
      let list = touched.get(s);
      if (!list) touched.set(s, (list = [...(this.shards[s] ?? [])]));
      const at = list.findIndex((r) => r.id === row.id);
      if (at >= 0) list[at] = row;
      else list.push(row);
    }
    return this.change(this.layout, touched, next, removed);
  }

  /** Every shard written again in the layout the casebook needs: creating or upgrading a store. */
  rewriteAll(): SummaryChange {
    return this.relayout(bitsFor(this.rows.size, this.layout.bits), new Map());
  }

  private relayout(bits: number, next: Map<string, CaseSummary>): SummaryChange {
    const shards = new Map<number, CaseSummary[]>();
    for (let s = 0; s < 2 ** bits; s++) shards.set(s, []);
    for (const row of this.rows.values()) if (!next.has(row.id)) shards.get(shardOf(row.id, bits))!.push(row);
    for (const row of next.values()) shards.get(shardOf(row.id, bits))!.push(row);
    return this.change({ bits, legacy: false }, shards, next);
  }

  private change(layout: SummaryLayout, shards: Map<number, CaseSummary[]>, next: Map<string, CaseSummary>, removed: ReadonlySet<string> = new Set()): SummaryChange {
    const fresh: FileWrite[] = [];
    const rewritten: FileWrite[] = [];
    const existed = (s: number) => s < shardCount(this.layout) && !this.absent.has(s);
    for (const [s, rows] of shards) (existed(s) ? rewritten : fresh).push({ rel: summaryFile(s), bytes: this.file(s).encode({ rows }) });
    return {
      fresh,
      rewritten,
      layout,
      accept: () => {
        if (layout.bits !== this.layout.bits || layout.legacy !== this.layout.legacy) {
          this.layout = layout;
          this.shards = [];
          this.absent.clear();
        }
        for (const [s, rows] of shards) this.shards[s] = rows;
        for (const row of next.values()) this.rows.set(row.id, row);
        for (const id of removed) this.rows.delete(id);
      },
    };
  }
}
