import { PARTICIPANT_ROLE_LABELS } from '../../domain/cases/participant-role';
import { CasebookError } from '../../domain/shared/errors';
import { isCalendarDate } from '../../domain/time/dates';
import { ok, type CommandDef } from '../command';
import { plural, printable } from '../output';

/**
 * A person across every case (a subject access request, a correction of their details): each
 * case they are in, with their part in it. Administrators and coordinators only; the search is
 * recorded in the audit trail by what was asked, never the name.
 */
export const personFind: CommandDef = {
  words: ['person', 'find'],
  summary: 'Find a person in every case, closed ones included, by name and date of birth',
  args: [{ name: 'NAME', description: 'the name as you know it (capitals and accents do not matter, nor the order; a preferred name works too)' }],
  options: { dob: { type: 'string', value: 'DATE', description: 'Only people born on this day (YYYY-MM-DD)' } },
  async run(ctx) {
    const name = (ctx.args[0] as string).trim();
    const dob = typeof ctx.options.dob === 'string' ? ctx.options.dob : undefined;
    if (dob !== undefined && !isCalendarDate(dob)) throw new CasebookError('USAGE', '--dob is a date like 1980-05-01');
    await ctx.unlock({ writes: false, capability: 'find-person', doing: 'find a person across every case' });
    const r = await ctx.call('findPerson', { name, ...(dob ? { dateOfBirth: dob } : {}) });
    const lines = r.found.map((p) => `${p.reference.padEnd(16)}${PARTICIPANT_ROLE_LABELS[p.role].padEnd(22)}${printable(p.name)}${p.preferredName ? ` (known as ${printable(p.preferredName)})` : ''}${p.dateOfBirth ? `, born ${p.dateOfBirth}` : ''}${p.closed ? '  [closed]' : ''}`);
    const head = `${plural(r.found.length, 'match')} in ${plural(r.casesSearched, 'case')} searched.`;
    return ok(r, [head, ...lines].join('\n'));
  },
};
