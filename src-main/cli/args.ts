import { parseArgs } from 'node:util';
import { CasebookError } from '../domain/shared/errors';
import type { CommandDef, OptionSpec, OptionValues } from './command';

/** Options every command accepts, wherever they appear on the line. */
export const GLOBAL_OPTIONS: Record<string, OptionSpec> = {
  store: { type: 'string', value: 'DIR', description: 'The casebook folder (default: the one the app uses; or set CASEBOOK_STORE)' },
  user: { type: 'string', value: 'NAME', description: 'Who you are, as named in the casebook (or set CASEBOOK_USER)' },
  json: { type: 'boolean', description: 'Machine-readable output on stdout, errors included' },
  help: { type: 'boolean', short: 'h', description: 'Show help for the command' },
};

export type ParsedLine =
  | { kind: 'help'; topic: string[]; explicit: boolean; globals: OptionValues }
  | { kind: 'run'; def: CommandDef; options: OptionValues; args: string[]; globals: OptionValues };

type ParseOptions = Record<string, { type: 'string' | 'boolean'; short?: string }>;

function toParseOptions(specs: Record<string, OptionSpec>): ParseOptions {
  const out: ParseOptions = {};
  for (const [name, s] of Object.entries(specs)) out[name] = s.short ? { type: s.type, short: s.short } : { type: s.type };
  return out;
}

/** parseArgs' own messages mention internals ("positional arguments", '--foo=-XYZ'); say it plainly. */
function usageFromParseError(e: unknown, def: CommandDef | undefined): CasebookError {
  const err = e as { code?: string; message?: string };
  const name = /'(-{1,2}[^' ]+)/.exec(err.message ?? '')?.[1] ?? '';
  const cmd = def ? def.words.join(' ') : '';
  const help = `Run "casebook ${cmd ? `${cmd} ` : ''}--help" to see what it accepts.`;
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new CasebookError('USAGE', `Unknown option ${name}${cmd ? ` for "${cmd}"` : ''}. ${help}`);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return new CasebookError('USAGE', /argument missing/.test(err.message ?? '') ? `${name} needs a value. ${help}` : `${name} does not take a value. ${help}`);
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new CasebookError('USAGE', `Too many arguments${cmd ? ` for "${cmd}"` : ''}. ${help}`);
    default:
      return new CasebookError('USAGE', `Could not understand the command line. ${help}`);
  }
}

/** Find the command: the longest run of leading words that names one (`cases list` before `cases`). */
function findCommand(words: string[], commands: readonly CommandDef[]): CommandDef | undefined {
  let best: CommandDef | undefined;
  for (const c of commands) {
    if (c.words.length <= words.length && c.words.every((w, i) => words[i] === w) && (!best || c.words.length > best.words.length)) best = c;
  }
  return best;
}

export function parseCommandLine(argv: string[], commands: readonly CommandDef[]): ParsedLine {
  // First pass, lenient, only to find the command words. It knows every command's options so
  // that in `cases --stage closed list` the value "closed" is not taken for a command word.
  const everyOption = Object.assign({}, ...commands.map((c) => c.options), GLOBAL_OPTIONS) as Record<string, OptionSpec>;
  let loose;
  try {
    loose = parseArgs({ args: argv, options: toParseOptions(everyOption), strict: false, allowPositionals: true });
  } catch (e) {
    throw usageFromParseError(e, undefined);
  }
  const words = loose.positionals;
  const globalsOnly = loose.values as OptionValues;
  if (words.length === 0 || words[0] === 'help') {
    return { kind: 'help', topic: words.slice(1), explicit: words[0] === 'help' || globalsOnly.help === true, globals: globalsOnly };
  }
  const def = findCommand(words, commands);
  if (!def) {
    const known = [...new Set(commands.map((c) => c.words[0]))].join(', ');
    const group = commands.filter((c) => c.words[0] === words[0]);
    const hint = group.length > 0 ? `Did you mean ${group.map((c) => `"${c.words.join(' ')}"`).join(' or ')}?` : `Commands: ${known}.`;
    throw new CasebookError('USAGE', `Unknown command "${words.slice(0, 2).join(' ')}". ${hint} Run "casebook --help" for more.`);
  }
  // Second pass, strict, with the command's own options added.
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: toParseOptions({ ...GLOBAL_OPTIONS, ...def.options }), strict: true, allowPositionals: true });
  } catch (e) {
    throw usageFromParseError(e, def);
  }
  const values = parsed.values as OptionValues;
  if (values.help) return { kind: 'help', topic: [...def.words], explicit: true, globals: values };
  const args = parsed.positionals.slice(def.words.length);
  const expected = def.args ?? [];
  if (args.length > expected.length) {
    const takes = expected.length > 0 ? `it takes only ${expected.map((a) => a.name).join(' ')}` : 'it takes no arguments';
    throw new CasebookError('USAGE', `Too many arguments for "${def.words.join(' ')}": ${takes}. Run "casebook ${def.words.join(' ')} --help".`);
  }
  if (args.length < expected.length) {
    const missing = expected[args.length] as { name: string; description: string };
    throw new CasebookError('USAGE', `"${def.words.join(' ')}" needs ${missing.name}: ${missing.description}. Run "casebook ${def.words.join(' ')} --help".`);
  }
  const options: OptionValues = {};
  for (const k of Object.keys(def.options)) options[k] = values[k];
  const globals: OptionValues = {};
  for (const k of Object.keys(GLOBAL_OPTIONS)) globals[k] = values[k];
  return { kind: 'run', def, options, args, globals };
}

/** A required string option, or a usage error that says exactly what to add. */
export function requireOption(def: CommandDef, options: OptionValues, name: string): string {
  const v = options[name];
  if (typeof v === 'string' && v.trim() !== '') return v;
  const spec = def.options[name];
  throw new CasebookError('USAGE', `"${def.words.join(' ')}" needs --${name} ${spec?.value ?? 'VALUE'}${spec ? `: ${spec.description.replace(/^./, (c) => c.toLowerCase())}` : ''}.`);
}
