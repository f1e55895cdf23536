import { create } from 'zustand';
import type { Period } from '../../../src-main/domain/figures/figures';
import type { FiguresWithBreakdowns as Figures } from '../../../src-main/domain/figures/commissioner';
import type { Venue } from '../../../src-main/domain/conferences/venue';
import type { InputOf, OutputOf } from '../../../src-main/ipc/contract';
import { call, messageOf } from '../shared/api/client';
import { useCasework } from '../cases/casework-state';
import { useSession } from '../app/session';

export type CalendarMeeting = OutputOf<'getCalendar'>[number];
export type CalendarMode = 'week' | 'month';

/** What the calendar shows; kept while the person opens a case and comes back. */
export interface CalendarChoice {
  mode: CalendarMode;
  /** Any day in the week or month shown; undefined means "today". */
  anchor?: string;
  /** A member of staff's id, or '' for everyone. */
  facilitatorId: string;
  hideInactive: boolean;
}

/**
 * The restorative process across cases: the calendar's meetings and the figures for a
 * period. Each load answers only its latest request, so quick clicks on "Next" never show
 * an older week's meetings under a newer heading. Cleared on lock.
 */
interface ProcessState {
  calendar: CalendarChoice;
  /** The range the meetings below were read for, as "from/to"; undefined while loading. */
  loadedRange?: string;
  meetings: CalendarMeeting[];
  calendarError?: string;
  period?: Period;
  figures?: Figures;
  figuresError?: string;
  chooseCalendar(patch: Partial<CalendarChoice>): void;
  loadCalendar(from: string, to: string): Promise<void>;
  loadFigures(period: Period): Promise<void>;
  /** Add or change a venue and put the new list into the casework reference; throws ApiError. */
  saveVenue(venue: InputOf<'saveVenue'>): Promise<Venue[]>;
}

export const processInitial = {
  calendar: { mode: 'week' as CalendarMode, anchor: undefined, facilitatorId: '', hideInactive: false },
  loadedRange: undefined,
  meetings: [] as CalendarMeeting[],
  calendarError: undefined,
  period: undefined,
  figures: undefined,
  figuresError: undefined,
};

let calendarRequest = 0;
let figuresRequest = 0;
const unlocked = () => useSession.getState().phase === 'unlocked';

export const useProcess = create<ProcessState>()((set, get) => ({
  ...processInitial,
  chooseCalendar: (patch) => set({ calendar: { ...get().calendar, ...patch } }),
  async loadCalendar(from, to) {
    const mine = ++calendarRequest;
    const { facilitatorId, hideInactive } = get().calendar;
    set({ loadedRange: undefined, calendarError: undefined });
    try {
      const meetings = await call('getCalendar', { from, to, ...(facilitatorId ? { facilitatorId } : {}), ...(hideInactive ? { hideInactive } : {}) });
      if (mine === calendarRequest && unlocked()) set({ meetings, loadedRange: `${from}/${to}` });
    } catch (e) {
      if (mine === calendarRequest) set({ meetings: [], calendarError: messageOf(e) });
    }
  },
  async loadFigures(period) {
    const mine = ++figuresRequest;
    set({ period, figures: undefined, figuresError: undefined });
    try {
      const figures = await call('getFigures', period);
      if (mine === figuresRequest && unlocked()) set({ figures });
    } catch (e) {
      if (mine === figuresRequest) set({ figuresError: messageOf(e) });
    }
  },
  async saveVenue(venue) {
    const venues = await call('saveVenue', venue);
    const reference = useCasework.getState().reference;
    if (reference) useCasework.setState({ reference: { ...reference, venues } });
    return venues;
  },
}));
