import { CasebookError } from '../../domain/shared/errors';
import { requireOption } from '../args';
import { ok, type CommandDef } from '../command';
import { plural, oneLine } from '../output';
import { changeTitle, changesText } from './sync-words';

/**
 * Changes to resolve from a terminal: a field changed two ways on different computers is
 * listed with both versions (numbered from 1, as people count), and one is kept.
 */
export const conflictsList: CommandDef = {
  words: ['conflicts', 'list'],
  summary: 'Fields changed two ways on different computers, each version numbered, the one kept for now marked',
  options: {},
  help: 'With --json the value is the list exactly: [ { id, record: { kind, label, caseId? }, field, versions: [ { text, from } ], kept } ] (kept counts from 0).',
  async run(ctx) {
    await ctx.unlock({ writes: false, capability: 'use-casebook', doing: 'see the changes to resolve' });
    const changes = await ctx.call('listChangesToResolve', {});
    return ok(changes, changesText(changes));
  },
};

export const conflictsResolve: CommandDef = {
  words: ['conflicts', 'resolve'],
  summary: 'Keep one version of a field changed two ways',
  args: [{ name: 'ID', description: 'the change, as "casebook conflicts list" shows it' }],
  options: { keep: { type: 'string', value: 'N', description: 'The number of the version to keep, as "conflicts list" numbers them (from 1)', required: true } },
  async run(ctx) {
    const id = (ctx.args[0] as string).trim();
    const typed = requireOption(conflictsResolve, ctx.options, 'keep').trim();
    if (!/^\d{1,2}$/.test(typed) || Number(typed) < 1) throw new CasebookError('USAGE', `--keep is the number of a version as "casebook conflicts list" shows it: 1, 2…; "${typed}" is not one.`);
    const keep = Number(typed);
    await ctx.unlock({ writes: true, capability: 'use-casebook', doing: 'resolve a change' });
    const change = (await ctx.call('listChangesToResolve', {})).find((c) => c.id === id);
    if (!change) throw new CasebookError('NOT_FOUND', `There is no change to resolve called "${oneLine(id)}" (it may have been resolved on another computer). See them with "casebook conflicts list".`);
    const version = change.versions[keep - 1];
    if (!version) throw new CasebookError('USAGE', `That change has ${plural(change.versions.length, 'version')}: --keep 1${change.versions.length > 2 ? ` to ${change.versions.length}` : ' or 2'}.`);
    const left = await ctx.call('resolveChange', { id, choice: keep - 1 });
    const rest = left.length === 0 ? 'Nothing else to resolve.' : `${plural(left.length, 'change')} still to resolve.`;
    return ok(left, `Kept version ${keep} (“${oneLine(version.text)}” from ${oneLine(version.from)}) for ${changeTitle(change)}. ${rest}`);
  },
};
