import { mergeMany, type Side } from '../../domain/sync/merge';
import type { Team } from '../../domain/sync/team';
import type { PouchDatabase, PouchDoc } from '../../store/pouch';
import type { Store } from '../../store/store';
import { openDoc, outsideOf, sealDoc, type Payload } from './doc-codec';
import { isSet, mergeConflictLists, settleBookkeeping } from './merge-rules';
import { generation } from './state';

/**
 * A document changed on two or more computers (issue 16): its open branches merged field by
 * field over their last common revision, the result written as the next revision of the
 * winning branch and the other branches closed, so every computer that syncs sees the same.
 *
 * The common revision is found in each branch's history *and* in the revisions earlier merges
 * took in (`merged` in the payload): a branch closed by a merge elsewhere is part of the
 * merged result although the revision tree does not show it, and comparing with an older
 * revision would make its changes look like changes of the merge.
 */
const KEEP_MERGED = 200;

export async function mergeLeaves(s: Store, db: PouchDatabase, winner: PouchDoc, team: Team, now: string): Promise<{ payload: Payload; rev: string } | undefined> {
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
  const base = await commonAncestor(s, db, id, opened);
  const sides: Side[] = opened.map(({ doc, payload }) => ({ value: payload.value ?? undefined, origin: { machine: payload.by.machine, rev: doc._rev ?? '', userName: payload.by.user, at: payload.at } }));
  const raw = mergeMany(base?.value ?? undefined, sides, { winnerRev: winner._rev ?? '', isSet });
  const m = settleBookkeeping(raw.merged, raw.conflicts);
  const conflicts = mergeConflictLists(base?.conflicts ?? [], opened.map((o) => o.payload.conflicts), m.conflicts);
  const merged = keepNewest([...opened.flatMap((o) => [o.doc._rev ?? '', ...(o.payload.merged ?? [])])]);
  const payload: Payload = { v: 1, key: first.payload.key, value: m.merged ?? null, conflicts, merged, by: { machine: team.machineId, user: s.user.name, auditSeq: s.audit.count }, at: now };
  const losers = leaves.filter((d) => d._rev !== winner._rev).map((d) => ({ _id: id, _rev: d._rev, _deleted: true }));
  const results = await db.bulkDocs([{ _id: id, _rev: winner._rev, ...sealDoc(s.dk, id, payload), ...outsideOf(payload.key, s.dk, s.keyring, team.idKey) }, ...losers]);
  const rev = results[0]?.rev;
  if (!rev) return undefined;
  return { payload, rev };
}

/** The revisions a merged result holds, newest first, kept to a bounded number. */
export function keepNewest(revs: string[]): string[] {
  return [...new Set(revs.filter(Boolean))].sort((a, b) => generation(b) - generation(a)).slice(0, KEEP_MERGED);
}

/** Every revision a branch holds: its own history, and the histories of the revisions its merges took in. */
async function heldBy(db: PouchDatabase, id: string, doc: PouchDoc, payload: Payload | undefined): Promise<Map<string, number>> {
  const held = new Map<string, number>();
  const add = (r?: { start: number; ids: string[] }) => r?.ids.forEach((rid, i) => held.set(`${r.start - i}-${rid}`, r.start - i));
  add(doc._revisions);
  for (const rev of payload?.merged ?? []) {
    if (held.has(rev)) continue;
    held.set(rev, generation(rev));
    add(await db.get(id, { rev, revs: true }).then((d) => d._revisions, () => undefined));
  }
  return held;
}

type Branch = { doc: PouchDoc; payload: Payload };
/** How far a criss-cross of merges is followed back before the base is taken as unknown. */
const MAX_DEPTH = 3;
const MAX_BASES = 4;

async function branchAt(s: Store, db: PouchDatabase, id: string, rev: string): Promise<Branch | undefined> {
  const doc = await db.get(id, { rev, revs: true }).catch(() => undefined);
  if (!doc) return undefined;
  try {
    return { doc, payload: openDoc(s.dk, doc) };
  } catch {
    return undefined;
  }
}

/**
 * The base to compare the branches with: their newest common revision, or, when merges on
 * different computers crossed and there are several newest ones (neither holds the other), those
 * merged among themselves first, over their own base (a "virtual" base, as git's recursive
 * merge makes). Undefined when nothing common is kept: every difference is then listed.
 */
async function commonAncestor(s: Store, db: PouchDatabase, id: string, branches: Branch[], depth = 0): Promise<Payload | undefined> {
  const held = await Promise.all(branches.map((b) => heldBy(db, id, b.doc, b.payload)));
  const [head, ...rest] = held;
  if (!head) return undefined;
  const shared = [...head].filter(([rev]) => rest.every((h) => h.has(rev))).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const newest: { branch: Branch; held: Map<string, number> }[] = [];
  for (const [rev] of shared) {
    if (newest.some((n) => n.held.has(rev))) continue;
    const branch = await branchAt(s, db, id, rev);
    if (!branch) continue;
    newest.push({ branch, held: await heldBy(db, id, branch.doc, branch.payload) });
    if (newest.length >= MAX_BASES) break;
  }
  const [only, ...others] = newest;
  if (!only) return undefined;
  if (others.length === 0 || depth >= MAX_DEPTH) return only.branch.payload;
  const bases = newest.map((n) => n.branch);
  const under = await commonAncestor(s, db, id, bases, depth + 1);
  const sides: Side[] = bases.map((b) => ({ value: b.payload.value ?? undefined, origin: { machine: b.payload.by.machine, rev: b.doc._rev ?? '' } }));
  const virtual = mergeMany(under?.value ?? undefined, sides, { winnerRev: bases[0]?.doc._rev ?? '', isSet });
  return { ...only.branch.payload, value: virtual.merged ?? null, conflicts: mergeConflictLists(under?.conflicts ?? [], bases.map((b) => b.payload.conflicts), []) };
}
