import { promises as fs } from 'node:fs';
import { z } from 'zod';
import { CaseSummarySchema, type CaseSummary } from '../domain/cases/case';
import { isCaseSummary } from '../domain/cases/case-summary-check';
import { EncryptedFile } from './encrypted-file';
import type { DataKey } from './envelope';
import type { FileWrite } from './journal';
import { abs, shardOf, SUMMARIES_DIR, summaryFile } from './layout';

/**
 * The case list: one summary row per case, spread over 32 encrypted shard files by a hash of
 * the case id. Saving a case rewrites one shard, so the cost of a save stays flat as the store
 * grows, while unlocking reads 32 small files rather than thousands of case files.
 */
const ShardSchema = z.strictObject({ rows: z.array(CaseSummarySchema) });
/**
 * The same shape, checked with the hand-written equivalent of the row schema in one pass (see
 * case-summary-check): wrapping each row in its own schema call cost as much as the check.
 */
const FastShardSchema = z.custom<{ rows: CaseSummary[] }>((v) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  const rows = (v as { rows?: unknown }).rows;
  if (keys.length !== 1 || !Array.isArray(rows)) return false;
  for (const r of rows) if (!isCaseSummary(r) && !CaseSummarySchema.safeParse(r).success) return false;
  return true;
});
type Shard = z.infer<typeof ShardSchema>;

export class SummaryIndex {
  private readonly rows = new Map<string, CaseSummary>();
  /** Rows per shard by id, built for a shard only when a save first touches it. */
  private readonly byShard = new Map<number, Map<string, CaseSummary>>();
  /** The rows each shard held when loaded (arrays are cheap to keep; maps are built on demand). */
  private readonly loadedRows = new Map<number, CaseSummary[]>();

  constructor(private readonly storeDir: string, private readonly dk: DataKey) {}

  private file(shard: number) {
    return new EncryptedFile<Shard>(this.storeDir, summaryFile(shard), 'summaries', FastShardSchema, this.dk);
  }

  async load(): Promise<void> {
    const names = await fs.readdir(abs(this.storeDir, SUMMARIES_DIR)).catch(() => [] as string[]);
    const shards = names.map((n) => /^(\d{2})\.cbk$/.exec(n)).filter((m) => m !== null).map((m) => Number(m[1]));
    // Read and open the shards concurrently: unlocking is dominated by per-file latency.
    const loaded = await Promise.all(shards.map(async (shard) => ({ shard, data: await this.file(shard).read() })));
    for (const { shard, data } of loaded) {
      const rows = data?.rows ?? [];
      for (const r of rows) this.rows.set(r.id, r);
      this.loadedRows.set(shard, rows);
    }
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

  /** Sealed shard files that would hold these rows, without changing anything in memory. */
  prepare(updated: CaseSummary[]): { writes: FileWrite[]; accept: () => void } {
    const shards = new Map<number, Map<string, CaseSummary>>();
    for (const row of updated) {
      const s = shardOf(row.id);
      let m = shards.get(s);
      if (!m) {
        m = new Map(this.byShard.get(s) ?? (this.loadedRows.get(s) ?? []).map((r) => [r.id, r] as const));
        shards.set(s, m);
      }
      m.set(row.id, row);
    }
    const writes = [...shards].map(([s, m]) => ({ rel: summaryFile(s), bytes: this.file(s).encode(ShardSchema.parse({ rows: [...m.values()] })) }));
    return {
      writes,
      accept: () => {
        for (const [s, m] of shards) this.byShard.set(s, m);
        for (const row of updated) this.rows.set(row.id, row);
      },
    };
  }
}
