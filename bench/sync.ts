import { mkdtemp, rm, stat } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCasebookService } from '../src-main/services/casebook/service';
import { MIRROR_LOG } from '../src-main/store/layout';
import { BENCH_PASS, buildStore } from './build-store';
import { median, medianOf, peakMemoryMiB, round } from './measure';
import { childCommand, runChild } from './rss';
import { startServerProcess } from './sync-server-process';

/**
 * Team use (issue 16) at 10,000 cases, against the project's local sync server (in memory, in a
 * process of its own: sync-server-process.ts):
 * - the first sync, turning team use on, which sends every case (target ≤ 60 s), in a process of
 *   its own (sync-child.ts) that also gives its peak resident memory;
 * - one changed case synced (saved with `saveCase`, then `syncNow`), median of several, each a
 *   different case (target ≤ 1 s); the first sync after unlocking also reads this computer's
 *   copy of the server back from disk, and is shown apart. Timing starts once the background
 *   check of the case files that follows an unlock has finished;
 * - a second casebook joining the team, which fetches everything and writes every case;
 * - deactivating a login on the first, which changes the key, re-encrypts everything and sends
 *   it all again, and the second taking the key by itself at its next sync (re-encrypting its
 *   own copy and fetching everything under the new key).
 * BENCH_SYNC_CASES sets the size (1,000 for a quick try).
 */
export const SYNC_CASES = Number(process.env.BENCH_SYNC_CASES ?? 10_000);
export const FIRST_SYNC_TARGET_MS = 60_000;
export const ONE_CHANGE_TARGET_MS = 1_000;
const DB = 'bench-team';

type FirstSync = { ms: number; cpuMs: number; pushed: number; pulled: number; problems: number; gcExposed: boolean; rssBeforeMiB: number; peakRssMiB: number; peakFrom: string };

export interface SyncBench {
  cases: number;
  server: string;
  firstSync: { ms: number; cpuMs: number; serverCpuMs: number | undefined; pushed: number; serverDocuments: number; targetMs: number; targetMet: boolean };
  firstSyncMemory: { process: string; rssBeforeMiB: number; peakRssMiB: number; peakFrom: string };
  oneChange: { ms: number; runsMs: number[]; cpuMs: number; serverCpuMs: number | undefined; pushed: number[]; firstAfterUnlockMs: number; listEveryDocumentMs: number; targetMs: number; targetMet: boolean };
  join: { ms: number; casesAfter: number; complete: boolean };
  deactivation: { ms: number; takenOnOtherComputerMs: number; casesAfter: number; complete: boolean };
  /** This computer's copy of the server on disk (sync-mirror.ts), after the first sync and after the changed cases' syncs. */
  mirrorLogKiB: { afterFirstSync: number; afterChanges: number; perChangeSync: number };
  machine: { cpus: number; loadAverageAtStart: number[]; loadAverageAtEnd: number[] };
  buildSeconds: number;
  peakMemoryMiB: number;
}

const load = () => loadavg().map((x) => round(x));
const kib = async (path: string) => Math.round((await stat(path)).size / 1024);

