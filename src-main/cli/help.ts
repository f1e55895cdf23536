import { GLOBAL_OPTIONS } from './args';
import type { CommandDef, OptionSpec } from './command';

const optionLines = (opts: Record<string, OptionSpec>) =>
  Object.entries(opts).map(([name, o]) => {
    const left = `${o.short ? `-${o.short}, ` : ''}--${name}${o.value ? ` ${o.value}` : ''}`;
    return `  ${left.padEnd(22)}${o.description}`;
  });

export function usageLine(def: CommandDef): string {
  const opts = Object.entries(def.options).map(([name, o]) => {
    const text = o.type === 'string' ? `--${name} ${o.value ?? 'VALUE'}` : `--${name}`;
    return o.required ? text : `[${text}]`;
  });
  return ['casebook', ...def.words, ...(def.args ?? []).map((a) => a.name), ...opts].join(' ');
}

export function commandHelp(def: CommandDef): string {
  return [
    `Usage: ${usageLine(def)}`,
    '',
    def.summary + '.',
    ...(def.help ? ['', def.help] : []),
    ...(def.args?.length ? ['', 'Arguments:', ...def.args.map((a) => `  ${a.name.padEnd(22)}${a.description}`)] : []),
    ...(Object.keys(def.options).length ? ['', 'Options:', ...optionLines(def.options)] : []),
    '',
    'Global options:',
    ...optionLines(GLOBAL_OPTIONS),
  ].join('\n');
}

export function generalHelp(commands: readonly CommandDef[]): string {
  return [
    'Usage: casebook COMMAND [options]',
    '',
    'RJ Casebook from the command line: set up, check, back up, import and export an encrypted casebook;',
    'list meetings, write them to a calendar file, and report figures.',
    '',
    'Commands:',
    ...commands.map((c) => `  ${[...c.words, ...(c.args ?? []).map((a) => a.name)].join(' ').padEnd(22)}${c.summary}`),
    '',
    'Global options:',
    ...optionLines(GLOBAL_OPTIONS),
    '',
    'The passphrase comes from CASEBOOK_PASSPHRASE, or you are asked for it; it is never an argument.',
    'Run "casebook COMMAND --help" for a command\'s options. Exit codes are listed in docs/cli.md.',
  ].join('\n');
}
