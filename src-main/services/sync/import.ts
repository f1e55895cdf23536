import { mergeMany, type Conflict, type Json, type Side } from '../../domain/sync/merge';
import { resolveConflict } from '../../domain/sync/resolve';
import type { SyncProblem } from '../../domain/sync/status';
import { kindOf, type Team } from '../../domain/sync/team';
import type { PouchDatabase, PouchDoc } from '../../store/pouch';
import type { Store } from '../../store/store';
import { docIdOf, openDoc, sealDoc, sealIds, type Payload } from './doc-codec';
import { keyringPublic } from './keyring-doc';
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

/**
 * The timeline (entries without ids) and lists of labels merge as sets; other lists of plain
 * values are one value.
 */
const SETS = new Set(['timeline', 'sensitive', 'tags']);
const isSet = (path: (string | { id: string })[]) => {
  const last = path[path.length - 1];
  return typeof last === 'string' && SETS.has(last);
};

/** When each side last saved is bookkeeping, not a change to choose between: the later one stands. */
function settleBookkeeping(merged: Json | undefined, conflicts: Conflict[]): { merged: Json | undefined; conflicts: Conflict[] } {
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

export async function importChanges(s: Store, db: PouchDatabase, team: Team, state: EngineState, now: string): Promise<Imported> {
  const idKey = Buffer.from(team.idKey, 'base64');
  const out: Imported = { received: [], pulled: 0, merged: 0, problems: [] };
  const feed = await db.changes({ since: state.seq, style: 'all_docs' });
  const referenceOf = (id: string) => s.summaries.get(id)?.reference;
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

/** The open leaves of a document merged over their last common revision; the result written as the winner's next revision. */
async function mergeLeaves(s: Store, db: PouchDatabase, winner: PouchDoc, team: Team, now: string): Promise<{ payload: Payload; rev: string } | undefined> {
  const id = winner._id;
  const revs = await db.get(id, { open_revs: 'all', revs: true });
  const leaves = revs.map((r) => r.ok).filter((d): d is PouchDoc => d !== undefined && !d._deleted);
  const opened: { doc: PouchDoc; payload: Payload }[] = [];
  for (const doc of leaves) {
    try {
      opened.push({ doc, payload: openDoc(s.dk, doc) });
    } catch {
      // A leaf that does not open is closed with the others; it was never this casebook's.
    }
  }
  const first = opened[0];
  if (!first) throw new Error('no leaf opens');
  const base = await commonAncestor(s, db, id, leaves);
  const sides: Side[] = opened.map(({ doc, payload }) => ({ value: payload.value ?? undefined, origin: { machine: payload.by.machine, rev: doc._rev ?? '', userName: payload.by.user, at: payload.at } }));
  const raw = mergeMany(base?.value ?? undefined, sides, { winnerRev: winner._rev ?? '', isSet });
  const m = settleBookkeeping(raw.merged, raw.conflicts);
  const conflicts = mergeConflictLists(base?.conflicts ?? [], opened.map((o) => o.payload.conflicts), m.conflicts);
  const payload: Payload = { v: 1, key: first.payload.key, value: m.merged ?? null, conflicts, by: { machine: team.machineId, user: s.user.name, auditSeq: s.audit.count }, at: now };
  const losers = leaves.filter((d) => d._rev !== winner._rev).map((d) => ({ _id: id, _rev: d._rev, _deleted: true }));
  const results = await db.bulkDocs([{ _id: id, _rev: winner._rev, ...sealDoc(s.dk, id, payload), ...(payload.key === 'keyring' ? { public: keyringPublic(s.keyring), ids: sealIds(s.dk, team.idKey) } : {}) }, ...losers]);
  const rev = results[0]?.rev;
  if (!rev) return undefined;
  return { payload, rev };
}

/** The newest revision every leaf descends from, opened; undefined when its body is no longer kept. */
async function commonAncestor(s: Store, db: PouchDatabase, id: string, leaves: PouchDoc[]): Promise<Payload | undefined> {
  const histories = leaves.map((d) => {
    const r = d._revisions;
    return r ? new Map(r.ids.map((rid, i) => [`${r.start - i}-${rid}`, r.start - i])) : new Map<string, number>();
  });
  const [head, ...rest] = histories;
  if (!head) return undefined;
  const shared = [...head].filter(([rev]) => rest.every((h) => h.has(rev))).sort((a, b) => b[1] - a[1])[0];
  if (!shared) return undefined;
  try {
    return openDoc(s.dk, await db.get(id, { rev: shared[0] }));
  } catch {
    return undefined;
  }
}

/**
 * Changes to resolve merge as a set by id against the common revision: one resolved on any
 * computer (gone from its list, there in the base) is gone; one new anywhere is kept; this
 * merge's own conflicts replace any listed for the same field.
 */
function mergeConflictLists(base: Conflict[], lists: Conflict[][], fresh: Conflict[]): Conflict[] {
  const inBase = new Set(base.map((c) => c.id));
  const resolvedSomewhere = new Set([...inBase].filter((id) => lists.some((l) => !l.some((c) => c.id === id))));
  const byId = new Map<string, Conflict>();
  for (const l of lists) for (const c of l) if (!resolvedSomewhere.has(c.id)) byId.set(c.id, c);
  for (const c of fresh) byId.set(c.id, c);
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export type { Json };
