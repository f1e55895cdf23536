import type { z } from 'zod';
import { requireCapability } from '../domain/access/capabilities';
import { CasebookError, type Result } from '../domain/shared/errors';
import { asInput } from '../domain/shared/text';
import type { CasebookService } from '../services/casebook/api';
import type { CallContext } from '../services/shared/call-context';
import { COMMAND_NAMES } from './command-names';
import { commands, type CommandName, type Commands } from './contract';
import { casebookHandlers } from './handlers/casebook';
import { casesHandlers } from './handlers/cases';
import { conferencesHandlers } from './handlers/conferences';
import { documentsHandlers } from './handlers/documents';
import { figuresHandlers } from './handlers/figures';
import { dataProtectionHandlers } from './handlers/data-protection';
import { referralsHandlers } from './handlers/referrals';
import { staffHandlers } from './handlers/staff';
import { qualityHandlers } from './handlers/quality';
import { dailyWorkHandlers } from './handlers/daily-work';
import { syncHandlers } from './handlers/sync';
import { toSafeError } from './safe-error';

/**
 * The one handler registry shared by Electron, the CLI and the test harness. It checks the
 * caller may run the command (the capability its role needs, from domain/access), parses the
 * input strictly, calls the service and returns a typed result. It never throws and never lets
 * a stack trace or a path out. (The Electron wrapper checks the sender frame before it calls
 * `invoke`.)
 */
export interface HandlerRegistry {
  invoke(name: string, rawInput: unknown, context?: CallContext): Promise<Result<unknown>>;
  readonly service: CasebookService;
}

type Handler = (input: unknown, context: CallContext) => Promise<unknown>;

function handlersFor(s: CasebookService): Record<CommandName, Handler> {
  const all = {
    ...casebookHandlers(s),
    ...casesHandlers(s),
    ...referralsHandlers(s),
    ...staffHandlers(s),
    ...qualityHandlers(s),
    ...conferencesHandlers(s),
    ...figuresHandlers(s),
    ...dataProtectionHandlers(s),
    ...documentsHandlers(s),
    ...dailyWorkHandlers(s),
    ...syncHandlers(s),
  } satisfies Record<CommandName, unknown>;
  return all as unknown as Record<CommandName, Handler>;
}

function zodIssues(err: z.ZodError) {
  return err.issues.map((i) => ({
    path: i.path.map(String).join('.') || '(input)',
    message: i.code === 'unrecognized_keys' ? `Unknown field${i.keys.length > 1 ? 's' : ''}: ${i.keys.join(', ')}` : i.message,
  }));
}

/** What someone who must choose a new passphrase may still do: choose it, keep the session alive, or lock. */
const BEFORE_NEW_PASSPHRASE = new Set<string>(['changePassphrase', 'reportActivity', 'lock', 'getSettings'] satisfies CommandName[]);

export function createRegistry(service: CasebookService): HandlerRegistry {
  const handlers = handlersFor(service);
  const known = new Set<string>(COMMAND_NAMES);

  async function invoke(name: string, rawInput: unknown, context: CallContext = {}): Promise<Result<unknown>> {
    try {
      if (typeof name !== 'string' || !known.has(name) || !Object.hasOwn(commands, name)) {
        throw new CasebookError('NOT_FOUND', 'That command does not exist');
      }
      const spec = commands[name as CommandName] as Commands[CommandName];
      // Who first: someone who may not run the command learns nothing from its validation.
      if (spec.access !== 'anyone') {
        const session = service.currentSession();
        if (!session) throw new CasebookError('LOCKED', 'The casebook is locked: unlock it first');
        requireCapability(session.user.role, spec.access);
        // An administrator asked this person to choose a new passphrase (issue 13): nothing else until they do.
        if (session.user.mustChangePassphrase && !BEFORE_NEW_PASSPHRASE.has(name)) {
          throw new CasebookError('FORBIDDEN', 'Choose a new passphrase first: an administrator has asked you to change yours before you do anything else.');
        }
      }
      // Input is held to the rules for the way in (domain/shared/text.ts); stored records are not re-judged.
      const parsed = asInput(() => spec.input.safeParse(rawInput ?? {}));
      if (!parsed.success) {
        const issues = zodIssues(parsed.error);
        throw new CasebookError('INVALID_INPUT', issues.map((i) => `${i.path}: ${i.message}`).join('; '), { issues });
      }
      const value = await handlers[name as CommandName](parsed.data, context);
      return { ok: true, value };
    } catch (e) {
      return { ok: false, error: toSafeError(e) };
    }
  }

  return { invoke, service };
}
