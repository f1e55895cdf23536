import type { Conflict, Json } from '../../domain/sync/merge';
import { resolveConflict } from '../../domain/sync/resolve';

/** How records merge (issue 16), the same in every merge the engine makes. */
/**
 * The timeline (entries without ids) and lists of labels merge as sets; other lists of plain
 * values are one value.
 */
const SETS = new Set(['timeline', 'sensitive', 'tags']);
export const isSet = (path: (string | { id: string })[]) => {
  const last = path[path.length - 1];
  return typeof last === 'string' && SETS.has(last);
};

/** When each side last saved is bookkeeping, not a change to choose between: the later one stands. */
export function settleBookkeeping(merged: Json | undefined, conflicts: Conflict[]): { merged: Json | undefined; conflicts: Conflict[] } {
  let value = merged;
  const rest: Conflict[] = [];
  for (const c of conflicts) {
    const last = c.path[c.path.length - 1];
    if (last === 'updatedAt' && value !== undefined) {
      const times = c.versions.map((v) => (typeof v.value === 'string' ? v.value : ''));
      const latest = times.indexOf([...times].sort().at(-1) ?? '');
      value = resolveConflict(value, c, Math.max(0, latest));
    } else rest.push(c);
  }
  return { merged: value, conflicts: rest };
}

/**
 * Changes to resolve merge as a set by id against the common revision: one resolved on any
 * computer (gone from its list, there in the base) is gone; one new anywhere is kept; this
 * merge's own conflicts replace any listed for the same field.
 */
export function mergeConflictLists(base: Conflict[], lists: Conflict[][], fresh: Conflict[]): Conflict[] {
  const inBase = new Set(base.map((c) => c.id));
  const resolvedSomewhere = new Set([...inBase].filter((id) => lists.some((l) => !l.some((c) => c.id === id))));
  const byId = new Map<string, Conflict>();
  for (const l of lists) for (const c of l) if (!resolvedSomewhere.has(c.id)) byId.set(c.id, c);
  for (const c of fresh) byId.set(c.id, c);
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

