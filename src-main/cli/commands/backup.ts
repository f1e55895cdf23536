import { requireOption } from '../args';
import { ok, type CommandDef } from '../command';
import { mustNotExist } from '../files';
import { formatBytes } from '../output';

/** A single-file copy of the whole store, still encrypted, for taking off the machine. */
export const backup: CommandDef = {
  words: ['backup'],
  summary: 'Write an encrypted backup of the whole casebook to one file',
  options: {
    out: { type: 'string', value: 'FILE', description: 'Where to write the backup file (must not exist yet)', required: true },
  },
  async run(ctx) {
    const shown = requireOption(backup, ctx.options, 'out');
    const out = ctx.resolvePath(shown);
    await mustNotExist(out, shown);
    await ctx.unlock({ writes: true, capability: 'manage-backups', doing: 'take a backup' });
    ctx.saveTo(out, shown);
    const { bytes } = await ctx.call('saveBackupCopy', {});
    return ok(
      { file: out, bytes },
      `Wrote an encrypted backup to ${shown} (${formatBytes(bytes)}).\nIt can be restored only with a passphrase or the recovery key of this casebook.`,
    );
  },
};
