import { dayOfWeek, formatDate } from '../../domain/time/dates';
import { MEETING_KIND_LABELS, MEETING_STATUS_LABELS, meetingEnd } from '../../domain/conferences/meeting';
import { MAX_CALENDAR_DAYS, type CalendarMeeting } from '../../domain/conferences/calendar-query';
import { ok, type CommandDef } from '../command';
import { oneLine, plural, table } from '../output';
import { describePeriod, FACILITATOR_OPTION, facilitatorOption, PERIOD_OPTIONS, periodOf } from '../period';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const WHERE_WITHOUT_VENUE: Record<string, string> = { video: 'Video call', phone: 'Phone', 'in-person': '—' };

/** Local start and end, with the day it ends when that is a later one. */
function times(m: CalendarMeeting['meeting']): string {
  const end = meetingEnd(m);
  return `${m.start}–${end.time}${end.date !== m.date ? ` (${formatDate(end.date)})` : ''}`;
}

function row(c: CalendarMeeting): string[] {
  const m = c.meeting;
  return [
    `${WEEKDAYS[dayOfWeek(m.date)]} ${m.date}`,
    times(m),
    MEETING_KIND_LABELS[m.kind],
    MEETING_STATUS_LABELS[m.status],
    c.reference + (c.sensitive ? ' *' : ''),
    c.venueName ? oneLine(c.venueName) : (WHERE_WITHOUT_VENUE[m.format] ?? '—'),
    c.leadName ? oneLine(c.leadName) : '(former staff)',
    m.coFacilitatorId ? (c.coName ? oneLine(c.coName) : '(former staff)') : '',
  ];
}

export const meetingsList: CommandDef = {
  words: ['meetings', 'list'],
  summary: 'List the meetings of every case between two dates, optionally for one facilitator',
  options: { ...PERIOD_OPTIONS, facilitator: FACILITATOR_OPTION },
  help: [
    'Examples:',
    '  casebook meetings list --from 2026-03-23 --to 2026-03-29',
    '  casebook meetings list --from 2026-04-01 --to 2026-04-30 --facilitator "Siân Prydderch"',
    'Times are local to England and Wales (GMT or BST, as on the day). Cases are named by reference only;',
    `postponed and cancelled meetings are listed with their status. At most ${MAX_CALENDAR_DAYS} days at a time.`,
  ].join('\n'),
  async run(ctx) {
    const period = periodOf(meetingsList, ctx.options, MAX_CALENDAR_DAYS);
    await ctx.unlock({ writes: false, doing: 'list meetings' });
    const who = await facilitatorOption(ctx, ctx.options);
    const found = await ctx.call('getCalendar', { ...period, ...(who ? { facilitatorId: who.id } : {}) });
    const scope = `${describePeriod(period)}${who ? ` for ${oneLine(who.name)}` : ''}`;
    if (found.length === 0) return ok(found, `No meetings ${period.from === period.to ? 'on' : 'from'} ${scope}.`);
    const note = found.some((c) => c.sensitive) ? '\n* sensitive case' : '';
    const rows = found.map(row);
    return ok(found, `${table(['Date', 'Time', 'Kind', 'Status', 'Case', 'Venue', 'Lead', 'Co-facilitator'], rows)}\n\n${plural(found.length, 'meeting')}, ${scope}${note}`);
  },
};
