import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Resident memory of the main process with a casebook unlocked (issue: flat saves), measured in
 * a process of its own (rss-child.ts) so the figure is the app's, not the bench harness's with
 * its several stores. Target: at most 300 MB after the case list, the dashboard, the figures
 * for a year and the calendar.
 *
 * The child is bundled with esbuild into one file run by plain node, as the Electron main
 * process runs one bundle: under tsx the loader's own thread and caches would be counted too.
 * If esbuild cannot be loaded the child runs under tsx, and the result says so.
 */
export const RSS_TARGET_MB = 300;

type Usage = { rssMiB: number; heapUsedMiB: number; heapTotalMiB: number; externalMiB: number; arrayBuffersMiB: number };
type Period = { from: string; to: string };

/** A bench child process's command: `entry` bundled into one file for plain node, or under tsx (the sync bench's first sync uses it too). */
export async function childCommand(entryUrl: URL): Promise<{ args: string[]; runner: 'bundle' | 'tsx'; cleanup: () => Promise<void> }> {
  const entry = fileURLToPath(entryUrl);
  try {
    const esbuild = await import('esbuild');
    // Beside this file, so the bundle's imports of packages resolve to the project's node_modules.
    const out = await mkdtemp(join(fileURLToPath(new URL('.', import.meta.url)), '.rss-'));
    const outfile = join(out, 'child.mjs');
    // import.meta.url is set to app-root.ts's source URL, the one module that finds
    // templates/ and resources/ relative to itself.
    const appRoot = fileURLToPath(new URL('../src-main/services/app-root.ts', import.meta.url));
    await esbuild.build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'error', packages: 'external', define: { 'import.meta.url': JSON.stringify(pathToFileURL(appRoot).href) } });
    return { args: [outfile], runner: 'bundle', cleanup: () => rm(out, { recursive: true, force: true }) };
  } catch {
    return { args: ['--import', 'tsx', entry], runner: 'tsx', cleanup: async () => undefined };
  }
}

/** Runs a child under this node with `args`, resolving with its stdout once it exits cleanly. */
export function runChild(what: string, args: string[], env: Record<string, string>): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${what} exited with ${code}: ${err.slice(0, 2000)}`))));
  });
}

export async function benchMainProcessMemory(o: { cases: number; dir: string; userId: string; passphrase: string; figures: Period; calendar: Period }) {
  const cmd = await childCommand(new URL('./rss-child.ts', import.meta.url));
  try {
    const output = await runChild('rss child', ['--expose-gc', ...cmd.args, o.dir, o.userId, JSON.stringify({ figures: o.figures, calendar: o.calendar })], { CASEBOOK_BENCH_PASSPHRASE: o.passphrase });
    const r = JSON.parse(output.trim().split('\n').at(-1)!) as { gcExposed: boolean; started: Usage; unlocked: Usage; after: Usage };
    return { cases: o.cases, runner: cmd.runner, ...r, rssMB: Math.round(r.after.rssMiB * 1.048576), targetMB: RSS_TARGET_MB, targetMet: r.after.rssMiB * 1.048576 <= RSS_TARGET_MB };
  } finally {
    await cmd.cleanup();
  }
}

export type MemoryBench = Awaited<ReturnType<typeof benchMainProcessMemory>>;

export function describeMemoryBench(r: MemoryBench): string {
  const u = (x: Usage) => `RSS ${x.rssMiB} MiB, heap ${x.heapUsedMiB} MiB`;
  return `main process memory at ${r.cases} cases (own process, ${r.runner}${r.gcExposed ? ', after GC' : ''}): started ${u(r.started)} | unlocked ${u(r.unlocked)} | after list, dashboard, figures, calendar ${u(r.after)} = ${r.rssMB} MB, target ≤ ${r.targetMB} MB ${r.targetMet ? 'met' : 'NOT met'}`;
}
