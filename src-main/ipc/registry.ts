import { z } from 'zod';
import { CasebookError, type Result } from '../domain/shared/errors';
import { commands, type CommandName, type Commands, type ParsedInputOf, type OutputOf } from './contract';
import { COMMAND_NAMES } from './command-names';
import type { CasebookApi } from '../services/casebook/api';
import { toSafeError } from './safe-error';
import type { Role } from '../domain/access/roles';
import { caseworkHandlers } from './handlers/cases';
import { documentsHandlers } from './handlers/documents';
import { processHandlers } from './handlers/conferences';

/**
 * The one handler registry shared by Electron, the CLI and the test harness. It parses the
 * input strictly, checks the caller's role against the contract, calls the service and
 * returns a typed result. It never throws and never lets a stack trace or a path out.
 * (The Electron wrapper checks the sender frame before it calls `invoke`.)
 */
export interface HandlerRegistry {
  invoke(name: string, rawInput: unknown): Promise<Result<unknown>>;
  readonly service: CasebookApi;
}

type Handlers = { [N in CommandName]: (input: ParsedInputOf<N>) => Promise<OutputOf<N>> };

function handlersFor(s: CasebookApi): Handlers {
  return {
    getStatus: () => s.status(),
    createCasebook: (i) => s.create(i),
    unlock: (i) => s.unlock(i.userId, i.passphrase),
    recoverWithKey: (i) => s.recover(i.userId, i.recoveryKey, i.newPassphrase),
    lock: async (i) => {
      await s.lock(i.reason);
      return { locked: true as const };
    },
    changePassphrase: (i) => s.changePassphrase(i.current, i.next),
    getSettings: async () => s.settings(),
    updateSettings: (i) => s.updateSettings(i),
    listUsers: async () => s.users(),
    addUser: (i) => s.addUser(i),
    listBackups: () => s.listBackups(),
    createBackup: () => s.createBackup('manual'),
    restoreBackup: (i) => s.restoreBackup(i.id),
    restoreBackupWhileLocked: (i) => s.restoreWhileLocked({ backupId: i.backupId }, i.userId, i.passphrase),
    listAudit: (i) => s.listAudit(i),
    verifyStore: () => s.verify(),
    listCases: async (i) => s.listCases(i),
    getCase: (i) => s.getCase(i.id),
    ...caseworkHandlers(s),
    ...documentsHandlers(s),
    ...processHandlers(s),
  };
}

function zodIssues(err: z.ZodError) {
  return err.issues.map((i) => ({
    path: i.path.map(String).join('.') || '(input)',
    message: i.code === 'unrecognized_keys' ? `Unknown field${i.keys.length > 1 ? 's' : ''}: ${i.keys.join(', ')}` : i.message,
  }));
}

export function createRegistry(service: CasebookApi): HandlerRegistry {
  const handlers = handlersFor(service);
  const known = new Set<string>(COMMAND_NAMES);

  async function invoke(name: string, rawInput: unknown): Promise<Result<unknown>> {
    try {
      if (typeof name !== 'string' || !known.has(name) || !Object.hasOwn(commands, name)) {
        throw new CasebookError('NOT_FOUND', 'That command does not exist');
      }
      const spec = commands[name as CommandName] as Commands[CommandName];
      const parsed = spec.input.safeParse(rawInput ?? {});
      if (!parsed.success) {
        const issues = zodIssues(parsed.error);
        throw new CasebookError('INVALID_INPUT', issues.map((i) => `${i.path}: ${i.message}`).join('; '), { issues });
      }
      if (spec.access !== 'anyone') {
        const session = service.currentSession();
        if (!session) throw new CasebookError('LOCKED', 'The casebook is locked: unlock it first');
        if (!(spec.access as readonly Role[]).includes(session.user.role)) {
          throw new CasebookError('FORBIDDEN', `Only ${spec.access.join(' or ')} users may ${spec.summary.toLowerCase()}`);
        }
      }
      const handler = handlers[name as CommandName] as (i: unknown) => Promise<unknown>;
      const value = await handler(parsed.data);
      return { ok: true, value };
    } catch (e) {
      return { ok: false, error: toSafeError(e) };
    }
  }

  return { invoke, service };
}
