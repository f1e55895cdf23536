import { mergeLeaves } from './merge-leaves';
import { mergeLocalChange } from './local-merge';
import { localMarkers } from './records';
import type { SyncProblem } from '../../domain/sync/status';
import { kindOf, type Team } from '../../domain/sync/team';
import type { PouchDatabase } from '../../store/pouch';
import type { Store } from '../../store/store';
import { docIdOf, openDoc, type Payload } from './doc-codec';
import { labelOf } from './labels';
import type { Received } from './apply-records';
import type { EngineState } from './state';

/**
 * What arrived in the mirror since this computer last looked (issue 16), made ready to apply:
 * each changed document opened (one that does not open with the casebook's key, or whose record
 * does not belong under its id, is named as a problem and left out), and a document changed on
 * two computers merged field by field against their last common revision (domain/sync/merge.ts).
 * The merged record is written as the next revision of the winning branch and the other
 * branches are closed, so every computer that syncs sees the conflict resolved the same way;
 * a field changed two ways stays listed until a person chooses.
 */
export interface Imported {
  received: Received[];
  /** Documents received from elsewhere (not this computer's own writes). */
  pulled: number;
  merged: number;
  problems: SyncProblem[];
}

export async function importChanges(s: Store, db: PouchDatabase, team: Team, state: EngineState, now: string): Promise<Imported> {
  const idKey = Buffer.from(team.idKey, 'base64');
  const out: Imported = { received: [], pulled: 0, merged: 0, problems: [] };
  const feed = await db.changes({ since: state.seq, style: 'all_docs' });
  const referenceOf = (id: string) => s.summaries.get(id)?.reference;
  const markers = feed.results.length > 0 ? await localMarkers(s, team.machineId) : new Map<string, string>();
  for (const change of feed.results) {
    if (change.id.startsWith('_')) continue;
    const leaves = change.changes.map((c) => c.rev);
    if (leaves.length === 1 && state.sent[change.id] === leaves[0]) continue;
    const doc = await db.get(change.id, { conflicts: true });
    const named = (why: string): SyncProblem => ({ record: labelOf(state.keys[change.id] ?? '', referenceOf), message: why });
    let payload: Payload;
    let rev = doc._rev ?? '';
    try {
      if (doc._conflicts && doc._conflicts.length > 0) {
        const m = await mergeLeaves(s, db, doc, team, now);
        if (!m) continue;
        payload = m.payload;
        rev = m.rev;
        out.merged++;
      } else {
        payload = openDoc(s.dk, doc);
      }
    } catch {
      out.problems.push(named('A document from the server could not be opened with this casebook\'s key (it may be damaged, or not from this casebook); this computer kept its own copy.'));
      continue;
    }
    if (!kindOf(payload.key) || docIdOf(idKey, payload.key) !== change.id) {
      out.problems.push(named('A document from the server is not the record it claims to be; this computer kept its own copy.'));
      continue;
    }
    // Changed here since this computer last sent it (a sync cut off after it fetched): merged with what came, never written over.
    if (markers.get(payload.key) !== state.exported[payload.key] && !payload.key.startsWith('audit:') && !payload.key.startsWith('attachment:')) {
      const m = await mergeLocalChange(s, db, team, state.sent[change.id], { id: change.id, rev, payload }, now);
      payload = m.payload;
      rev = m.rev;
      out.merged++;
    }
    state.keys[change.id] = payload.key;
    state.sent[change.id] = rev;
    state.server[change.id] = rev;
    if (payload.by.machine !== team.machineId) out.pulled++;
    state.heads[payload.by.machine] = Math.max(state.heads[payload.by.machine] ?? 0, payload.by.auditSeq);
    const listed = state.toResolve.includes(change.id);
    if (payload.conflicts.length > 0 && !listed) state.toResolve.push(change.id);
    if (payload.conflicts.length === 0 && listed) state.toResolve = state.toResolve.filter((x) => x !== change.id);
    out.received.push({ key: payload.key, value: payload.value });
  }
  state.seq = feed.last_seq;
  return out;
}

