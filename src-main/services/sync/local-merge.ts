import { mergeThreeWay } from '../../domain/sync/merge';
import type { Team } from '../../domain/sync/team';
import type { PouchDatabase } from '../../store/pouch';
import type { Store } from '../../store/store';
import { openDoc, outsideOf, sealDoc, type Payload } from './doc-codec';
import { isSet, settleBookkeeping } from './merge-rules';
import { keepNewest } from './merge-leaves';
import { readRecord } from './records';

/**
 * A record changed on this computer after a sync was cut off, when the mirror meanwhile holds a
 * newer revision from another computer (issue 16): the local change and the received one are
 * merged over the revision this computer last sent or took in, and the result is written as
 * the next revision, so it is applied here and sent on. Without this the received record would
 * replace the local change without a word.
 */
export async function mergeLocalChange(s: Store, db: PouchDatabase, team: Team, lastOwnRev: string | undefined, got: { id: string; rev: string; payload: Payload }, now: string): Promise<{ payload: Payload; rev: string; same?: boolean }> {
  const key = got.payload.key;
  const local = await readRecord(s, key).catch(() => null);
  // The same on both sides (a computer that has just joined, or taken a new key): nothing to merge.
  if (JSON.stringify(local) === JSON.stringify(got.payload.value)) return { payload: got.payload, rev: got.rev, same: true };
  const base = lastOwnRev ? await db.get(got.id, { rev: lastOwnRev }).then((d) => openDoc(s.dk, d), () => undefined) : undefined;
  const me = { machine: team.machineId, rev: 'this-computer', userName: s.user.name, at: now };
  const raw = mergeThreeWay(base?.value ?? undefined, { value: local ?? undefined, origin: me }, { value: got.payload.value ?? undefined, origin: { machine: got.payload.by.machine, rev: got.rev, userName: got.payload.by.user, at: got.payload.at } }, { prefer: 'ours', isSet });
  const m = settleBookkeeping(raw.merged, raw.conflicts);
  const fresh = new Set(m.conflicts.map((c) => c.id));
  const payload: Payload = { ...got.payload, value: m.merged ?? null, conflicts: [...got.payload.conflicts.filter((c) => !fresh.has(c.id)), ...m.conflicts], merged: keepNewest([...(got.payload.merged ?? []), ...(lastOwnRev ? [lastOwnRev] : [])]), by: { machine: team.machineId, user: s.user.name, auditSeq: s.audit.count }, at: now };
  const written = await db.put({ _id: got.id, _rev: got.rev, ...sealDoc(s.dk, got.id, payload), ...outsideOf(key, s.dk, s.keyring, team.idKey) });
  return { payload, rev: written.rev };
}
