import { requireOption } from '../args';
import { ok, type CommandDef } from '../command';
import { mustNotExist } from '../files';
import { formatBytes, plural } from '../output';

/** Every case as plain JSON, in the import format, for moving to another casebook or system. */
export const exportCases: CommandDef = {
  words: ['export'],
  summary: 'Write every case to a JSON file in the import format (NOT encrypted)',
  options: {
    out: { type: 'string', value: 'FILE', description: 'Where to write the JSON file (must not exist yet)', required: true },
  },
  help: 'Administrators only; the export is recorded in the audit trail once the file is written. The file is readable only by you\n(mode 0600), but it is not encrypted: keep it on an encrypted drive and delete it when done.',
  async run(ctx) {
    const shown = requireOption(exportCases, ctx.options, 'out');
    const out = ctx.resolvePath(shown);
    // Refuse before exporting, so an unwritable name costs no passphrase.
    await mustNotExist(out, shown);
    await ctx.unlock({ writes: true, capability: 'export-cases', doing: 'export cases' });
    ctx.saveTo(out, shown);
    const { cases } = await ctx.call('exportCases', {});
    const bytes = ctx.written() ?? 0;
    ctx.warn(
      `Warning: ${shown} is NOT encrypted. It holds personal and criminal-offence data about ${plural(cases, 'case')}.\n` +
        'Keep it on an encrypted drive, share it only through a secure channel, and delete it when you no longer need it.',
    );
    return ok({ file: out, cases, bytes, encrypted: false }, `Exported ${plural(cases, 'case')} to ${shown} (${formatBytes(bytes)}).`);
  },
};
