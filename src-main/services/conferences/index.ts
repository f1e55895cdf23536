import { z } from 'zod';
import type { Case } from '../../domain/cases/case';
import { CasebookError } from '../../domain/shared/errors';
import { meetingsToIcs } from '../../domain/conferences/calendar-export';
import type { Figures } from '../../domain/figures/figures';
import type { Venue } from '../../domain/conferences/venue';
import type { Store } from '../../store/store';
import { caseworkOf, type Casework } from '../cases/context';
import { CASEWORKERS, requireRole } from '../shared/permissions';
import type { FileSaver } from '../documents/documents-service';
import type { CaseworkTemplates } from '../templates/loader';
import { calendarMeetings, parseCalendarQuery, type ListedMeeting } from './calendar';
import { figuresCsv, figuresFor, parsePeriod } from '../figures/figures';
import { overdueActionRows, type OverdueActionsRow } from '../outcomes/overdue-actions';
import { saveVenue } from './venues';
import { attachmentOfCase, logWithAttachment, MAX_ATTACHMENT_BYTES, parseLogWithAttachment, type FilePicker } from './attachments';
import type { CaseView } from '../cases/api';

export type { CalendarMeeting, ListedMeeting } from './calendar';
export type { OverdueActionsRow } from '../outcomes/overdue-actions';
export type { FilePicker } from './attachments';

export interface SaveResult {
  saved: boolean;
  fileName: string;
}

/**
 * The restorative process across cases (issue 5): venues, the calendar and its iCalendar
 * export, the figures and their CSV, and agreement actions overdue. Everything but the export
 * of first names reads the case list's rows only, so it stays quick at 10,000 cases.
 */
export interface ProcessApi {
  saveVenue(input: unknown): Promise<Venue[]>;
  getCalendar(q: unknown): ListedMeeting[];
  saveCalendar(q: unknown): Promise<SaveResult & { meetings: number }>;
  getFigures(period: unknown): Figures;
  saveFiguresCsv(period: unknown): Promise<SaveResult>;
  overdueActions(): { count: number; rows: OverdueActionsRow[] };
  /** The calendar file's text, for the CLI (which writes it where it is told). */
  calendarFile(q: unknown): Promise<{ ics: string; meetings: number }>;
  /** Record an export made elsewhere (the CLI's ics and figures --csv) in the audit trail: what, never the content. */
  recordExport(e: { format: 'ics' | 'csv'; fields: string[] }): Promise<void>;
  /** Choose a file (the open dialog) and log it with an indirect-process entry; picked false when cancelled. */
  logWithAttachment(input: unknown): Promise<{ picked: boolean; view?: CaseView }>;
  /** Save a copy of an attachment the case's log names, where the user chooses. */
  saveAttachment(input: unknown): Promise<SaveResult>;
}

const IcsOptionsSchema = z.strictObject({ includeFirstNames: z.boolean().optional() });
const DASHBOARD_ROWS = 25;

