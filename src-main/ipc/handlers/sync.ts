import type { CasebookService } from '../../services/casebook/api';
import type { syncCommands } from '../commands/sync';
import type { HandlersOf } from './types';

/** Team use, each a call into `service.sync`. */
export function syncHandlers(s: CasebookService): HandlersOf<typeof syncCommands> {
  return {
    getSyncStatus: () => s.sync.status(),
    enableTeam: (i) => s.sync.enable(i),
    joinTeam: (i) => s.sync.join(i),
    setSyncInterval: (i) => s.sync.setInterval(i.minutes),
    syncNow: () => s.sync.syncNow(),
    adoptTeamKey: (i) => s.sync.adoptKey(i.passphrase),
    listChangesToResolve: () => s.sync.changesToResolve(),
    resolveChange: (i) => s.sync.resolve(i.id, i.choice),
  };
}
