import { CasebookError } from '../../domain/shared/errors';
import { ok, type CommandDef } from '../command';
import { printable } from '../output';

/**
 * Someone leaves (issue 16): their login is deactivated and the casebook's key changes with it
 * (the contract's deactivateUser, as Settings does it). The new key is sealed to everyone who
 * stays, so nobody needs a new passphrase; in a team the other computers take it at their next sync.
 */
export const userDeactivate: CommandDef = {
  words: ['user', 'deactivate'],
  summary: 'Deactivate a person’s login and change the casebook’s key, so a copy they kept reads nothing written after',
  args: [{ name: 'NAME', description: 'the person, as the unlock screen names them' }],
  options: {
    yes: { type: 'boolean', description: 'Confirm: their passphrase stops opening the casebook, and every file is encrypted again' },
  },
  help:
    'They stay listed as deactivated (their staff record and their name on records stay) and can be let back in\n' +
    'from Settings with a new passphrase. Everyone else keeps their passphrase, and the recovery key still works\n' +
    '(a recovery key from before this version is replaced by a new one, shown once).',
  async run(ctx) {
    const name = (ctx.args[0] as string).trim();
    if (!name) throw new CasebookError('USAGE', 'Give the name of the person to deactivate, as the unlock screen shows it. Nothing was changed.');
    if (ctx.options.yes !== true) throw new CasebookError('INVALID_INPUT', `Add --yes to confirm: ${printable(name)}'s passphrase stops opening the casebook, and its key is changed.`);
    await ctx.unlock({ writes: true, capability: 'manage-users', doing: 'deactivate a login' });
    const person = (await ctx.call('listUsers', {})).find((u) => u.name.toLocaleLowerCase('en-GB') === name.toLocaleLowerCase('en-GB') && !u.deactivatedAt);
    if (!person) throw new CasebookError('NOT_FOUND', `No one called ${printable(name)} can unlock this casebook; nothing was changed.`);
    const done = await ctx.call('deactivateUser', { userId: person.id });
    const text = [
      `${printable(person.name)} was deactivated and the casebook’s key was changed: every file was encrypted again with a new key.`,
      'Everyone else unlocks with the passphrase they have; in a team, the other computers take the new key at their next sync.',
      ...(done.alsoDeactivated.length ? [`Also deactivated, because they have not unlocked since this version was installed: ${done.alsoDeactivated.map(printable).join(', ')}. Let them back in from Settings with a new passphrase.`] : []),
      ...(done.backupsLeft ? [`${done.backupsLeft} backup(s) kept here could not be encrypted again and open only with the old key.`] : []),
      ...(done.recoveryKey ? ['', 'NEW RECOVERY KEY (shown now and never again; the old one NO LONGER WORKS):', '', `    ${done.recoveryKey}`, '', 'Write it down or print it now and keep it somewhere safe away from this computer.'] : ['The recovery key is unchanged.']),
    ].join('\n');
    return ok({ deactivated: person.name, alsoDeactivated: done.alsoDeactivated, backupsLeft: done.backupsLeft, recoveryKey: done.recoveryKey || null }, text);
  },
};
