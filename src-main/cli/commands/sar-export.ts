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
  help:
    'The bundle covers the cases ticked on the request as this person’s. When none are ticked and the request has a date of birth,\n' +
    'the cases where exactly that name and date of birth are recorded are ticked first (recorded, and listed here); without a date\n' +
    'of birth, tick them in the app. Nothing is written if anyone else’s name, date of birth or contact details would be in the file.\n' +
    'Administrators and coordinators only.',
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
    const ticked = await tickByDateOfBirth(ctx, request);
    ctx.saveTo(out, shown, { force });
    const r = await ctx.call('saveSubjectAccessBundle', { requestId: request, format });
    const bytes = ctx.written() ?? r.bytes;
    return ok(
      { file: out, ...r, bytes },
      `${ticked.length ? `Ticked as this person’s, where their name and date of birth are recorded: ${ticked.join(', ')}.\n` : ''}Wrote the subject access bundle (${plural(r.cases, 'case')}, ${r.pages ? `${plural(r.pages, 'page')}, ` : ''}${formatBytes(bytes)}) to ${shown}. ${plural(r.redactions, 'piece')} of information about other people ${r.redactions === 1 ? 'was' : 'were'} redacted; nobody else is named in it.`,
    );
  },
};

/**
 * The command line cannot show a list to tick, so a request logged with a date of birth and no
 * cases ticked takes the cases where that name and exactly that date of birth are recorded, as
 * someone ticking them on screen would, through the same update (recorded in the audit trail).
 */
async function tickByDateOfBirth(ctx: Parameters<CommandDef['run']>[0], id: string): Promise<string[]> {
  const view = await ctx.call('getSubjectAccessRequest', { id });
  const r = view.request;
  if ((r.caseIds?.length ?? 0) > 0) return [];
  if (!r.dateOfBirth) throw new CasebookError('INVALID_INPUT', `${r.number} has no cases ticked and no date of birth to find them by: tick its cases in the app (Subject access, then the request), then export again.`);
  const matching = view.candidates.filter((c) => c.dateOfBirth === r.dateOfBirth);
  if (matching.length === 0) return [];
  const caseIds = [...new Set(matching.map((c) => c.caseId))];
  await ctx.call('updateSubjectAccessRequest', { id, caseIds });
  return [...new Set(matching.map((c) => c.reference))];
}
