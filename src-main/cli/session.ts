import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { refusalFor, can, type Capability } from '../domain/access/capabilities';
import { ROLE_LABELS } from '../domain/access/roles';
import type { Session, Status } from '../domain/casebook/session';
import { CasebookError } from '../domain/shared/errors';
import type { CommandContext, GlobalOptions } from './command';

/**
 * Opening and unlocking for commands that need a session. The checks run in the order a
 * person would want to hear about problems: wrong folder, then who, then the passphrase,
 * then whether they may do this, then whether someone else holds the store.
 */
export async function storeMustExist(global: GlobalOptions): Promise<void> {
  let isFolder: boolean;
  try {
    isFolder = (await stat(global.store)).isDirectory();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // A folder this person may not look into is not "no casebook": they might create a second one elsewhere and lose track of the first.
    if (code === 'EACCES' || code === 'EPERM') throw cannotRead(global);
    throw noCasebook(global);
  }
  if (!isFolder) throw new CasebookError('USAGE', `${global.store} is a file, not a casebook folder. Give the folder with --store DIR or CASEBOOK_STORE.`);
  try {
    await access(global.store, constants.R_OK | constants.X_OK);
  } catch {
    throw cannotRead(global);
  }
}

function cannotRead(global: GlobalOptions): CasebookError {
  return new CasebookError('NOT_FOUND', `You do not have permission to open ${global.store}, so RJ Casebook cannot tell whether a casebook is there. Ask whoever looks after this computer to give your account access to the folder.`);
}

export function noCasebook(global: GlobalOptions): CasebookError {
  return new CasebookError(
    'NOT_FOUND',
    `There is no casebook in ${global.store}. Create one with "casebook init", or give the right folder with --store DIR or CASEBOOK_STORE.`,
  );
}

/** The person --user names (or the only one there is), before the passphrase is asked for. */
function whoIsNamed(global: GlobalOptions, status: Status): string {
  const typed = global.user?.trim();
  if (typed) return typed;
  const only = status.users.length === 1 ? status.users[0] : undefined;
  if (only) return only.name;
  const names = status.users.map((u) => u.name).join(', ');
  throw new CasebookError('USAGE', `Say who you are with --user NAME or CASEBOOK_USER. People who can unlock this casebook: ${names}.`);
}

/**
 * The user a name or id means, as the unlock screen's list offers them: by id, or by name
 * ignoring case. Someone not on the list is told what a wrong passphrase is told, so the
 * command line does not say who can unlock the casebook.
 */
function userNamed(status: Status, typed: string): string {
  const wanted = typed.toLocaleLowerCase('en-GB');
  const found = status.users.find((u) => u.id === typed) ?? status.users.find((u) => u.name.toLocaleLowerCase('en-GB') === wanted);
  if (!found) throw new CasebookError('AUTH_FAILED', 'That passphrase is not right. Check Caps Lock and try again; nothing was changed.');
  return found.id;
}

export async function unlockAs(
  ctx: Pick<CommandContext, 'global' | 'call' | 'warn'>,
  passphrase: () => Promise<string>,
  o: { writes: boolean; capability?: Capability; doing: string },
): Promise<Session> {
  await storeMustExist(ctx.global);
  const status = await ctx.call('getStatus', {});
  if (status.state === 'uninitialised') throw noCasebook(ctx.global);
  const named = whoIsNamed(ctx.global, status);
  const typed = await passphrase();
  const session = await ctx.call('unlock', { userId: userNamed(status, named), passphrase: typed });
  if (o.capability && !can(session.user.role, o.capability)) {
    const role = ROLE_LABELS[session.user.role].toLowerCase();
    throw new CasebookError('FORBIDDEN', `${refusalFor(o.capability).slice(0, -1)}; ${session.user.name} is ${/^[aeiou]/.test(role) ? 'an' : 'a'} ${role}.`);
  }
  if (session.readOnly) {
    const h = status.heldBy;
    const holder = h ? `${h.user} on ${h.host} (since ${h.since})` : 'another copy of RJ Casebook';
    if (o.writes) {
      throw new CasebookError('STORE_IN_USE', `The casebook is in use by ${holder}, so it cannot be changed now. Close it there and try again.`, h ? { holder: h } : {});
    }
    ctx.warn(`Note: the casebook is in use by ${holder}; reading only.`);
  }
  return session;
}
