import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCasebookService } from '../src-main/services/casebook-service';
import { generateDemoCases } from '../src-main/services/demo-cases';

export const BENCH_PASS = 'benchmark passphrase 2026';
export const NOW = new Date('2026-11-01T10:00:00Z');

/** A synthetic store of n demo cases (names in many scripts, all stages), built through the service. */
export async function buildStore(n: number) {
  const dir = await mkdtemp(join(tmpdir(), `casebook-bench-${n}-`));
  const service = await createCasebookService({ storeDir: dir, kdf: 'minimum' });
  const { session } = await service.create({ serviceName: 'Bench RJ Hub', userName: 'Bench Admin', passphrase: BENCH_PASS });
  const cases = generateDemoCases({ count: n, seed: 42, now: NOW });
  for (let i = 0; i < cases.length; i += 500) await service.importCases(cases.slice(i, i + 500));
  return { dir, service, userId: session.user.id, cases };
}
