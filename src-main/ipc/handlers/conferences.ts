import type { CasebookApi } from '../../services/casebook/api';
import type { CommandName, OutputOf, ParsedInputOf } from '../contract';
import type { processCommands } from '../commands/conferences';

type ProcessName = keyof typeof processCommands & CommandName;
export type ProcessHandlers = { [N in ProcessName]: (input: ParsedInputOf<N>) => Promise<OutputOf<N>> };

/** The process commands (contract-process.ts), each a call into `service.process`. */
export function processHandlers(s: CasebookApi): ProcessHandlers {
  return {
    saveVenue: (i) => s.process.saveVenue(i),
    getCalendar: async (i) => s.process.getCalendar(i),
    saveCalendar: (i) => s.process.saveCalendar(i),
    getFigures: async (i) => s.process.getFigures(i),
    saveFiguresCsv: (i) => s.process.saveFiguresCsv(i),
    logWithAttachment: (i) => s.process.logWithAttachment(i),
    saveAttachment: (i) => s.process.saveAttachment(i),
  };
}
