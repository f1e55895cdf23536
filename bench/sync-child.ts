/**
 * The first sync of a casebook in a process of its own (bench/sync.ts starts it, as rss.ts starts
 * rss-child.ts), so its peak resident memory is the app's main process's, not the bench
 * harness's with the store it built. It unlocks the store, waits for the background check of
 * the case files, collects garbage, resets the kernel's
 * peak-RSS mark, turns team use on (which sends everything) and prints one JSON line: how long
 * that took, what was sent, and the resident memory before and at its peak.
 *
 * The peak is the kernel's high-water mark (VmHWM, reset through /proc/self/clear_refs) so a
 * spike between two samples is not missed; where that cannot be reset (not Linux), the largest of
 * samples taken every 20 ms is given instead, and the output says which.
 *
 * Arguments: storeDir userId remote; the passphrase comes from CASEBOOK_BENCH_PASSPHRASE.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { createCasebookService } from '../src-main/services/casebook/service';

const [storeDir, userId, remote] = process.argv.slice(2);
const passphrase = process.env.CASEBOOK_BENCH_PASSPHRASE ?? '';
if (!storeDir || !userId || !remote) throw new Error('usage: sync-child storeDir userId remote');
const gc = (globalThis as { gc?: () => void }).gc;
const mib = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** The kernel's peak RSS since the last reset, in bytes; undefined where /proc is not there. */
async function highWaterMark(): Promise<number | undefined> {
  const status = await readFile('/proc/self/status', 'utf8').catch(() => '');
  const kb = /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1];
  return kb === undefined ? undefined : Number(kb) * 1024;
}

/** "5" resets the peak RSS to the current RSS (Linux ≥ 4.0); false where it cannot. */
const resetHighWaterMark = () => writeFile('/proc/self/clear_refs', '5').then(() => true, () => false);

const service = await createCasebookService({ storeDir, kdf: 'minimum' });
await service.unlock(userId, passphrase);
// Every case file is read in the background after unlocking (case-check.ts): at 10,000 cases
// that takes longer than the sync's own steps, so it finishes before anything is measured.
await service.casesChecked();
gc?.();
gc?.();
const before = process.memoryUsage().rss;
const kernelPeak = await resetHighWaterMark();
let sampled = before;
const sampler = setInterval(() => (sampled = Math.max(sampled, process.memoryUsage().rss)), 20);

const t0 = performance.now();
const cpu0 = process.cpuUsage();
const result = await service.sync.enable({ remote });
const ms = performance.now() - t0;
// CPU time beside the wall-clock time: on a shared machine the difference is time spent waiting.
const cpu = process.cpuUsage(cpu0);
clearInterval(sampler);
sampled = Math.max(sampled, process.memoryUsage().rss);
const peak = (kernelPeak ? await highWaterMark() : undefined) ?? sampled;
process.stdout.write(
  `${JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, pushed: result.pushed, pulled: result.pulled, problems: result.problems.length, gcExposed: gc !== undefined, rssBeforeMiB: mib(before), peakRssMiB: mib(peak), peakFrom: kernelPeak ? 'VmHWM' : 'sampled every 20 ms' })}\n`,
);
await service.close();