export function createProcess(
  need: () => Store,
  t: CaseworkTemplates,
  o: { fileSaver?: FileSaver | undefined; filePicker?: FilePicker | undefined; serial: <T>(job: () => Promise<T>) => Promise<T> },
): ProcessApi {
  const cw = (): Casework => caseworkOf(need(), t);

  async function icsFor(input: unknown): Promise<{ ics: string; meetings: number; fileName: string; firstNames: boolean }> {
    const { includeFirstNames, ...rest } = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
    const opts = IcsOptionsSchema.safeParse(includeFirstNames === undefined ? {} : { includeFirstNames });
    if (!opts.success) throw new CasebookError('INVALID_INPUT', 'Say whether to put first names in the calendar (true or false)');
    const c = cw();
    const q = parseCalendarQuery(rest);
    const found = calendarMeetings(c, q);
    const firstNames: Record<string, string> = {};
    if (opts.data.includeFirstNames) {
      // Names are only in the case files: open the few cases the export covers.
      for (const caseId of new Set(found.map((f) => f.caseId))) {
        const full: Case = await c.s.readCase(caseId);
        for (const p of full.participants) firstNames[p.id] = p.person.preferredName || p.person.givenName;
      }
    }
    const ics = meetingsToIcs(
      found.map((f) => ({ ...f.meeting, caseId: f.caseId })),
      {
        now: c.now,
        venues: c.s.index.venues,
        caseReferences: Object.fromEntries(found.map((f) => [f.caseId, f.reference])),
        ...(opts.data.includeFirstNames ? { includeFirstNames: true, firstNames } : {}),
        calendarName: `${c.s.index.settings.serviceName} – RJ meetings`,
      },
    );
    const one = q.meetingId && found[0] ? `${found[0].reference}-${found[0].meeting.date}` : `${q.from}-to-${q.to}`;
    return { ics, meetings: found.length, fileName: `rj-meetings-${one}.ics`, firstNames: opts.data.includeFirstNames === true };
  }

  const EXPORT_ACTIONS = { ics: 'calendar.export', csv: 'figures.export' } as const;
  const recordExport = (format: 'ics' | 'csv', fields: string[]) =>
    o.serial(async () => {
      const s = need();
      if (!s.readOnly) await s.commit([], [s.draft(EXPORT_ACTIONS[format], { type: 'export', id: format }, fields.map((f) => f.slice(0, 80)).slice(0, 10))]);
    });

  async function save(name: string, text: string, format: 'ics' | 'csv', fields: string[]): Promise<boolean> {
    if (!o.fileSaver) throw new CasebookError('WRITE_FAILED', 'Saving files is not available here: this copy of RJ Casebook has no way to choose where to save');
    const { saved } = await o.fileSaver.save(name, new TextEncoder().encode(text), format);
    if (saved) await recordExport(format, fields);
    return saved;
  }

  return {
    async recordExport(e) {
      if (e.format !== 'ics' && e.format !== 'csv') throw new CasebookError('INVALID_INPUT', 'Not an export format');
      await recordExport(e.format, e.fields);
    },
    async logWithAttachment(input) {
      const parsed = parseLogWithAttachment(input);
      requireRole(need(), CASEWORKERS, 'change cases');
      if (!o.filePicker) throw new CasebookError('WRITE_FAILED', 'Attaching files is not available here: this copy of RJ Casebook has no way to choose a file');
      // The dialog is outside the queue, so an idle lock is never held up by it.
      const file = await o.filePicker.pick(MAX_ATTACHMENT_BYTES);
      if (!file) return { picked: false };
      return { picked: true, view: await o.serial(() => logWithAttachment(cw(), parsed, file)) };
    },
    async saveAttachment(input) {
      requireRole(need(), CASEWORKERS, 'save attachments');
      if (!o.fileSaver) throw new CasebookError('WRITE_FAILED', 'Saving files is not available here: this copy of RJ Casebook has no way to choose where to save');
      const a = await o.serial(() => attachmentOfCase(cw(), input));
      const { saved } = await o.fileSaver.save(a.name, a.bytes, 'original');
      if (saved) {
        await o.serial(async () => {
          const s = need();
          const caseId = (input as { caseId: string }).caseId;
          if (!s.readOnly) await s.commit([], [s.draft('attachment.export', { type: 'case', id: caseId }, ['attachment'])]);
        });
      }
      return { saved, fileName: a.name };
    },
    saveVenue: (input) => o.serial(() => saveVenue(cw(), input)),
    // Sent to the screen without who is invited: smaller, and the grid names nobody anyway.
    getCalendar: (q) => calendarMeetings(cw(), parseCalendarQuery(q)).map(({ meeting: { participantIds: _p, supporterIds: _s, interpreter: _i, ...m }, ...rest }) => ({ ...rest, meeting: m })),
    async calendarFile(q) {
      const r = await o.serial(() => icsFor(q));
      return { ics: r.ics, meetings: r.meetings };
    },
    async saveCalendar(q) {
      requireRole(need(), CASEWORKERS, 'export meetings to a calendar');
      const r = await o.serial(() => icsFor(q));
      const saved = await save(r.fileName, r.ics, 'ics', [`meetings:${r.meetings}`, ...(r.firstNames ? ['firstNames'] : [])]);
      return { saved, fileName: r.fileName, meetings: r.meetings };
    },
    getFigures: (p) => figuresFor(cw(), parsePeriod(p)),
    async saveFiguresCsv(p) {
      const period = parsePeriod(p);
      const csv = figuresCsv(figuresFor(cw(), period));
      const fileName = `rj-figures-${period.from}-to-${period.to}.csv`;
      const saved = await save(fileName, csv, 'csv', [`from:${period.from}`, `to:${period.to}`]);
      return { saved, fileName };
    },
    overdueActions() {
      const c = cw();
      const rows = overdueActionRows(c.s.summaries.all(), c.today);
      return { count: rows.length, rows: rows.slice(0, DASHBOARD_ROWS) };
    },
  };
}
