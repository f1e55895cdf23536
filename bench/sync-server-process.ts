import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/**
 * The project's local sync server (`npm run sync-server`, in memory) in a process of its own for
 * the sync bench: a real CouchDB is a process apart from the app, so the server's work runs
 * beside the app's rather than on its thread, and the documents it holds are not counted in the
 * app's memory.
 */
export interface ServerProcess {
  /** 'http://127.0.0.1:PORT', no trailing slash. */
  url: string;
  /** CPU time the server has used so far (user + system, from /proc), or undefined where there is no /proc. */
  cpuMs(): Promise<number | undefined>;
  stop(): Promise<void>;
}

const STARTED = /at (http:\/\/127\.0\.0\.1:\d+)/;

export async function startServerProcess(): Promise<ServerProcess> {
  const main = fileURLToPath(new URL('../tests/support/sync-server/main.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', main, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = STARTED.exec(out);
      if (m) resolve(m[1]!);
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the sync server exited with ${code} before it started: ${err.slice(0, 2000)}`)));
  });
  return {
    url,
    cpuMs: () => cpuMsOf(child.pid),
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Clock ticks per second of /proc/PID/stat's times: 100 on every Linux this runs on (USER_HZ). */
const TICKS_PER_SECOND = 100;

async function cpuMsOf(pid: number | undefined): Promise<number | undefined> {
  const stat = pid === undefined ? '' : await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  // The fields after the command name (in parentheses, which may hold spaces): utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return Number.isFinite(ticks) ? (ticks * 1000) / TICKS_PER_SECOND : undefined;
}
