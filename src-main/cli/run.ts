import { resolve } from 'node:path';
import { CasebookError, exitCodeFor } from '../domain/shared/errors';
import { toSafeError } from '../ipc/safe-error';
import { createRegistry, type HandlerRegistry } from '../ipc/registry';
import type { CommandName, InputOf, OutputOf } from '../ipc/contract';
import { parseCommandLine, type ParsedLine } from './args';
import type { CliDeps, CliIo, CommandContext, GlobalOptions, OptionValues } from './command';
import { COMMANDS } from './commands/index';
import { commandHelp, generalHelp } from './help';
import { printable, writeJson } from './output';
import { CliCancelled, readNewPassphraseFor, readPassphrase, refuseSecretArguments } from './passphrase';
import { defaultStoreDir } from './store-dir';
import { CliFiles } from './file-ports';
import { unlockAs } from './session';

/** Shell convention for "stopped by Ctrl-C". */
export const EXIT_CANCELLED = 130;
/** In text mode, list this many problems and point to --json for the rest. */
const MAX_ISSUES_SHOWN = 200;

function resolveGlobals(values: OptionValues, io: CliIo): GlobalOptions {
  const store = typeof values.store === 'string' ? values.store : defaultStoreDir(io.env, io.platform, io.homedir);
  if (store.trim() === '') throw new CasebookError('USAGE', '--store needs a folder name.');
  const user = typeof values.user === 'string' ? values.user : io.env.CASEBOOK_USER;
  return { store: resolve(io.cwd, store), ...(user?.trim() ? { user: user.trim() } : {}), json: values.json === true };
}

function showHelp(line: Extract<ParsedLine, { kind: 'help' }>, io: CliIo, json: boolean): number {
  let text = generalHelp(COMMANDS);
  if (line.topic.length > 0) {
    const def = COMMANDS.find((c) => c.words.join(' ') === line.topic.join(' ')) ?? COMMANDS.find((c) => c.words[0] === line.topic[0]);
    if (!def) throw new CasebookError('USAGE', `There is no command "${line.topic.join(' ')}". Run "casebook --help" to list them.`);
    text = commandHelp(def);
  }
  if (json) writeJson(io, { ok: line.explicit, ...(line.explicit ? { value: { help: text } } : { error: { code: 'USAGE', message: 'Give a command.' } }) });
  // Asked-for help goes to stdout; help shown because no command was given is an error.
  else (line.explicit ? io.stdout : io.stderr).write(text + '\n');
  return line.explicit ? 0 : exitCodeFor('USAGE');
}

function reportError(e: unknown, io: CliIo, json: boolean): number {
  let code: string;
  let message: string;
  let details: Record<string, unknown> | undefined;
  let exit: number;
  if (e instanceof CliCancelled) {
    [code, message, exit] = ['CANCELLED', e.message, EXIT_CANCELLED];
  } else if (e instanceof CasebookError) {
    const safe = toSafeError(e);
    [code, message, exit] = [safe.code, safe.message, exitCodeFor(e.code)];
    details = safe.details as Record<string, unknown> | undefined;
  } else {
    // Anything else may carry a path, a value or a stack: say something generic unless debugging.
    const safe = toSafeError(e);
    [code, message, exit] = [safe.code, safe.message, exitCodeFor(safe.code)];
    if (io.env.CASEBOOK_DEBUG === '1') io.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  }
  if (json) {
    writeJson(io, { ok: false, error: { code, message, ...(details ? { details } : {}) } });
    return exit;
  }
  const lines = [`casebook: ${printable(message)}`];
  const issues = (details?.issues ?? []) as { path: string; message: string }[];
  for (const i of issues.slice(0, MAX_ISSUES_SHOWN)) lines.push(`  ${printable(i.path)}: ${printable(i.message)}`);
  if (issues.length > MAX_ISSUES_SHOWN) lines.push(`  … and ${issues.length - MAX_ISSUES_SHOWN} more; add --json to see them all.`);
  io.stderr.write(lines.join('\n') + '\n');
  return exit;
}

/** Run one command line and return the exit code. Never throws. */
export async function runCli(argv: string[], io: CliIo, deps: CliDeps): Promise<number> {
  // Decided before parsing, so that even a usage error comes out as JSON when --json was asked for.
  const json = argv.includes('--json');
  let opened: Promise<HandlerRegistry> | undefined;
  let progressShown = false;
  const files = new CliFiles();
  const closeService = async () => {
    const r = opened;
    opened = undefined;
    if (r) await (await r).service.close();
  };
  try {
    refuseSecretArguments(argv);
    const line = parseCommandLine(argv, COMMANDS);
    if (line.kind === 'help') return showHelp(line, io, json);
    const global = resolveGlobals(line.globals, io);
    const registry = () => (opened ??= deps.openService(global.store, files).then(createRegistry));
    const ctx: CommandContext = {
      io,
      global,
      options: line.options,
      args: line.args,
      resolvePath: (p) => resolve(io.cwd, p),
      async call<N extends CommandName>(name: N, input: InputOf<N>, progress?: (done: number, total: number) => void): Promise<OutputOf<N>> {
        const r = await (await registry()).invoke(name, input, progress ? { progress } : {});
        if (!r.ok) throw new CasebookError(r.error.code, r.error.message, r.error.details ?? {});
        return r.value as OutputOf<N>;
      },
      passphrase: (o) => readPassphrase(io, o),
      newPassphraseFor: (name) => readNewPassphraseFor(io, name),
      unlock: (o) => unlockAs(ctx, () => readPassphrase(io, { confirm: false }), o),
      saveTo: (abs, shown, o) => files.saveTo(abs, shown, o),
      readFrom: (abs, shown) => files.readFrom(abs, shown),
      written: () => files.written,
      progress: (text) => {
        if (!io.stderr.isTTY) return;
        io.stderr.write(`\r${text}\u001b[K`);
        progressShown = true;
      },
      warn: (text) => {
        if (progressShown) io.stderr.write('\n');
        progressShown = false;
        io.stderr.write(text + '\n');
      },
    };
    const out = await line.def.run(ctx);
    if (progressShown) io.stderr.write('\n');
    // Close before reporting success: closing may flush, and a failure there must not look like success.
    await closeService();
    if (out.ok) {
      if (json) writeJson(io, { ok: true, value: out.value });
      else io.stdout.write(out.text + '\n');
      return 0;
    }
    if (json) writeJson(io, { ok: false, error: { code: out.code, message: out.message, details: out.details } });
    else io.stdout.write(out.text + '\n');
    return exitCodeFor(out.code);
  } catch (e) {
    if (progressShown) io.stderr.write('\n');
    return reportError(e, io, json);
  } finally {
    await closeService().catch(() => undefined);
  }
}
