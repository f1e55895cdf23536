import { ok, type CommandDef } from '../command';
import { plural, printable } from '../output';

/** Decrypt every file and walk the audit chain; exit 5 when anything is wrong. */
export const verify: CommandDef = {
  words: ['verify'],
  summary: 'Check that every file decrypts and the audit trail is unbroken',
  options: {},
  help: 'Exits with 5 if any file is damaged or the audit trail has been tampered with.',
  async run(ctx) {
    await ctx.unlock({ writes: false, capability: 'verify-casebook', doing: 'verify the casebook' });
    const result = await ctx.call('verifyStore', {});
    if (result.ok && result.problems.length === 0) {
      return ok(result, `No problems found: every file decrypts and the audit trail (${plural(result.entries, 'entry', 'entries')}) is unbroken.`);
    }
    const lines = result.problems.map((p) => `  ${printable(p.file)}: ${printable(p.message)}`);
    const message = `Found ${plural(result.problems.length, 'problem')} in the casebook.`;
    const text = [
      message,
      ...lines,
      '',
      'Do not change anything yet. Restore the newest backup that verifies ("casebook restore --from FILE"),',
      'or keep a copy of the whole folder and ask for help.',
    ].join('\n');
    return { ok: false, code: 'CORRUPT', message, details: { entries: result.entries, problems: result.problems }, text };
  },
};
