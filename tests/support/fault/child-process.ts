import { pathToFileURL } from 'node:url';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Starting tsx for every one of hundreds of children costs about half a second each, so the
 * writer is bundled once with esbuild (a dependency of tsx and vite) into one CommonJS file that
 * plain node starts in a few tens of milliseconds. If esbuild cannot be loaded, tsx is used.
 */
export async function prepareWriter(): Promise<{ command: string; args: string[]; cleanup: () => Promise<void> }> {
  const entry = fileURLToPath(new URL('./writer-child.ts', import.meta.url));
  try {
    const esbuild = await import('esbuild');
    const out = await mkdtemp(join(tmpdir(), 'casebook-writer-'));
    const outfile = join(out, 'writer-child.cjs');
    // import.meta.url is set to app-root.ts's own source URL, the one module that finds
    // templates/ and resources/ relative to itself, so it still does from the bundle in a temp
    // folder (this file's URL is one folder deeper than app-root expects).
    const appRoot = fileURLToPath(new URL('../../../src-main/services/app-root.ts', import.meta.url));
    await esbuild.build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'error', define: { 'import.meta.url': JSON.stringify(pathToFileURL(appRoot).href) } });
    return { command: process.execPath, args: [outfile], cleanup: () => rm(out, { recursive: true, force: true }) };
  } catch {
    return { command: process.execPath, args: ['--import', 'tsx', entry], cleanup: async () => undefined };
  }
}

/** One child with its stdout split into lines and promises for what the test waits on. */
export class Child {
  readonly proc: ChildProcess;
  readonly lines: string[] = [];
  readonly closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr = '';
  private waiters: (() => void)[] = [];
  private done = false;

  constructor(command: string, args: string[], env: NodeJS.ProcessEnv) {
    this.proc = spawn(command, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let buf = '';
    this.proc.stdout!.setEncoding('utf8');
    this.proc.stdout!.on('data', (d: string) => {
      buf += d;
      let i: number;
      while ((i = buf.indexOf('\n')) >= 0) {
        this.lines.push(buf.slice(0, i));
        buf = buf.slice(i + 1);
      }
      this.wake();
    });
    this.proc.stderr!.setEncoding('utf8');
    this.proc.stderr!.on('data', (d: string) => {
      if (this.stderr.length < 10_000) this.stderr += d;
    });
    this.proc.stdin!.on('error', () => undefined);
    this.closed = new Promise((res) => {
      this.proc.on('close', (code, signal) => {
        if (buf) this.lines.push(buf);
        this.done = true;
        this.wake();
        res({ code, signal });
      });
    });
  }

  private wake() {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  /** Resolve when a line matches (true), or when the child has ended without one (false). */
  async waitFor(pred: (lines: string[]) => boolean, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!pred(this.lines)) {
      if (this.done) return false;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for the child; output so far:\n${this.lines.join('\n')}\n${this.stderr}`);
      await new Promise<void>((r) => {
        const t = setTimeout(r, left);
        this.waiters.push(() => {
          clearTimeout(t);
          r();
        });
      });
    }
    return true;
  }

  send(line: string): void {
    this.proc.stdin!.write(`${line}\n`);
  }

  async kill(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (!this.done) this.proc.kill('SIGKILL');
    return this.closed;
  }
}
