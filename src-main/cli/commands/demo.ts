import { randomInt } from 'node:crypto';
import { CasebookError } from '../../domain/shared/errors';
import { requireOption } from '../args';
import { ok, type CommandDef } from '../command';
import { plural } from '../output';

export const DEMO_MAX_CASES = 100_000;

/** Fill a practice casebook with made-up cases, for training, demonstrations and benchmarks. */
export const demo: CommandDef = {
  words: ['demo'],
  summary: 'Fill a practice casebook with realistic made-up cases',
  options: {
    cases: { type: 'string', value: 'N', description: `How many cases to add (1 to ${DEMO_MAX_CASES})`, required: true },
    seed: { type: 'string', value: 'S', description: 'Any word or number; the same seed gives the same cases (default: random, and printed)' },
    append: { type: 'boolean', description: 'Add to a casebook that already has cases' },
  },
  help: 'Meant for a separate practice casebook: it refuses a casebook that already has cases unless --append is given.',
  async run(ctx) {
    const raw = requireOption(demo, ctx.options, 'cases');
    const count = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
    if (!Number.isSafeInteger(count) || count < 1 || count > DEMO_MAX_CASES) {
      throw new CasebookError('USAGE', `--cases must be a whole number from 1 to ${DEMO_MAX_CASES}, for example --cases 200.`);
    }
    const seed = typeof ctx.options.seed === 'string' && ctx.options.seed !== '' ? ctx.options.seed : String(randomInt(1, 2 ** 31));
    await ctx.unlock({ writes: true, capability: 'add-demo-cases', doing: 'add demo cases' });
    const { imported } = await ctx.call('addDemoCases', { count, seed, ...(ctx.options.append ? { append: true } : {}) }, (done, total) => ctx.progress(`Added ${done} of ${total} demo cases`));
    return ok({ imported, seed }, `Added ${plural(imported, 'made-up case')} (seed ${seed}; the same seed and count give the same cases).`);
  },
};
