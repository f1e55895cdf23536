import type { Team } from '../../domain/sync/team';
import type { PouchDatabase, PouchDoc } from '../../store/pouch';
import type { Store } from '../../store/store';
import { docIdOf, openDoc, outsideOf, sealDoc, type Payload } from './doc-codec';
import { localMarkers, readRecord } from './records';
import type { EngineState } from './state';

/**
 * Local changes into the mirror (issue 16): every record whose marker moved since it was last
 * sent or received becomes a new revision of its document, on top of the revision the mirror
 * holds, so the server sees one document per changed record. Changes still to resolve on a
 * record travel with it until someone chooses.
 */
const CHUNK = 250;

export interface Exported {
  /** Documents written to the mirror. */
  written: number;
  /** Of which records other than this computer's audit trail (whose sending is itself recorded). */
  records: number;
}

export async function exportChanges(s: Store, db: PouchDatabase, team: Team, state: EngineState, now: string): Promise<Exported> {
  const idKey = Buffer.from(team.idKey, 'base64');
  const markers = await localMarkers(s, team.machineId);
  const changed = [...markers].filter(([k, m]) => state.exported[k] !== m).map(([k]) => k);
  // A case removed here (under the retention schedule) is sent as removed.
  const removed = Object.keys(state.exported).filter((k) => k.startsWith('case:') && !markers.has(k));
  const by = { machine: team.machineId, user: s.user.name, auditSeq: s.audit.count };
  let written = 0;
  let records = 0;
  const all = [...changed, ...removed];
  for (let i = 0; i < all.length; i += CHUNK) {
    const keys = all.slice(i, i + CHUNK);
    const ids = keys.map((k) => docIdOf(idKey, k));
    const held = await db.allDocs({ keys: ids, include_docs: true });
    const docs: PouchDoc[] = [];
    for (const [j, key] of keys.entries()) {
      const id = ids[j] ?? '';
      const current = held.rows[j]?.doc;
      const carried = current ? carriedOf(s, current) : { conflicts: [] };
      const value = markers.has(key) ? await readRecord(s, key) : null;
      const payload: Payload = { v: 1, key, value, ...carried, by, at: now };
      docs.push({ _id: id, ...(current?._rev ? { _rev: current._rev } : {}), ...sealDoc(s.dk, id, payload), ...outsideOf(key, s.dk, s.keyring, team.idKey) });
    }
    const results = await db.bulkDocs(docs);
    for (const [j, r] of results.entries()) {
      const key = keys[j] ?? '';
      if (r.error || !r.rev) continue;
      state.sent[r.id] = r.rev;
      state.keys[r.id] = key;
      if (markers.has(key)) state.exported[key] = markers.get(key) ?? '';
      else delete state.exported[key];
      written++;
      if (!key.startsWith('audit:')) records++;
    }
  }
  return { written, records };
}

/** What a new revision keeps of the one it follows: changes still to resolve, and the revisions earlier merges took in. */
function carriedOf(s: Store, doc: PouchDoc): Pick<Payload, 'conflicts' | 'merged'> {
  try {
    const p = openDoc(s.dk, doc);
    return { conflicts: p.conflicts, ...(p.merged ? { merged: p.merged } : {}) };
  } catch {
    return { conflicts: [] };
  }
}
