import type { SyncProblem } from '../../domain/sync/status';
import type { PouchDatabase } from '../../store/pouch';
import { generation, type EngineState } from './state';

/**
 * What the server holds, compared with what it held when this computer last synced (issue 16):
 * a document it no longer has was dropped; one at an older revision than it had was rolled back
 * (a server restored from an old backup, or one that lies). Either is named and sent again from
 * this computer's copy; nothing from such a server replaces local data, because an older
 * revision is already in this computer's history and never becomes its current one.
 */
export async function checkServer(remote: PouchDatabase, state: EngineState, labelOf: (id: string) => string): Promise<{ problems: SyncProblem[]; repair: string[] }> {
  const known = Object.entries(state.server);
  if (known.length === 0) return { problems: [], repair: [] };
  const held = new Map<string, string>();
  const all = await remote.allDocs();
  for (const row of all.rows) if (!row.value.deleted) held.set(row.id, row.value.rev);
  const problems: SyncProblem[] = [];
  const repair: string[] = [];
  for (const [id, rev] of known) {
    const now = held.get(id);
    if (now === undefined) {
      problems.push({ record: labelOf(id), message: 'The server no longer has this record (it may have lost it, or been restored from an old backup). This computer kept its copy and sent it again.' });
      repair.push(id);
    } else if (generation(now) < generation(rev)) {
      problems.push({ record: labelOf(id), message: 'The server holds an older version of this record than it did at the last sync (it may have been restored from an old backup). This computer kept its own and sent it again.' });
      repair.push(id);
    }
  }
  return { problems, repair };
}
