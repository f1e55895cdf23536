import { SUMMARIES_DIR } from './layout';

/**
 * How the case list is split into shard files (docs/store-format.md, "Summary shards").
 *
 * A case's row lives in shard `fnv1a(caseId) & (2^bits − 1)`, file `summaries/NN.cbk` (the shard
 * number, at least two digits). The index records `bits`. When the casebook outgrows
 * ROWS_PER_SHARD rows per shard on average, `bits` goes up by one (or more, for a large
 * import) and every row is regrouped in the same journaled commit: shard s splits into s and
 * s + 2^bits, so names never change meaning and nothing is deleted. A save therefore rewrites a
 * shard of at most about ROWS_PER_SHARD rows however large the casebook is.
 *
 * Stores written before the layout was recorded (store format 1) have exactly 32 shards,
 * created only when a row first landed in them; `legacy` marks that layout, which is read as
 * it is and rewritten as the recorded layout at the first writable unlock.
 */
export const MIN_SHARD_BITS = 5;
export const MAX_SHARD_BITS = 16;
/**
 * At 10,000 cases: 512 shards of about 20 rows (30 KB with process facts). 64 rows per shard
 * halved the files read at unlock but left a save there 1.1 to 1.4 times the cost at 100;
 * 16 doubled the files again and unlocking took about a sixth longer.
 */
export const ROWS_PER_SHARD = 32;

export interface SummaryLayout {
  bits: number;
  /** Store format 1: 32 shards, a missing one is empty; the index does not name the layout. */
  legacy: boolean;
}

export const LEGACY_LAYOUT: SummaryLayout = { bits: MIN_SHARD_BITS, legacy: true };

export const shardCount = (layout: Pick<SummaryLayout, 'bits'>) => 2 ** layout.bits;

export const summaryFile = (shard: number) => `${SUMMARIES_DIR}/${String(shard).padStart(2, '0')}.cbk`;

/** FNV-1a over the case id: stable, cheap, spreads ids evenly; its low bits pick the shard. */
export function caseHash(caseId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < caseId.length; i++) {
    h ^= caseId.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function shardOf(caseId: string, bits: number): number {
  return caseHash(caseId) & (2 ** bits - 1);
}

/** The bits a casebook of `rows` rows needs: never fewer than it has, so shards only split. */
export function bitsFor(rows: number, current: number): number {
  let bits = Math.max(current, MIN_SHARD_BITS);
  while (bits < MAX_SHARD_BITS && rows > ROWS_PER_SHARD * 2 ** bits) bits++;
  return bits;
}

/**
 * What a file name in summaries/ is, for verify: a shard of this layout under its own name, the
 * same shard under another spelling (a duplicate), or something that is no shard of it.
 */
export function classifyShardName(name: string, layout: SummaryLayout): { shard: number; kind: 'shard' | 'duplicate' } | { kind: 'stray' } {
  const m = /^(\d{1,6})\.cbk$/.exec(name);
  const shard = m ? Number(m[1]) : -1;
  if (shard < 0 || shard >= shardCount(layout)) return { kind: 'stray' };
  return { shard, kind: summaryFile(shard) === `${SUMMARIES_DIR}/${name}` ? 'shard' : 'duplicate' };
}
