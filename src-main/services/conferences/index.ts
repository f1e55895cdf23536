import { requireCapability } from '../../domain/access/capabilities';
import type { Case } from '../../domain/cases/case';
import { MAX_ATTACHMENT_BYTES } from '../../domain/conferences/attachments';
import { meetingsToIcs } from '../../domain/conferences/calendar-export';
import type { CalendarFileRequest } from '../../domain/conferences/calendar-query';
import { CasebookError } from '../../domain/shared/errors';
import type { CasesApi } from '../cases/api';
import { caseworkOf, type Casework } from '../cases/context';
import type { ServiceContext } from '../shared/context';
import { saveTo } from '../shared/save';
import type { ConferencesApi } from './api';
import { attachmentOfCase, logWithAttachment } from './attachments';
import { chosenFileHolder } from '../shared/chosen-file';
import { calendarMeetings } from './calendar';
import { openCase } from '../cases/case-access';
import { saveVenue } from './venues';

/** The file chosen in the form, held until it is saved (shared/chosen-file.ts). */
const chosenAttachment = chosenFileHolder();

export type { ConferencesApi, SaveResult } from './api';

/**
 * The restorative process across cases: venues, the calendar and its iCalendar export, and an
 * indirect process's files. Dialogs (choose a file, save one) run outside the service's queue;
 * the store work around them runs inside it.
 */
export function createConferences(ctx: ServiceContext, _cases: CasesApi): ConferencesApi {
  const cw = (): Casework => caseworkOf(ctx.need(), ctx.templates);

  async function icsFor(q: CalendarFileRequest): Promise<{ ics: string; meetings: number; fileName: string }> {
    const { includeFirstNames, ...query } = q;
    const c = cw();
    const found = calendarMeetings(c, query);
    const firstNames: Record<string, string> = {};
    if (includeFirstNames) {
      // Names are only in the case files: open the few cases the export covers.
      for (const caseId of new Set(found.map((f) => f.caseId))) {
        const full: Case = await openCase(c.s, caseId);
        for (const p of full.participants) firstNames[p.id] = p.person.preferredName || p.person.givenName;
      }
    }
    const ics = meetingsToIcs(
      found.map((f) => ({ ...f.meeting, caseId: f.caseId })),
      {
        now: c.now,
        venues: c.s.index.venues,
        caseReferences: Object.fromEntries(found.map((f) => [f.caseId, f.reference])),
        ...(includeFirstNames ? { includeFirstNames: true, firstNames } : {}),
        calendarName: `${c.s.index.settings.serviceName} – RJ meetings`,
      },
    );
    const one = query.meetingId && found[0] ? `${found[0].reference}-${found[0].meeting.date}` : `${query.from}-to-${query.to}`;
    return { ics, meetings: found.length, fileName: `rj-meetings-${one}.ics` };
  }

  /** The open dialog, outside the queue, so an idle lock is never held up by it. */
  async function pickAttachment(): Promise<{ name: string; bytes: Uint8Array } | undefined> {
    const picker = ctx.files.filePicker;
    if (!picker) throw new CasebookError('WRITE_FAILED', 'Attaching files is not available here: this copy of RJ Casebook has no way to choose a file');
    return (await picker.pick(MAX_ATTACHMENT_BYTES, 'attachment')) ?? undefined;
  }

  return {
    saveVenue: (input) => ctx.serial(() => saveVenue(cw(), input)),
    // Sent to the screen without who is invited: smaller, and the grid names nobody anyway.
    getCalendar: (q) => calendarMeetings(cw(), q).map(({ meeting: { participantIds: _p, supporterIds: _s, interpreter: _i, ...m }, ...rest }) => ({ ...rest, meeting: m })),
    async saveCalendar(q) {
      requireCapability(ctx.need().user.role, 'export-calendar');
      const r = await ctx.serial(() => icsFor(q));
      const fields = [`meetings:${r.meetings}`, ...(q.includeFirstNames ? ['firstNames'] : [])];
      const saved = await saveTo(ctx, r.fileName, new TextEncoder().encode(r.ics), 'ics', (s) => s.draft('calendar.export', { type: 'export', id: 'ics' }, fields));
      return { saved, fileName: r.fileName, meetings: r.meetings };
    },
    async chooseAttachment() {
      const s = ctx.need();
      requireCapability(s.user.role, 'attach-files');
      const file = await pickAttachment();
      if (!file) return { picked: false };
      return { picked: true, token: chosenAttachment.hold(s, file), name: file.name, bytes: file.bytes.length };
    },
    async logWithAttachment(input) {
      const s = ctx.need();
      requireCapability(s.user.role, 'attach-files');
      if (input.chosen) {
        const file = chosenAttachment.take(s, input.chosen);
        if (!file) throw new CasebookError('INVALID_INPUT', 'The file you chose is no longer held (the casebook was locked, or another file was chosen since): choose it again.', { issues: [{ path: 'chosen', message: 'Choose the file again' }] });
        return { picked: true, view: await ctx.serial(() => logWithAttachment(cw(), input, file)) };
      }
      const file = await pickAttachment();
      if (!file) return { picked: false };
      return { picked: true, view: await ctx.serial(() => logWithAttachment(cw(), input, file)) };
    },
    async saveAttachment(input) {
      requireCapability(ctx.need().user.role, 'save-attachments');
      const a = await ctx.serial(() => attachmentOfCase(cw(), input));
      const saved = await saveTo(ctx, a.name, a.bytes, 'original', (s) => s.draft('attachment.export', { type: 'case', id: input.caseId }, ['attachment']));
      return { saved, fileName: a.name };
    },
  };
}
