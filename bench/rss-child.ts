/**
 * The main process on its own, for the resident-memory figure (bench/rss.ts starts it as a
 * separate process, with --expose-gc, so the number is not the bench harness's). It creates
 * the service and the handler registry as the Electron main process does, unlocks the store
 * through the registry, calls what the first screens call (the case list, the dashboard, the
 * figures for a year, the calendar's busiest month), lets the case-list priming finish, then
 * collects garbage and prints one JSON line of process.memoryUsage() at each step.
 *
 * Arguments: storeDir userId periods, where periods is JSON { figures, calendar }, each
 * { from, to }; the passphrase comes from CASEBOOK_BENCH_PASSPHRASE.
 */
import { createRegistry } from '../src-main/ipc/registry';
import { createCasebookService } from '../src-main/services/casebook/service';

type Period = { from: string; to: string };
const [storeDir, userId, periods] = process.argv.slice(2);
const passphrase = process.env.CASEBOOK_BENCH_PASSPHRASE ?? '';
if (!storeDir || !userId || !periods) throw new Error('usage: rss-child storeDir userId periods');
const { figures, calendar } = JSON.parse(periods) as { figures: Period; calendar: Period };
const gc = (globalThis as { gc?: () => void }).gc;

const settle = async (ms: number) => {
  await new Promise((resolve) => setTimeout(resolve, ms));
  // Twice: the first pass can leave objects that only the second finds unreachable.
  gc?.();
  gc?.();
};
const mib = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
const usage = () => {
  const m = process.memoryUsage();
  return { rssMiB: mib(m.rss), heapUsedMiB: mib(m.heapUsed), heapTotalMiB: mib(m.heapTotal), externalMiB: mib(m.external), arrayBuffersMiB: mib(m.arrayBuffers) };
};

const service = await createCasebookService({ storeDir, kdf: 'minimum' });
const registry = createRegistry(service);
const call = async (name: string, input: unknown) => {
  const r = await registry.invoke(name, input);
  if (!r.ok) throw new Error(`${name} failed: ${r.error.message}`);
  return r.value;
};
await settle(100);
const started = usage();
await call('unlock', { userId, passphrase });
// The case list's priming runs in slices after unlocking; let it finish as a user would.
await settle(2_000);
const unlocked = usage();
await call('queryCaseload', { sort: { column: 'reference', direction: 'asc' } });
await call('queryCaseload', { search: 'an', status: 'open', sort: { column: 'name', direction: 'asc' } });
await call('getDashboard', {});
await call('getFigures', figures);
await call('getCalendar', calendar);
await settle(500);
const after = usage();
process.stdout.write(`${JSON.stringify({ gcExposed: gc !== undefined, started, unlocked, after })}\n`);
await service.close();
