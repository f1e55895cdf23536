import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { refusalFor, can } from '../domain/access/capabilities';
import { ROLE_LABELS } from '../domain/access/roles';
import { needsRepair, type CasebookNotice, type Session, type Status } from '../domain/casebook/session';
import { CasebookError } from '../domain/shared/errors';
import type { CommandContext, GlobalOptions, UnlockNeeds } from './command';

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

/** How long a command that must write waits for another command-line run to finish with the casebook. */
const WAIT_FOR_COMMAND_MS = 120_000;
const POLL_MS = 150;

export async function unlockAs(
  ctx: Pick<CommandContext, 'global' | 'call' | 'warn'>,
  passphrase: () => Promise<string>,
  o: UnlockNeeds,
): Promise<Session> {
  await storeMustExist(ctx.global);
  let status = await ctx.call('getStatus', {});
  if (status.state === 'uninitialised') throw noCasebook(ctx.global);
  const named = whoIsNamed(ctx.global, status);
  const typed = await passphrase();
  const userId = userNamed(status, named);
  const deadline = Date.now() + WAIT_FOR_COMMAND_MS;
  let told = false;
  for (;;) {
    // Another command-line run holds the casebook for seconds: a command that must write waits
    // its turn (scripts run several at once). The desktop app holds it for a whole session, so
    // waiting for it would only keep the person waiting for nothing.
    while (o.writes && status.heldBy?.program === 'command line' && Date.now() < deadline) {
      if (!told) ctx.warn('Waiting for another casebook command to finish with the casebook…');
      told = true;
      await new Promise((r) => setTimeout(r, POLL_MS + Math.random() * POLL_MS));
      status = await ctx.call('getStatus', {});
    }
    const session = await ctx.call('unlock', { userId, passphrase: typed });
    if (o.capability && !can(session.user.role, o.capability)) {
      const role = ROLE_LABELS[session.user.role].toLowerCase();
      throw new CasebookError('FORBIDDEN', `${refusalFor(o.capability).slice(0, -1)}; ${session.user.name} is ${/^[aeiou]/.test(role) ? 'an' : 'a'} ${role}.`);
    }
    for (const notice of session.notices) if (notice.kind !== 'in-use') tellNotice(ctx, notice);
    if (!session.readOnly || (o.repairs && needsRepair(session))) return session;
    // Whoever holds it now (the status taken before unlocking may be out of date).
    const after = await ctx.call('getStatus', {});
    const h = after.heldBy;
    if (o.writes && h?.program === 'command line' && Date.now() < deadline) {
      await ctx.call('lock', {});
      status = await ctx.call('getStatus', {});
      continue;
    }
    const inUse = session.notices.some((n) => n.kind === 'in-use');
    const holder = h ? `${h.name ?? h.user} on ${h.host} (since ${h.since})` : 'another copy of RJ Casebook';
    if (o.writes) {
      if (inUse) throw new CasebookError('STORE_IN_USE', `The casebook is in use by ${holder}, so you cannot ${o.doing} now. Close it there and try again.`, h ? { holder: h } : {});
      throw new CasebookError('READ_ONLY', `The casebook is open read-only, so you cannot ${o.doing}. ${session.notices.map((n) => n.message).join(' ')}`);
    }
    if (inUse) ctx.warn(`Note: the casebook is in use by ${holder}; reading only.`);
    return session;
  }
}

/** A notice the session carries, on stderr, with the files an administrator should look at. */
function tellNotice(ctx: Pick<CommandContext, 'warn'>, notice: CasebookNotice): void {
  ctx.warn(`Warning: ${notice.message}`);
  for (const p of notice.problems) ctx.warn(`  ${p.file} ${p.message}`);
}