export async function benchSync(runs: number): Promise<SyncBench> {
  const loadAtStart = load();
  const server = await startServerProcess();
  const joinDir = await mkdtemp(join(tmpdir(), 'casebook-bench-join-'));
  const t0 = performance.now();
  const built = await buildStore(SYNC_CASES);
  const buildMs = performance.now() - t0;
  // The child opens the store itself, as the app would after a restart.
  await built.service.close();
  const remote = `${server.url}/${DB}`;
  try {
    const serverCpu0 = await server.cpuMs();
    const first = await firstSyncInItsOwnProcess(built.dir, built.userId, remote);
    const serverCpu1 = await server.cpuMs();
    const serverDocuments = ((await (await fetch(remote)).json()) as { doc_count: number }).doc_count;
    const logAfterFirst = await kib(join(built.dir, MIRROR_LOG));
    const oneChange = await changedCases(built.dir, built.userId, built.cases.map((c) => c.id), runs, server.cpuMs);
    // Each sync first asks the server for every document's revision (server-check.ts, to notice a
    // document dropped or rolled back): that one read, alone, grows with the casebook.
    const logAfterChanges = await kib(join(built.dir, MIRROR_LOG));
    const listEveryDocumentMs = await median(runs, async () => (await fetch(`${remote}/_all_docs`)).json());
    const joined = await joinFrom(joinDir, remote);
    const deactivation = await deactivateThenTake(built.dir, built.userId, joinDir);
    return {
      cases: SYNC_CASES,
      server: 'npm run sync-server (in memory) in a process of its own',
      firstSync: { ms: round(first.ms), cpuMs: round(first.cpuMs), serverCpuMs: serverCpu0 === undefined || serverCpu1 === undefined ? undefined : serverCpu1 - serverCpu0, pushed: first.pushed, serverDocuments, targetMs: FIRST_SYNC_TARGET_MS, targetMet: first.ms <= FIRST_SYNC_TARGET_MS },
      firstSyncMemory: { process: `its own (sync-child.ts, ${first.runner}${first.gcExposed ? ', after GC' : ''})`, rssBeforeMiB: first.rssBeforeMiB, peakRssMiB: first.peakRssMiB, peakFrom: first.peakFrom },
      oneChange: { ...oneChange, listEveryDocumentMs: round(listEveryDocumentMs), targetMs: ONE_CHANGE_TARGET_MS, targetMet: oneChange.ms <= ONE_CHANGE_TARGET_MS },
      join: { ms: round(joined.ms), casesAfter: joined.cases, complete: joined.cases === SYNC_CASES },
      deactivation: { ms: round(deactivation.ms), takenOnOtherComputerMs: round(deactivation.takenMs), casesAfter: deactivation.cases, complete: deactivation.cases === SYNC_CASES && deactivation.took },
      mirrorLogKiB: { afterFirstSync: logAfterFirst, afterChanges: logAfterChanges, perChangeSync: Math.round((logAfterChanges - logAfterFirst) / (runs + 1)) },
      machine: { cpus: cpus().length, loadAverageAtStart: loadAtStart, loadAverageAtEnd: load() },
      buildSeconds: round(buildMs / 1000),
      peakMemoryMiB: peakMemoryMiB(),
    };
  } finally {
    await server.stop();
    await rm(built.dir, { recursive: true, force: true });
    await rm(joinDir, { recursive: true, force: true });
  }
}

async function firstSyncInItsOwnProcess(dir: string, userId: string, remote: string): Promise<FirstSync & { runner: string }> {
  const cmd = await childCommand(new URL('./sync-child.ts', import.meta.url));
  try {
    const out = await runChild('sync child', ['--expose-gc', ...cmd.args, dir, userId, remote], { CASEBOOK_BENCH_PASSPHRASE: BENCH_PASS });
    return { ...(JSON.parse(out.trim().split('\n').at(-1)!) as FirstSync), runner: cmd.runner };
  } finally {
    await cmd.cleanup();
  }
}

/** A different case changed and synced each time; only the sync is timed. */
async function changedCases(dir: string, userId: string, ids: string[], runs: number, serverCpuMs: () => Promise<number | undefined>) {
  const service = await createCasebookService({ storeDir: dir, kdf: 'minimum' });
  try {
    await service.unlock(userId, BENCH_PASS);
    // The background check of every case file after unlocking (case-check.ts) is not the sync's.
    await service.casesChecked();
    let next = 0;
    const changeOne = async () => {
      const id = ids[Math.floor(((next++ + 0.5) * ids.length) / (runs + 1))]!;
      const c = await service.getCase(id);
      await service.saveCase({ ...c, notes: `${c.notes ?? ''} Changed for the sync bench.`.trim() });
      const server0 = await serverCpuMs();
      const cpu0 = process.cpuUsage();
      const t = performance.now();
      const r = await service.sync.syncNow();
      const ms = performance.now() - t;
      const cpu = process.cpuUsage(cpu0);
      const server1 = await serverCpuMs();
      return { ms, cpuMs: (cpu.user + cpu.system) / 1000, serverCpuMs: server0 === undefined || server1 === undefined ? undefined : server1 - server0, pushed: r.pushed };
    };
    const firstAfterUnlock = await changeOne();
    const timed = [];
    for (let i = 0; i < runs; i++) timed.push(await changeOne());
    const runsMs = timed.map((r) => round(r.ms));
    const servers = timed.map((r) => r.serverCpuMs).filter((x): x is number => x !== undefined);
    return { ms: round(medianOf(runsMs)), runsMs, cpuMs: round(medianOf(timed.map((r) => r.cpuMs))), serverCpuMs: servers.length === timed.length ? round(medianOf(servers)) : undefined, pushed: timed.map((r) => r.pushed), firstAfterUnlockMs: round(firstAfterUnlock.ms) };
  } finally {
    await service.close();
  }
}

