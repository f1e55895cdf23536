import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCasebookService } from '../src-main/services/casebook/service';
import { generateDemoCases } from '../src-main/demo/demo-cases';
import { ensureDemoResources } from '../src-main/services/casebook/demo';

export const BENCH_PASS = 'benchmark passphrase 2026';
export const NOW = new Date('2026-11-01T10:00:00Z');

/** A synthetic store of n demo cases (names in many scripts, all stages, with their restorative process), built through the service. */
export async function buildStore(n: number) {
  const dir = await mkdtemp(join(tmpdir(), `casebook-bench-${n}-`));
  const service = await createCasebookService({ storeDir: dir, kdf: 'minimum' });
  const { session } = await service.create({ serviceName: 'Bench RJ Hub', userName: 'Bench Admin', passphrase: BENCH_PASS });
  // The demo staff and venues first: meetings, agreements and closures name them by id.
  const resources = await ensureDemoResources(service, n);
  const cases = generateDemoCases({ count: n, seed: 42, now: NOW, resources });
  for (let i = 0; i < cases.length; i += 500) await service.importCases(cases.slice(i, i + 500));
  return { dir, service, userId: session.user.id, cases };
}
