import { CasebookError } from '../domain/shared/errors';
import { parseUkDate } from '../domain/time/uk-date';
import type { CommandDef, OptionValues } from './command';
import { printable } from './output';

/**
 * A date option of the staff commands, typed the UK way (31/01/2026) or as ISO (2026-01-31),
 * as quality leads copy them from their spreadsheets; undefined when the option is not given.
 */
export function dayOption(def: CommandDef, options: OptionValues, name: string): string | undefined {
  const raw = options[name];
  if (typeof raw !== 'string') return undefined;
  const day = parseUkDate(raw);
  if (!day) throw new CasebookError('USAGE', `--${name} must be a real date written 31/01/2026 or 2026-01-31, not "${printable(raw).slice(0, 40)}". Run "casebook ${def.words.join(' ')} --help".`);
  return day;
}
