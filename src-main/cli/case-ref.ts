import { CaseIdSchema } from '../domain/cases/case';
import { CasebookError } from '../domain/shared/errors';
import type { CommandContext } from './command';
import { printable } from './output';

/** The case a reference (RJ-2026-0042, any case) or a case id names, looked up in the case list. */
export async function caseIdOf(ctx: Pick<CommandContext, 'call'>, ref: string): Promise<string> {
  if (CaseIdSchema.safeParse(ref).success) return ref;
  const rows = await ctx.call('listCases', { query: ref.slice(0, 200) });
  const id = rows.find((c) => c.reference.toUpperCase() === ref.toUpperCase())?.id;
  if (!id) throw new CasebookError('NOT_FOUND', `No case has the reference ${printable(ref)}. See the references with "casebook cases list".`);
  return id;
}
