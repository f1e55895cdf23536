import type { CasebookService } from '../../services/casebook/api';
import type { casesCommands } from '../commands/cases';
import type { HandlersOf } from './types';

/** The case commands, each a call into `service.cases`. */
export function casesHandlers(s: CasebookService): HandlersOf<typeof casesCommands> {
  return {
    listCases: async (i) => s.listCases(i),
    getCase: (i) => s.getCase(i.id),
    getCaseworkReference: async () => s.cases.getCaseworkReference(),
    getCaseView: (i) => s.cases.getCaseView(i.id),
    applyCaseCommand: (i) => s.cases.applyCaseCommand(i),
    queryCaseload: async (i) => s.cases.queryCaseload(i),
    getDashboard: async () => s.cases.getDashboard(),
  };
}