/** A second casebook joins the team: the keyring fetched and unlocked, then every case pulled and written. */
async function joinFrom(dir: string, remote: string) {
  const service = await createCasebookService({ storeDir: dir, kdf: 'minimum' });
  try {
    const t = performance.now();
    await service.sync.join({ remote, userName: 'Bench Admin', passphrase: BENCH_PASS });
    return { ms: performance.now() - t, cases: service.listCases({}).length };
  } finally {
    await service.close();
  }
}

/** A login deactivated on the first casebook (the key changes), then the joined one syncs and takes the key by itself. */
async function deactivateThenTake(dir: string, userId: string, joinedDir: string) {
  const a = await createCasebookService({ storeDir: dir, kdf: 'minimum' });
  let ms: number;
  try {
    await a.unlock(userId, BENCH_PASS);
    await a.casesChecked();
    const leaver = await a.addUser({ name: 'Bench Leaver', role: 'facilitator', passphrase: BENCH_PASS });
    await a.sync.syncNow();
    const t = performance.now();
    await a.deactivateUser(leaver.id);
    ms = performance.now() - t;
  } finally {
    await a.close();
  }
  const b = await createCasebookService({ storeDir: joinedDir, kdf: 'minimum' });
  try {
    await b.unlock('Bench Admin', BENCH_PASS);
    await b.casesChecked();
    const t = performance.now();
    await b.sync.syncNow();
    const takenMs = performance.now() - t;
    return { ms, takenMs, cases: b.listCases({}).length, took: !(await b.sync.status()).keyChanged };
  } finally {
    await b.close();
  }
}

export function describeSyncBench(b: SyncBench): string {
  const ok = (x: boolean) => (x ? 'target met' : 'TARGET MISSED');
  const n = b.cases.toLocaleString('en-GB');
  return [
    `Team use (${n} cases, server: ${b.server}; ${b.machine.cpus} CPUs, load ${b.machine.loadAverageAtStart.join(' ')} at start, ${b.machine.loadAverageAtEnd.join(' ')} at end):`,
    `  first sync (team use turned on): ${b.firstSync.ms} ms (CPU: app ${b.firstSync.cpuMs} ms, server ${b.firstSync.serverCpuMs ?? '?'} ms), ${b.firstSync.pushed} documents sent, ${b.firstSync.serverDocuments} on the server (target ≤ ${b.firstSync.targetMs} ms, ${ok(b.firstSync.targetMet)})`,
    `  memory of the first sync, process ${b.firstSyncMemory.process}: RSS ${b.firstSyncMemory.rssBeforeMiB} MiB unlocked, peak ${b.firstSyncMemory.peakRssMiB} MiB (${b.firstSyncMemory.peakFrom})`,
    `  one changed case synced: ${b.oneChange.ms} ms median of ${b.oneChange.runsMs.length} (${b.oneChange.runsMs.join(', ')} ms; CPU median: app ${b.oneChange.cpuMs} ms, server ${b.oneChange.serverCpuMs ?? '?'} ms; documents sent ${b.oneChange.pushed.join(', ')}); first after unlocking ${b.oneChange.firstAfterUnlockMs} ms; the server's list of every document, read alone, ${b.oneChange.listEveryDocumentMs} ms (target ≤ ${b.oneChange.targetMs} ms for the median, ${ok(b.oneChange.targetMet)})`,
    `  this computer's copy of the server on disk: ${b.mirrorLogKiB.afterFirstSync} KiB after the first sync, ${b.mirrorLogKiB.afterChanges} KiB after the changed cases' syncs (${b.mirrorLogKiB.perChangeSync} KiB more per sync)`,
    `  joining from a second casebook: ${b.join.ms} ms, ${b.join.casesAfter} cases there afterwards${b.join.complete ? '' : ' — INCOMPLETE'}`,
    `  deactivating a login (the key changed, everything re-encrypted and sent again): ${b.deactivation.ms} ms; the second casebook taking the key at its next sync: ${b.deactivation.takenOnOtherComputerMs} ms, ${b.deactivation.casesAfter} cases there afterwards${b.deactivation.complete ? '' : ' — INCOMPLETE'}`,
  ].join('\n');
}
