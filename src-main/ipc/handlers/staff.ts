import type { CasebookService } from '../../services/casebook/api';
import type { staffCommands } from '../commands/staff';
import type { HandlersOf } from './types';

/** The staff commands, each a call into `service.staff`. */
export function staffHandlers(s: CasebookService): HandlersOf<typeof staffCommands> {
  return {
    saveStaffMember: (i) => s.staff.saveStaffMember(i),
  };
}
