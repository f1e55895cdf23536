import { CasebookError } from '../../domain/shared/errors';
import { checkImportSize, parseCaseFileText, type ImportProblem } from '../../services/casebook/case-import';
import { requireOption } from '../args';
import { ok, type CommandDef } from '../command';
import { fileSize, readText } from '../files';
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
    const result = parseCaseFileText(await readText(from, shown));
    if (!result.ok) {
      const what = result.code === 'NEWER_VERSION' ? 'was written by a newer version of RJ Casebook' : `has ${plural(result.problems.length, 'problem')}`;
      throw new CasebookError(result.code, `${shown} ${what}; nothing was imported. Fix them and try again.`, { issues: result.problems });
    }
    const { cases } = result;
    if (ctx.options.check) {
      return ok({ checked: true, cases: cases.length }, `${shown} is valid: ${plural(cases.length, 'case')} ready to import. Nothing was imported.`);
    }

    const { service } = await ctx.unlock({ writes: true, roles: ['administrator'], doing: 'import cases' });
    const existing = service.listCases({});
    const ids = new Set(existing.map((c) => c.id));
    const refs = new Set(existing.map((c) => c.reference));
    const clashes: ImportProblem[] = [];
    cases.forEach((c, i) => {
      if (ids.has(c.id)) clashes.push({ path: `cases[${i}].id`, message: `${c.id} is already in the casebook` });
      if (refs.has(c.reference)) clashes.push({ path: `cases[${i}].reference`, message: `${c.reference} is already in the casebook` });
    });
    if (clashes.length > 0) {
      throw new CasebookError('CONFLICT', `${plural(clashes.length, 'case id or reference', 'case ids or references')} in ${shown} already exist in the casebook; nothing was imported. Existing cases are never overwritten by an import.`, { issues: clashes });
    }
    const { imported } = await service.importCases(cases);
    return ok({ imported }, `Imported ${plural(imported, 'case')} from ${shown}.`);
  },
};
