import { checkImportSize, MAX_IMPORT_BYTES, parseCaseFileBytes } from '../../domain/cases/case-file';
import { CasebookError } from '../../domain/shared/errors';
import { londonDate } from '../../domain/time/dates';
import { requireOption } from '../args';
import { ok, type CommandDef } from '../command';
import { fileSize, readBytes } from '../files';
import { plural } from '../output';

/** Bulk-load cases from a JSON file in the format of docs/import-format.md; all or nothing. */
export const importCases: CommandDef = {
  words: ['import'],
  summary: 'Add cases from a JSON file (all of them, or none if any is invalid)',
  options: {
    from: { type: 'string', value: 'FILE', description: 'The JSON file to import (see docs/import-format.md)', required: true },
    check: { type: 'boolean', description: 'Only check the file and list its problems; do not open the casebook' },
  },
  help: 'Every problem in the file is listed with its place, like cases[3].participants[0].person.dateOfBirth.\nCases whose id or reference is already in the casebook are refused, never overwritten.',
  async run(ctx) {
    const shown = requireOption(importCases, ctx.options, 'from');
    const from = ctx.resolvePath(shown);
    // Check the size before reading, so a huge file is refused without filling memory.
    const tooBig = checkImportSize(await fileSize(from, shown));
    if (tooBig) throw new CasebookError('INVALID_INPUT', `${shown}: ${tooBig.message}. Nothing was imported.`);
    // The file is checked first with the rules the import uses, without opening the casebook:
    // its problems cost nobody a passphrase.
    const result = parseCaseFileBytes(await readBytes(from, shown, MAX_IMPORT_BYTES), { today: londonDate(ctx.io.now().toISOString()) });
    if (!result.ok) {
      const what = result.code === 'NEWER_VERSION' ? 'was written by a newer version of RJ Casebook' : `has ${plural(result.problems.length, 'problem')}`;
      throw new CasebookError(result.code, `${shown} ${what}; nothing was imported. Fix them and try again.`, { issues: result.problems });
    }
    if (ctx.options.check) {
      return ok({ checked: true, cases: result.cases.length }, `${shown} is valid: ${plural(result.cases.length, 'case')} ready to import. Nothing was imported.`);
    }
    ctx.readFrom(from, shown);
    await ctx.unlock({ writes: true, capability: 'import-cases', doing: 'import cases' });
    const { imported } = await ctx.call('importCases', {});
    return ok({ imported }, `Imported ${plural(imported, 'case')} from ${shown}.`);
  },
};
