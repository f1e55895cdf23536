import type { CasebookService } from '../../services/casebook/api';
import type { conferencesCommands } from '../commands/conferences';
import type { HandlersOf } from './types';

/** The conference commands, each a call into `service.conferences`. */
export function conferencesHandlers(s: CasebookService): HandlersOf<typeof conferencesCommands> {
  return {
    saveVenue: (i) => s.conferences.saveVenue(i),
    getCalendar: async (i) => s.conferences.getCalendar(i),
    saveCalendar: (i) => s.conferences.saveCalendar(i),
    chooseAttachment: () => s.conferences.chooseAttachment(),
    logWithAttachment: (i) => s.conferences.logWithAttachment(i),
    saveAttachment: (i) => s.conferences.saveAttachment(i),
  };
}
