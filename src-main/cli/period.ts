import { daysBetween, formatDate, isCalendarDate } from '../domain/time/dates';
import { CasebookError } from '../domain/shared/errors';
import { fold } from '../domain/shared/fold';
import { StaffIdSchema, type StaffMember } from '../domain/staff/staff';
import { requireOption } from './args';
import type { CommandContext, CommandDef, OptionSpec, OptionValues } from './command';
import { printable } from './output';

/**
 * What the commands over a period of the casebook share (meetings list, ics, figures): the
 * two dates, checked before the store is opened so a typing slip costs no passphrase, and the
 * facilitator named by their staff id or their name.
 */
export const PERIOD_OPTIONS: Record<string, OptionSpec> = {
  from: { type: 'string', value: 'DATE', description: 'The first day, as YYYY-MM-DD', required: true },
  to: { type: 'string', value: 'DATE', description: 'The last day, as YYYY-MM-DD (included)', required: true },
};

export const FACILITATOR_OPTION: OptionSpec = {
  type: 'string',
  value: 'NAME',
  description: 'Only meetings this member of staff leads or co-facilitates: their name as on the staff list, or their staff id (s_…)',
};

export interface Period {
  from: string;
  to: string;
}

const seeHelp = (def: CommandDef) => `Run "casebook ${def.words.join(' ')} --help".`;

function dateOption(def: CommandDef, options: OptionValues, name: 'from' | 'to'): string {
  const v = requireOption(def, options, name).trim();
  if (!isCalendarDate(v)) {
    throw new CasebookError('USAGE', `--${name} must be a real date written YYYY-MM-DD, like 2026-04-01, not "${printable(v).slice(0, 40)}". ${seeHelp(def)}`);
  }
  if (v < '1900-01-01') throw new CasebookError('USAGE', `--${name} must be after 1900. ${seeHelp(def)}`);
  return v;
}

/** --from and --to as a period, or a usage error saying which one is wrong and how. */
export function periodOf(def: CommandDef, options: OptionValues, maxDays?: number): Period {
  const from = dateOption(def, options, 'from');
  const to = dateOption(def, options, 'to');
  if (to < from) throw new CasebookError('USAGE', `--to (${to}) is before --from (${from}): swap them. ${seeHelp(def)}`);
  if (maxDays !== undefined && daysBetween(from, to) > maxDays) {
    throw new CasebookError('USAGE', `Choose at most ${maxDays} days at a time with --from and --to. ${seeHelp(def)}`);
  }
  return { from, to };
}

export function describePeriod(p: Period): string {
  return p.from === p.to ? formatDate(p.from) : `${formatDate(p.from)} to ${formatDate(p.to)}`;
}

/**
 * The member of staff --facilitator (or another option naming a person) names: by staff id, by full name (not case- or
 * accent-sensitive), or by the one name that contains what was typed ("Siân" for "Siân
 * Prydderch"). Several matches are listed so the person can choose.
 */
export function findFacilitator(staff: readonly StaffMember[], given: string, option = 'facilitator'): StaffMember {
  const typed = given.trim();
  if (StaffIdSchema.safeParse(typed).success) {
    const byId = staff.find((s) => s.id === typed);
    if (byId) return byId;
    throw new CasebookError('NOT_FOUND', `No one on the staff list has the id ${typed}.`);
  }
  const want = fold(typed);
  if (want === '') throw new CasebookError('USAGE', `--${option} needs a name or a staff id.`);
  const exact = staff.filter((s) => fold(s.name) === want);
  const found = exact.length > 0 ? exact : staff.filter((s) => fold(s.name).includes(want));
  if (found.length === 1) return found[0] as StaffMember;
  if (found.length > 1) {
    const names = found.map((s) => `${printable(s.name)} (${s.id})`).join(', ');
    throw new CasebookError('USAGE', `"${printable(typed)}" matches more than one member of staff: ${names}. Give the full name or the staff id.`);
  }
  throw new CasebookError('NOT_FOUND', `No one on the staff list is called "${printable(typed)}". The staff list is in Settings in the app; give a name from it or a staff id (s_…).`);
}

/** The --facilitator option resolved against the casebook's staff list, if given. */
export async function facilitatorOption(ctx: Pick<CommandContext, 'call'>, options: OptionValues): Promise<StaffMember | undefined> {
  const v = options.facilitator;
  if (typeof v !== 'string') return undefined;
  return findFacilitator((await ctx.call('getCaseworkReference', {})).staff, v);
}
