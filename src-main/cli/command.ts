import type { Capability } from '../domain/access/capabilities';
import type { Session } from '../domain/casebook/session';
import type { ErrorCode } from '../domain/shared/errors';
import type { CommandName, InputOf, OutputOf } from '../ipc/contract';
import type { CasebookService } from '../services/casebook/api';
import type { FilePorts } from '../services/shared/files';

/**
 * The shapes shared by the dispatcher and the commands. Everything the CLI touches in the
 * outside world comes through CliIo and CliDeps, so tests can run commands in-process with
 * fake streams and a fake service.
 */
/** What a command needs of the casebook before it runs. */
export interface UnlockNeeds {
  writes: boolean;
  capability?: Capability;
  /** In words that finish "you cannot …". */
  doing: string;
  /** Restoring or accepting the casebook: allowed when its files do not match the last save. */
  repairs?: boolean;
}

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
  /** The service for a store folder, with the CLI's file ports; every command reaches it through the handler registry. */
  openService(storeDir: string, files: FilePorts): Promise<CasebookService>;
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
  /**
   * Run a contract command through the handler registry (opened once for the store; the
   * dispatcher closes it): its output, or its refusal thrown as a CasebookError.
   */
  call<N extends CommandName>(name: N, input: InputOf<N>, progress?: (done: number, total: number) => void): Promise<OutputOf<N>>;
  /** Unlock the store as --user with the passphrase from the environment or the terminal. */
  unlock(o: UnlockNeeds): Promise<Session>;
  /** The file the next save of the casebook goes to (--out): written new, or replaced with force. */
  saveTo(abs: string, shown: string, o?: { force?: boolean }): void;
  /** The file the casebook reads next (--from). */
  readFrom(abs: string, shown: string): void;
  /** Bytes the last save wrote. */
  written(): number | undefined;
  passphrase(o: { confirm: boolean }): Promise<string>;
  /** A new passphrase for another person, typed twice on the terminal (never from the environment). */
  newPassphraseFor(name: string): Promise<string>;
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
