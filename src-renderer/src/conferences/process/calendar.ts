import { useState } from 'react';
import type { Meeting } from '../../../../src-main/domain/conferences/meeting';
import { call, messageOf } from '../../shared/api/client';

export type CalendarState = { busy: boolean; saved?: string; error?: string };

/**
 * "Add to calendar": the main process writes one meeting as an iCalendar file and asks where
 * to save it. The file names the case by reference only, never the people.
 */
export function useCalendarExport(caseId: string) {
  const [state, setState] = useState<CalendarState>({ busy: false });
  const save = async (m: Pick<Meeting, 'id' | 'date'>) => {
    setState({ busy: true });
    try {
      const r = await call('saveCalendar', { from: m.date, to: m.date, meetingId: m.id, caseId });
      setState({ busy: false, ...(r.saved ? { saved: r.fileName } : {}) });
    } catch (e) {
      setState({ busy: false, error: messageOf(e) });
    }
  };
  return { ...state, save };
}
