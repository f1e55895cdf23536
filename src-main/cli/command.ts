import type { ErrorCode } from '../domain/shared/errors';
import type { Role } from '../domain/access/roles';
import type { Session } from '../ipc/contract';
import type { CasebookApi } from '../services/casebook/api';

/**
 * The shapes shared by the dispatcher and the commands. Everything the CLI touches in the
 * outside world comes through CliIo and CliDeps, so tests can run commands in-process with
 * fake streams and a fake service.
 */
export interface OutStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export interface InStream {
  isTTY?: boolean;
  isRaw?: boolean;
  setRawMode?(raw: boolean): unknown;
  setEncoding?(encoding: BufferEncoding): unknown;
  on(event: 'data', listener: (chunk: string | Buffer) => void): unknown;
  removeListener(event: 'data', listener: (chunk: string | Buffer) => void): unknown;
  resume(): unknown;
  pause(): unknown;
}

export interface CliIo {
  stdout: OutStream;
  stderr: OutStream;
  stdin: InStream;
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  homedir: string;
  cwd: string;
  now(): Date;
}

export interface CliDeps {
  openService(storeDir: string): Promise<CasebookApi>;
}

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** Shown in help, e.g. FILE. */
  value?: string;
  description: string;
  /** Shown without brackets in the usage line; the command still checks it (requireOption). */
  required?: boolean;
}

export interface GlobalOptions {
  store: string;
  user?: string;
  json: boolean;
}

export type OptionValues = Record<string, string | boolean | undefined>;

export interface CommandContext {
  io: CliIo;
  global: GlobalOptions;
  options: OptionValues;
  /** Arguments after the command words, e.g. the reference in `case show RJ-2026-0001`. */
  args: string[];
  /** A path typed by the user, made absolute against the working folder. */
  resolvePath(p: string): string;
  /** The service for the store, opened once; the dispatcher closes it. */
  service(): Promise<CasebookApi>;
  /** Open the store and unlock it as --user with the passphrase from the environment or the terminal. */
  unlock(o: { writes: boolean; roles?: readonly Role[]; doing: string }): Promise<{ service: CasebookApi; session: Session }>;
  passphrase(o: { confirm: boolean }): Promise<string>;
  /** A progress line on stderr, only when stderr is a terminal (it would clutter logs otherwise). */
  progress(line: string): void;
  /** Advice printed on stderr in every mode: stdout stays clean for --json. */
  warn(line: string): void;
}

export type CommandOutput =
  | { ok: true; value: unknown; text: string }
  /** A command that ran but found a problem (verify): reported like an error, with details. */
  | { ok: false; code: ErrorCode; message: string; details: Record<string, unknown>; text: string };

export interface CommandDef {
  /** The words that select it: ['cases', 'list']. */
  words: readonly string[];
  summary: string;
  /** Arguments in the usage line, e.g. 'REF'. */
  args?: { name: string; description: string }[];
  options: Record<string, OptionSpec>;
  /** Extra paragraphs for `--help`. */
  help?: string;
  run(ctx: CommandContext): Promise<CommandOutput>;
}

export const ok = (value: unknown, text: string): CommandOutput => ({ ok: true, value, text });
