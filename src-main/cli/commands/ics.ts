import { MAX_CALENDAR_DAYS } from '../../domain/conferences/calendar-query';
import { requireOption } from '../args';
import { ok, type CommandDef } from '../command';
import { mustNotExist } from '../files';
import { formatBytes, oneLine, plural } from '../output';
import { describePeriod, FACILITATOR_OPTION, facilitatorOption, PERIOD_OPTIONS, periodOf } from '../period';

/** Meetings as an iCalendar file, as the app's "Add to calendar" saves them (services/process). */
export const ics: CommandDef = {
  words: ['ics'],
  summary: 'Write the meetings between two dates to an iCalendar (.ics) file for Outlook, Google or Apple calendars',
  options: {
    ...PERIOD_OPTIONS,
    out: { type: 'string', value: 'FILE', description: 'Where to write the .ics file (must not exist yet, unless --force)', required: true },
    facilitator: FACILITATOR_OPTION,
    'first-names': { type: 'boolean', description: 'Put the first names of the people invited in each event title (left out by default)' },
    force: { type: 'boolean', description: 'Replace FILE if it exists' },
  },
  help: [
    'Examples:',
    '  casebook ics --from 2026-04-01 --to 2026-04-30 --out april.ics',
    '  casebook ics --from 2026-04-01 --to 2026-06-30 --facilitator "Siân Prydderch" --out sian.ics --force',
    'Each event is titled with the kind of meeting and the case reference, with times in UTC so every calendar',
    'shows them right. Importing a newer file again updates the events rather than adding copies; postponed',
    'and cancelled meetings are written as cancelled. Calendars are synced to phones and shared, so names are',
    'left out unless you add --first-names. The file is readable only by you (mode 0600).',
    'Administrators, coordinators and facilitators only.',
  ].join('\n'),
  async run(ctx) {
    const period = periodOf(ics, ctx.options, MAX_CALENDAR_DAYS);
    const shown = requireOption(ics, ctx.options, 'out');
    const out = ctx.resolvePath(shown);
    const force = ctx.options.force === true;
    // Refuse before unlocking, so a name that is taken costs no passphrase.
    if (!force) await mustNotExist(out, shown);
    await ctx.unlock({ writes: true, capability: 'export-calendar', doing: 'export meetings to a calendar' });
    const who = await facilitatorOption(ctx, ctx.options);
    const firstNames = ctx.options['first-names'] === true;
    ctx.saveTo(out, shown, { force });
    // As the app's "Export to calendar": recorded once written, what was exported, never the content.
    const file = await ctx.call('saveCalendar', { ...period, ...(who ? { facilitatorId: who.id } : {}), ...(firstNames ? { includeFirstNames: true } : {}) });
    const bytes = ctx.written() ?? 0;
    if (firstNames && file.meetings > 0) {
      ctx.warn(`Warning: ${shown} names the people invited to each meeting. Keep it off shared calendars and delete it when it is no longer needed.`);
    }
    const scope = `${describePeriod(period)}${who ? ` for ${oneLine(who.name)}` : ''}`;
    return ok(
      { file: out, meetings: file.meetings, bytes, firstNames, ...(who ? { facilitatorId: who.id } : {}) },
      `Wrote ${plural(file.meetings, 'meeting')} (${scope}) to ${shown} (${formatBytes(bytes)}).`,
    );
  },
};
