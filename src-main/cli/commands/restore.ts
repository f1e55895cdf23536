import { CasebookError } from '../../domain/shared/errors';
import { requireOption } from '../args';
import { ok, type CommandContext, type CommandDef } from '../command';
import { fileSize } from '../files';

/**
 * Replace the store with a backup file. Normally as an unlocked administrator (the backup is
 * checked with the current key, and the restore is audit-logged). When the casebook will not
 * open, or the folder is empty (a new computer), the passphrase must open the backup itself.
 */
export const restore: CommandDef = {
  words: ['restore'],
  summary: 'Replace the casebook with a backup file, after checking it',
  options: {
    from: { type: 'string', value: 'FILE', description: 'The backup file written by "casebook backup"', required: true },
    'recover-what-opens': { type: 'boolean', description: 'When cases in the backup do not open, restore everything else without them (they are listed by reference)' },
  },
  help:
    'The backup is checked before anything is replaced, and what is there now is kept as a backup first.\n' +
    'If the casebook is damaged and will not open, or the folder is empty (a new computer), give --user NAME\n' +
    'and the passphrase that person had when the backup was taken.\n' +
    'A backup with cases that do not open is refused, listing them; add --recover-what-opens to restore the rest.',
  async run(ctx) {
    const shown = requireOption(restore, ctx.options, 'from');
    const from = ctx.resolvePath(shown);
    await fileSize(from, shown);
    ctx.readFrom(from, shown);
    const partial = ctx.options['recover-what-opens'] === true;
    const done = (how: string, lost: string[] | undefined) =>
      ok(
        { restored: true, file: from, how, ...(lost ? { lost } : {}) },
        `Restored the casebook from ${shown}.${lost?.length ? ` These cases did not open and were left out: ${lost.join(', ')}.` : ''} Unlock it again to carry on.`,
      );

    const status = await ctx.call('getStatus', {});
    if (status.state === 'uninitialised') {
      return done('locked', await restoreLocked(ctx, status.users.length === 1 ? status.users[0]?.name : undefined, partial));
    }
    try {
      await ctx.unlock({ writes: true, repairs: true, capability: 'manage-backups', doing: 'restore a backup' });
    } catch (e) {
      // Only a casebook too damaged to open falls back; a wrong passphrase or role does not.
      if (!(e instanceof CasebookError) || e.code !== 'CORRUPT') throw e;
      ctx.warn(`The casebook does not open (${e.message}). Restoring with the passphrase that opens the backup instead.`);
      return done('locked', await restoreLocked(ctx, status.users.length === 1 ? status.users[0]?.name : undefined, partial));
    }
    return done('unlocked', (await ctx.call('restoreBackupFile', { partial })).lost);
  },
};

async function restoreLocked(ctx: CommandContext, onlyUser: string | undefined, partial: boolean): Promise<string[] | undefined> {
  const who = ctx.global.user ?? onlyUser;
  if (!who) throw new CasebookError('USAGE', 'Say whose passphrase opens the backup with --user NAME (or CASEBOOK_USER).');
  return (await ctx.call('restoreFileWhileLocked', { user: who, passphrase: await ctx.passphrase({ confirm: false }), partial })).lost;
}
