import type { CasebookService } from '../../services/casebook/api';
import type { casesCommands } from '../commands/cases';
import type { HandlersOf } from './types';

/** The case commands, each a call into `service.cases`. */
export function casesHandlers(s: CasebookService): HandlersOf<typeof casesCommands> {
  return {
    listCases: async (i) => s.listCases(i),
    // Whoever asks through the contract (the app, the CLI's case show) is a person opening the case: recorded.
    getCase: (i) => s.getCase(i.id, { recordView: true }),
    getCaseworkReference: async () => s.cases.getCaseworkReference(),
    getCaseView: (i) => s.cases.getCaseView(i.id),
    applyCaseCommand: (i) => s.cases.applyCaseCommand(i),
    queryCaseload: async (i) => s.cases.queryCaseload(i),
    getDashboard: async () => s.cases.getDashboard(),
    getCaseAccessHistory: (i) => s.cases.getCaseAccessHistory(i.caseId),
  };
}
