import { EventEmitter } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo, InStream } from '../../../src-main/cli/command';
import { runCli } from '../../../src-main/cli/run';
import { createCasebookService } from '../../../src-main/services/casebook/service';
import { FakeWorld } from './fake-service';

/**
 * A fake terminal for stdin: each time the reader resumes it delivers the next queued chunk,
 * the way a person types a line after seeing a prompt. It records raw-mode changes.
 */
export class FakeTty extends EventEmitter implements InStream {
  isTTY = true;
  isRaw = false;
  readonly rawModes: boolean[] = [];
  constructor(private readonly chunks: string[]) {
    super();
  }
  setRawMode(raw: boolean) {
    this.isRaw = raw;
    this.rawModes.push(raw);
    return this;
  }
  setEncoding() {
    return this;
  }
  resume() {
    const next = this.chunks.shift();
    if (next !== undefined) setImmediate(() => this.emit('data', next));
    return this;
  }
  pause() {
    return this;
  }
}

export class Sink {
  text = '';
  constructor(public isTTY = false) {}
  write(s: string) {
    this.text += s;
    return true;
  }
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as the single JSON document --json promises. */
  json(): { ok: boolean; value?: unknown; error?: { code: string; message: string; details?: Record<string, unknown> } };
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  stdin?: InStream;
  stderrTTY?: boolean;
  cwd?: string;
  now?: Date;
}

export async function runWith(world: FakeWorld, argv: string[], o: RunOptions = {}): Promise<CliRun> {
  const stdout = new Sink();
  const stderr = new Sink(o.stderrTTY ?? false);
  const stdin: InStream = o.stdin ?? Object.assign(new FakeTty([]), { isTTY: false });
  const io: CliIo = {
    stdout,
    stderr,
    stdin,
    env: o.env ?? {},
    platform: 'linux',
    homedir: '/home/nobody-here',
    cwd: o.cwd ?? process.cwd(),
    now: () => o.now ?? new Date('2026-03-01T12:00:00Z'),
  };
  const code = await runCli(argv, io, { openService: world.open });
  return { code, stdout: stdout.text, stderr: stderr.text, json: () => JSON.parse(stdout.text) };
}

export async function tempDir(prefix = 'casebook-cli-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * The CLI in-process over the real encrypted service (for what the fake one does not do: keys,
 * backups that are damaged), as the administrator whose passphrase is `passphrase`.
 */
export async function runReal(store: string, argv: string[], stdin: InStream = Object.assign(new FakeTty([]), { isTTY: false }), passphrase = 'correct horse battery staple') {
  const stdout = new Sink();
  const stderr = new Sink();
  const io: CliIo = { stdout, stderr, stdin, env: { CASEBOOK_STORE: store, CASEBOOK_PASSPHRASE: passphrase }, platform: 'linux', homedir: '/home/nobody-here', cwd: process.cwd(), now: () => new Date() };
  const code = await runCli(argv, io, { openService: (storeDir, files) => createCasebookService({ storeDir, kdf: 'minimum', ...files }) });
  return { code, stdout: stdout.text, stderr: stderr.text };
}
