import { CasebookError } from '../../domain/shared/errors';
import { requireOption } from '../args';
import { ok, type CommandDef } from '../command';
import { mustNotExist } from '../files';
import { formatBytes } from '../output';
import { periodOf, PERIOD_OPTIONS } from '../period';

/**
 * The evidence pack for the RJC, from the command line: built, leak-checked on its final bytes
 * and only then written. A name, date of birth or other identifier from the casebook in it
 * refuses the save with exit 7, naming the places; shapes of personal data the casebook does
 * not list need --waive with a reason, recorded with the person's name.
 */
export const pack: CommandDef = {
  words: ['pack'],
  summary: 'Build the evidence pack for the RJC quality mark or registration, as PDF or DOCX',
  options: {
    framework: { type: 'string', value: 'rsqm|organisation|rsp-renewal', description: 'The framework the pack answers', required: true },
    ...PERIOD_OPTIONS,
    format: { type: 'string', value: 'pdf|docx', description: 'The kind of file', required: true },
    out: { type: 'string', value: 'FILE', description: 'Where to write it (must not exist yet, unless --force)', required: true },
    'case-studies': { type: 'string', value: 'REF,REF…', description: 'Cases to write up, anonymised, as case studies' },
    'audit-size': { type: 'string', value: 'N', description: 'How many case files the audit samples (default 30)' },
    waive: { type: 'string', value: 'REASON', description: 'Keep text that only looks like personal data (a postcode, a phone number), for this reason' },
    force: { type: 'boolean', description: 'Replace FILE if it exists' },
  },
  help: 'Nothing is written when the leak check finds a name, date of birth, phone number, e-mail or address of anyone in the casebook: the\ncommand exits 7 and says where (page and kind), never what. Quality leads and administrators only.',
  async run(ctx) {
    const period = periodOf(pack, ctx.options, 5 * 366);
    const shown = requireOption(pack, ctx.options, 'out');
    const format = requireOption(pack, ctx.options, 'format');
    const framework = requireOption(pack, ctx.options, 'framework');
    const out = ctx.resolvePath(shown);
    const force = ctx.options.force === true;
    if (!force) await mustNotExist(out, shown);
    const studies = typeof ctx.options['case-studies'] === 'string' ? ctx.options['case-studies'].split(',').map((s) => s.trim()).filter(Boolean) : undefined;
    const size = typeof ctx.options['audit-size'] === 'string' ? Number(ctx.options['audit-size']) : undefined;
    if (size !== undefined && !Number.isInteger(size)) throw new CasebookError('USAGE', '--audit-size is a whole number, like 30');
    await ctx.unlock({ writes: true, capability: 'build-evidence-pack', doing: 'build an evidence pack' });
    ctx.saveTo(out, shown, { force });
    const r = await ctx.call('saveEvidencePack', {
      framework,
      ...period,
      format: format as 'pdf',
      ...(studies ? { caseStudies: studies } : {}),
      ...(size !== undefined ? { auditSize: size } : {}),
      ...(typeof ctx.options.waive === 'string' ? { waiver: ctx.options.waive } : {}),
    });
    const bytes = ctx.written() ?? r.bytes;
    return ok({ file: out, ...r, bytes }, `Wrote the ${r.title} (${r.pages ? `${r.pages} pages, ` : ''}${formatBytes(bytes)}) to ${shown}. The leak check found no personal data from the casebook.`);
  },
};
