import { CasebookError } from '../../domain/shared/errors';
import { ok, type CommandDef } from '../command';
import { printable } from '../output';

/**
 * After a suspected leak, a new data key for the whole casebook (the contract's rotateDataKey,
 * as Settings does it): every file and backup kept here is re-encrypted, a new recovery key is
 * shown once, and each person named in --keep gets a new passphrase typed on the terminal; anyone
 * else who could unlock is taken off. The old recovery key and every old passphrase stop working.
 */
export const keyRotate: CommandDef = {
  words: ['key', 'rotate'],
  summary: 'After a suspected leak: change the key of the whole casebook and get a new recovery key',
  options: {
    keep: { type: 'string', value: 'NAMES', description: 'People who keep access, separated by commas; each is given a new passphrase you type (everyone else is taken off)' },
    yes: { type: 'boolean', description: 'Confirm: the old recovery key and everyone else’s passphrase stop working' },
  },
  help:
    'Your own passphrase stays as it is (you are asked for it again to confirm). Each person in --keep needs a new\n' +
    'passphrase, typed twice on the terminal; tell it to them in person. Anyone not in --keep is taken off and can be\n' +
    'added again later. The new recovery key is shown once: the old one no longer opens the casebook.',
  async run(ctx) {
    if (ctx.options.yes !== true) {
      throw new CasebookError('INVALID_INPUT', 'Add --yes to confirm: the old recovery key and the passphrases of everyone not in --keep stop working.');
    }
    const session = await ctx.unlock({ writes: true, capability: 'rotate-data-key', doing: 'change the key' });
    const users = await ctx.call('listUsers', {});
    const wanted = typeof ctx.options.keep === 'string' ? ctx.options.keep.split(',').map((n) => n.trim()).filter((n) => n.length > 0) : [];
    const kept = wanted.map((name) => {
      const u = users.find((x) => x.name.toLocaleLowerCase('en-GB') === name.toLocaleLowerCase('en-GB'));
      if (!u) throw new CasebookError('USAGE', `No one called ${printable(name)} can unlock this casebook; nothing was changed. Run "casebook key rotate --help".`);
      if (u.id === session.user.id) throw new CasebookError('USAGE', 'Your own passphrase stays as it is: leave yourself out of --keep. Nothing was changed.');
      return u;
    });
    const passphrase = await ctx.passphrase({ confirm: false });
    const others = [];
    for (const u of kept) others.push({ userId: u.id, passphrase: await ctx.newPassphraseFor(printable(u.name)) });
    const done = await ctx.call('rotateDataKey', { passphrase, others });
    const text = [
      'The casebook’s key was changed: every file was encrypted again with a new key.',
      ...(kept.length ? [`${kept.map((u) => printable(u.name)).join(', ')} can unlock with the new passphrase you gave them; their old one no longer works.`] : []),
      ...(done.removed.length ? [`Taken off (they can no longer unlock; add them again if they should): ${done.removed.map(printable).join(', ')}.`] : []),
      ...(done.backupsLeft ? [`${done.backupsLeft} backup(s) kept here could not be encrypted again and open only with the old key: they cannot be restored over this casebook.`] : []),
      '',
      'NEW RECOVERY KEY (shown now and never again):',
      '',
      `    ${done.recoveryKey}`,
      '',
      'The old recovery key NO LONGER WORKS. Destroy it, and store this new one in its place:',
      'write it down or print it now and keep it somewhere safe away from this computer.',
    ].join('\n');
    return ok({ recoveryKey: done.recoveryKey, kept: kept.map((u) => u.name), removed: done.removed, backupsLeft: done.backupsLeft, oldRecoveryKeyWorks: false }, text);
  },
};
