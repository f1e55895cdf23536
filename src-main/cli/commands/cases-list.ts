import { CasebookError } from '../../domain/shared/errors';
import { STAGES, type Stage } from '../../domain/cases/case';
import { ok, type CommandDef } from '../command';
import { plural, table } from '../output';

export const casesList: CommandDef = {
  words: ['cases', 'list'],
  summary: 'List cases, optionally at one stage or matching a search',
  options: {
    stage: { type: 'string', value: 'STAGE', description: `Only cases at this stage: ${STAGES.join(', ')}` },
    search: { type: 'string', value: 'TEXT', description: 'Only cases whose reference, names or details match' },
  },
  async run(ctx) {
    const stage = ctx.options.stage;
    if (stage !== undefined && !(STAGES as readonly unknown[]).includes(stage)) {
      throw new CasebookError('USAGE', `--stage must be one of: ${STAGES.join(', ')}.`);
    }
    const search = typeof ctx.options.search === 'string' ? ctx.options.search : undefined;
    if (search !== undefined && search.length > 200) throw new CasebookError('USAGE', '--search must be at most 200 characters.');
    await ctx.unlock({ writes: false, doing: 'list cases' });
    const list = await ctx.call('listCases', { ...(stage ? { stage: stage as Stage } : {}), ...(search ? { query: search } : {}) });
    if (list.length === 0) return ok(list, 'No cases found.');
    const rows = list.map((c) => [
      c.reference,
      c.exit ? `${c.stage} (${c.exit})` : c.stage,
      c.receivedOn,
      c.source,
      c.offenceCategory + (c.sensitive ? ' *' : ''),
      c.names.join(', '),
    ]);
    const note = list.some((c) => c.sensitive) ? '\n* sensitive case: stricter pathway' : '';
    return ok(list, `${table(['Reference', 'Stage', 'Received', 'Source', 'Offence', 'People'], rows)}\n\n${plural(list.length, 'case')}${note}`);
  },
};
