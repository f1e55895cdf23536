import { open as openFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { CasebookService } from '../src-main/services/casebook/api';
import { BENCH_PASS } from './build-store';
import { medianOf, round } from './measure';

/**
 * Save one case (a small edit to a mid-list case, journaled with its summary shard and audit
 * entry) at every size, interleaved: one save at 100, one at 1,000, one at 10,000, and again,
 * each beside its baseline (JSON.stringify of the case and a durable write). The machine is
 * shared, and measuring the sizes minutes apart let a busy spell decide the ratio; taken in
 * turns, every size sees the same load. Target: save at the largest size ≤ 1.5 × the smallest.
 */
export const SAVE_TARGET_RATIO = 1.5;

export interface SaveStore {
  cases: number;
  dir: string;
  service: CasebookService;
  userId: string;
  caseId: string;
}

async function durableWrite(path: string, text: string) {
  const h = await openFile(path, 'w');
  await h.writeFile(text);
  await h.sync();
  await h.close();
}

export async function benchSaves(stores: SaveStore[], runs: number) {
  const lanes = [];
  for (const s of stores) {
    if (!s.service.currentSession()) await s.service.unlock(s.userId, BENCH_PASS);
    let current = await s.service.getCase(s.caseId);
    const save = async () => {
      current = await s.service.saveCase({ ...current, notes: `Edited ${current.revision}` });
    };
    const scratch = join(s.dir, 'bench-baseline.json');
    await save(); // the first save of a session primes what it touches
    lanes.push({ s, save, baseline: () => durableWrite(scratch, JSON.stringify(current)), scratch, saves: [] as number[], baselines: [] as number[] });
  }
  const timed = async (fn: () => Promise<unknown>) => {
    const t = performance.now();
    await fn();
    return performance.now() - t;
  };
  for (let i = 0; i < runs; i++) {
    for (const l of lanes) {
      l.saves.push(await timed(l.save));
      l.baselines.push(await timed(l.baseline));
    }
  }
  for (const l of lanes) await rm(l.scratch, { force: true });
  return lanes.map((l) => {
    const ms = medianOf(l.saves);
    const base = medianOf(l.baselines);
    return { cases: l.s.cases, ms: round(ms), baselineStringifyAndDurableWriteMs: round(base), ratio: round(ms / base) };
  });
}
