import { can, requireCapability } from '../../domain/access/capabilities';
import { CasebookError } from '../../domain/shared/errors';
import type { Conflict, Origin } from '../../domain/sync/merge';
import { pathWords, valueWords } from '../../domain/sync/conflict-words';
import { resolveConflict } from '../../domain/sync/resolve';
import type { ChangeToResolve } from '../../domain/sync/status';
import type { Machines } from '../../domain/sync/team';
import type { Store } from '../../store/store';
import type { Mirror } from '../../store/sync-mirror';
import { mayOpenRow } from '../cases/case-access';
import { openDoc, type Payload } from './doc-codec';
import { recordOf } from './labels';

/**
 * "Changes to resolve" (issue 16): each field changed two ways on different computers, both
 * versions side by side with who changed it where and when. A person sees only those on
 * records they may see: cases they may open, and everything else only if they administer the
 * casebook. Choosing writes the chosen value as the record's next revision (through the same
 * checks as a received record), with the change gone from the list on every computer.
 */
const when = (iso?: string) => (iso ? new Date(iso).toLocaleString('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }) : '');

export function fromWords(o: Origin, machines: Machines): string {
  const m = machines.machines.find((x) => x.id === o.machine);
  const where = m ? `computer ${m.number + 1} (${m.name})` : 'another computer';
  return [o.userName ? `${o.userName} on ${where}` : `On ${where}`, when(o.at)].filter(Boolean).join(', ');
}

export interface Listed {
  docId: string;
  payload: Payload;
  conflict: Conflict;
  change: ChangeToResolve;
}

export async function listChanges(s: Store, mirror: Mirror, docIds: string[], machines: Machines): Promise<Listed[]> {
  const out: Listed[] = [];
  for (const docId of docIds) {
    let payload: Payload;
    try {
      payload = openDoc(s.dk, await mirror.db.get(docId));
    } catch {
      continue;
    }
    const record = recordOf(payload.key, (id) => s.summaries.get(id)?.reference);
    if (!maySee(s, payload.key)) continue;
    for (const conflict of payload.conflicts) {
      out.push({
        docId,
        payload,
        conflict,
        change: {
          id: `${docId}.${conflict.id}`,
          record,
          field: pathWords(conflict.path, payload.value ?? undefined).slice(0, 500) || 'The whole record',
          versions: conflict.versions.map((v) => ({ text: valueWords(v.value).slice(0, 2000), from: fromWords(v.origin, machines).slice(0, 300) })),
          kept: conflict.kept,
        },
      });
    }
  }
  return out;
}

function maySee(s: Store, key: string): boolean {
  if (!key.startsWith('case:')) return can(s.user.role, 'manage-team');
  const row = s.summaries.get(key.slice('case:'.length));
  return row !== undefined && mayOpenRow(s, row);
}

/** The record with the chosen version, and its payload without that change; refused if the person may not change it. */
export function chooseVersion(s: Store, listed: Listed, choice: number): Payload {
  if (listed.payload.key.startsWith('case:')) requireCapability(s.user.role, 'change-cases');
  else requireCapability(s.user.role, 'manage-team');
  if (choice < 0 || choice >= listed.conflict.versions.length) throw new CasebookError('INVALID_INPUT', `Choose one of the ${listed.conflict.versions.length} versions`, { issues: [{ path: 'choice', message: `Choose one of the ${listed.conflict.versions.length} versions` }] });
  const value = listed.payload.value === null ? null : (resolveConflict(listed.payload.value, listed.conflict, choice) ?? null);
  return { ...listed.payload, value, conflicts: listed.payload.conflicts.filter((c) => c.id !== listed.conflict.id) };
}
