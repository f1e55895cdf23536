import type { CasebookService } from '../../services/casebook/api';
import type { dailyWorkCommands } from '../commands/daily-work';
import type { HandlersOf } from './types';

/** The day's work, each a call into `service.dailyWork`. */
export function dailyWorkHandlers(s: CasebookService): HandlersOf<typeof dailyWorkCommands> {
  return {
    getMyWork: () => s.dailyWork.getMyWork(),
    getTeamCaseload: () => s.dailyWork.getTeamCaseload(),
    reassignCases: (i) => s.dailyWork.reassignCases(i),
  };
}
