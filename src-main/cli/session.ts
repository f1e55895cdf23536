import { stat } from 'node:fs/promises';
import { CasebookError } from '../domain/shared/errors';
import type { Role } from '../domain/access/roles';
import type { Session } from '../ipc/contract';
import type { CasebookApi } from '../services/casebook/api';
import type { GlobalOptions } from './command';

/**
 * Opening and unlocking for commands that need a session. The checks run in the order a
 * person would want to hear about problems: wrong folder, then who, then the passphrase,
 * then whether they may do this, then whether someone else holds the store.
 */
export async function storeMustExist(global: GlobalOptions): Promise<void> {
  const found = await stat(global.store).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!found) throw noCasebook(global);
}

function noCasebook(global: GlobalOptions): CasebookError {
  return new CasebookError(
    'NOT_FOUND',
    `There is no casebook in ${global.store}. Create one with "casebook init", or give the right folder with --store DIR or CASEBOOK_STORE.`,
  );
}

export async function unlockStore(
  global: GlobalOptions,
  open: () => Promise<CasebookApi>,
  passphrase: () => Promise<string>,
  warn: (line: string) => void,
  o: { writes: boolean; roles?: readonly Role[]; doing: string },
): Promise<{ service: CasebookApi; session: Session }> {
  await storeMustExist(global);
  const service = await open();
  const status = await service.status();
  if (status.state === 'uninitialised') throw noCasebook(global);

  let user = global.user?.trim();
  if (!user) {
    const only = status.users.length === 1 ? status.users[0] : undefined;
    if (!only) {
      const names = status.users.map((u) => u.name).join(', ');
      throw new CasebookError('USAGE', `Say who you are with --user NAME or CASEBOOK_USER. People who can unlock this casebook: ${names}.`);
    }
    user = only.name;
  }

  const session = await service.unlock(user, await passphrase());
  if (o.roles && !o.roles.includes(session.user.role)) {
    throw new CasebookError('FORBIDDEN', `Only ${o.roles.join(' or ')} users may ${o.doing}; ${session.user.name} is ${session.user.role === 'administrator' ? 'an' : 'a'} ${session.user.role}.`);
  }
  if (session.readOnly) {
    const h = status.heldBy;
    const who = h ? `${h.user} on ${h.host} (since ${h.since})` : 'another copy of RJ Casebook';
    if (o.writes) {
      throw new CasebookError('STORE_IN_USE', `The casebook is in use by ${who}, so it cannot be changed now. Close it there and try again.`, h ? { holder: h } : {});
    }
    warn(`Note: the casebook is in use by ${who}; reading only.`);
  }
  return { service, session };
}
