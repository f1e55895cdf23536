import { CasebookError } from '../../domain/shared/errors';
import { ok, type CommandDef } from '../command';

/**
 * The leak check on any PDF or Word document (an evidence pack, a report written elsewhere)
 * against everyone this casebook names. Exit 0 when nothing is found; exit 7 ("personal data
 * found") when a name, date of birth, phone, e-mail or address from the casebook is in it, or
 * text shaped like personal data (a postcode, an NHS number…). Findings say where and of what
 * kind, never the data itself.
 */
export const packCheck: CommandDef = {
  words: ['pack-check'],
  summary: 'Look in a PDF or Word document for personal data from the casebook (exit 7 if found)',
  args: [{ name: 'FILE', description: 'the PDF or DOCX to check' }],
  options: {},
  help: 'Every participant and referrer of every case is looked for, in the forms people write them\n(without accents, in capitals, possessive, split across a line), and the shapes of postcodes,\nphone numbers, e-mail addresses, NHS and National Insurance numbers and vehicle registrations.',
  async run(ctx) {
    const shown = ctx.args[0] as string;
    ctx.readFrom(ctx.resolvePath(shown), shown);
    await ctx.unlock({ writes: false, capability: 'check-for-personal-data', doing: 'check a document for personal data' });
    const r = await ctx.call('checkFileForPersonalData', {});
    if (!r.clean) throw new CasebookError('PERSONAL_DATA', `${shown}: ${r.message}`, { issues: [...r.known, ...r.patterns].map((f) => ({ path: f.where, message: `${f.kind}${f.count > 1 ? ` (${f.count})` : ''}` })) });
    return ok(r, `${shown}: ${r.message}`);
  },
};
