import { toCaseFile } from '../../services/casebook/case-import';
import { requireOption } from '../args';
import { ok, type CommandDef } from '../command';
import { mustNotExist, writePrivateFile } from '../files';
import { formatBytes, plural } from '../output';

/** Every case as plain JSON, in the import format, for moving to another casebook or system. */
export const exportCases: CommandDef = {
  words: ['export'],
  summary: 'Write every case to a JSON file in the import format (NOT encrypted)',
  options: {
    out: { type: 'string', value: 'FILE', description: 'Where to write the JSON file (must not exist yet)', required: true },
  },
  help: 'Administrators only; the export is recorded in the audit trail. The file is readable only by you (mode 0600),\nbut it is not encrypted: keep it on an encrypted drive and delete it when done.',
  async run(ctx) {
    const shown = requireOption(exportCases, ctx.options, 'out');
    const out = ctx.resolvePath(shown);
    // Refuse before exporting, so an unwritable name does not leave an export in the audit trail.
    await mustNotExist(out, shown);
    const { service } = await ctx.unlock({ writes: false, roles: ['administrator'], doing: 'export cases' });
    const cases = await service.exportCases();
    const bytes = await writePrivateFile(out, shown, JSON.stringify(toCaseFile(cases, ctx.io.now()), null, 2) + '\n');
    ctx.warn(
      `Warning: ${shown} is NOT encrypted. It holds personal and criminal-offence data about ${plural(cases.length, 'case')}.\n` +
        'Keep it on an encrypted drive, share it only through a secure channel, and delete it when you no longer need it.',
    );
    return ok({ file: out, cases: cases.length, bytes, encrypted: false }, `Exported ${plural(cases.length, 'case')} to ${shown} (${formatBytes(bytes)}).`);
  },
};
