import type { CasebookApi } from '../../services/casebook/api';
import type { CommandName, OutputOf, ParsedInputOf } from '../contract';
import type { caseworkCommands } from '../commands/cases';

type CaseworkName = keyof typeof caseworkCommands & CommandName;
export type CaseworkHandlers = { [N in CaseworkName]: (input: ParsedInputOf<N>) => Promise<OutputOf<N>> };

/** The casework commands (contract-casework.ts), each a call into `service.casework`. */
export function caseworkHandlers(s: CasebookApi): CaseworkHandlers {
  const cw = () => s.casework;
  return {
    getCaseworkReference: async () => cw().getCaseworkReference(),
    saveStaffMember: (i) => cw().saveStaffMember(i),
    updateCaseworkSettings: (i) => cw().updateCaseworkSettings(i),
    checkReferralDuplicates: (i) => cw().checkReferralDuplicates(i),
    createReferral: (i) => cw().createReferral(i),
    getCaseView: (i) => cw().getCaseView(i.id),
    applyCaseCommand: (i) => cw().applyCaseCommand(i),
    queryCaseload: async (i) => cw().queryCaseload(i),
    getDashboard: async () => cw().getDashboard(),
  };
}
