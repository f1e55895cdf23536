import { CasebookError } from '../../domain/shared/errors';
import type { SyncStatus } from '../../domain/sync/status';
import type { ServiceContext } from '../shared/context';
import type { SyncApi } from './api';

const notYet = () => Promise.reject(new CasebookError('NOT_FOUND', 'Team use is being built'));
const off: SyncStatus = { enabled: false, remote: null, machine: null, intervalMinutes: 0, lastSyncedAt: null, waiting: 0, toResolve: 0, running: false, progress: null, problem: null, serverProblems: [] };

export function createSync(ctx: ServiceContext): SyncApi {
  return {
    status: async () => (ctx.need(), off),
    enable: notYet,
    join: notYet,
    setInterval: notYet,
    syncNow: notYet,
    changesToResolve: async () => [],
    resolve: notYet,
  };
}
