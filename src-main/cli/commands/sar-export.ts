import { SubjectAccessIdSchema } from '../../domain/data-protection/subject-access/request';
import { CasebookError } from '../../domain/shared/errors';
import { requireOption } from '../args';
import { ok, type CommandDef } from '../command';
import { mustNotExist } from '../files';
import { formatBytes, plural } from '../output';

/**
 * The subject access bundle for a request, from the command line: everything the casebook holds
 * about the person, other people redacted, checked on its final bytes for anyone else's name and
 * only then written. The save is logged on the request and in the audit trail. A PDF password is
 * not taken on the command line (it would stay in the shell's history): protect it in the app.
 */
export const sarExport: CommandDef = {
  words: ['sar', 'export'],
  summary: 'Write the subject access bundle for a request as PDF or JSON',
  options: {
    request: { type: 'string', value: 'ID', description: 'The request, by its number in the register (sar_…)', required: true },
    format: { type: 'string', value: 'pdf|json', description: 'A readable PDF, or JSON for another program', required: true },
    out: { type: 'string', value: 'FILE', description: 'Where to write it (must not exist yet, unless --force)', required: true },
    force: { type: 'boolean', description: 'Replace FILE if it exists' },
  },
  help: 'The cases must be ticked on the request as this person’s first. Nothing is written if anyone else’s name, date of birth or\ncontact details would be in the file. Administrators and coordinators only.',
  async run(ctx) {
    const request = requireOption(sarExport, ctx.options, 'request');
    const format = requireOption(sarExport, ctx.options, 'format');
    const shown = requireOption(sarExport, ctx.options, 'out');
    if (!SubjectAccessIdSchema.safeParse(request).success) throw new CasebookError('USAGE', '--request is a request number from the register, like sar_k3j9x2m4p8');
    if (format !== 'pdf' && format !== 'json') throw new CasebookError('USAGE', '--format is pdf or json');
    const out = ctx.resolvePath(shown);
    const force = ctx.options.force === true;
    if (!force) await mustNotExist(out, shown);
    await ctx.unlock({ writes: true, capability: 'manage-subject-access', doing: 'answer subject access requests' });
    ctx.saveTo(out, shown, { force });
    const r = await ctx.call('saveSubjectAccessBundle', { requestId: request, format });
    const bytes = ctx.written() ?? r.bytes;
    return ok(
      { file: out, ...r, bytes },
      `Wrote the subject access bundle (${plural(r.cases, 'case')}, ${r.pages ? `${plural(r.pages, 'page')}, ` : ''}${formatBytes(bytes)}) to ${shown}. ${plural(r.redactions, 'piece')} of information about other people ${r.redactions === 1 ? 'was' : 'were'} redacted; nobody else is named in it.`,
    );
  },
};
