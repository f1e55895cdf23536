import { CasebookError } from '../../domain/shared/errors';
import { ok, type CommandDef } from '../command';

/**
 * When the casebook's files do not match its last save it opens read-only. After looking at
 * what `casebook verify` lists and deciding not to restore a backup, an administrator keeps the
 * files as they are: the casebook is sealed afresh from them and the decision is recorded.
 */
export const accept: CommandDef = {
  words: ['accept-as-it-is'],
  summary: 'Keep a casebook whose files do not match its last save, instead of restoring a backup',
  options: {
    yes: { type: 'boolean', description: 'Confirm that you have looked at what does not match and decided not to restore a backup' },
  },
  help:
    'Run "casebook verify" first to see which files do not match, and consider "casebook restore --from FILE".\n' +
    'Accepting keeps whatever is in the folder now, including any file that was rolled back or lost.',
  async run(ctx) {
    if (ctx.options.yes !== true) {
      throw new CasebookError('INVALID_INPUT', 'Add --yes to confirm that you have decided to keep the casebook as it is rather than restore a backup.');
    }
    await ctx.unlock({ writes: true, repairs: true, capability: 'accept-casebook-as-it-is', doing: 'accept the casebook as it is' });
    const session = await ctx.call('acceptCasebookAsItIs', { confirm: true });
    return ok({ accepted: true, readOnly: session.readOnly }, 'The casebook is sealed as it is now and can be changed again. The decision is in the audit trail.');
  },
};
