import { ok, type CommandDef } from '../command';
import { syncResultText } from './sync-words';

/**
 * `casebook sync`: one push and pull with the team's server. When the server cannot be reached
 * the service refuses with a plain message (nothing changed locally), which the dispatcher
 * prints with a non-zero exit; what the server sent wrong is listed, never applied.
 */
export const syncNow: CommandDef = {
  words: ['sync'],
  summary: 'Send this computer\'s changes to the team\'s server and fetch everyone else\'s',
  options: {},
  help: ['With --json the value is the sync result exactly: { at, pushed, pulled, merged, toResolve, problems: [ { record, message } ] }.', 'Exits 8 with the reason when the server cannot be reached, refuses the account or sends something unreadable; nothing is changed here then.'].join('\n'),
  async run(ctx) {
    await ctx.unlock({ writes: true, capability: 'use-casebook', doing: 'sync with the team' });
    const r = await ctx.call('syncNow', {}, (done, total) => ctx.progress(`Syncing: ${done} of ${total}`));
    return ok(r, syncResultText(r));
  },
};
