import { AuditEntrySchema, type AuditEntry } from '../../domain/casebook/audit';
import type { Machines } from '../../domain/sync/team';
import { z } from 'zod';
import { GENESIS, hashEntry } from '../../store/audit-log';
import type { Store } from '../../store/store';
import type { Mirror } from '../../store/sync-mirror';
import { openDoc } from './doc-codec';
import type { EngineState } from './state';

/**
 * Every computer's audit trail, as this computer holds it from the server (issue 16): each one
 * hash-chained on the computer that wrote it, so a part the server dropped (a segment missing,
 * or a trail shorter than the documents from that computer say it reached), reordered or
 * changed breaks its chain here. Problems name the computer, never an entry's contents.
 */
const Segment = z.array(AuditEntrySchema);

export async function verifyTrails(s: Store, mirror: Mirror, state: EngineState, machines: Machines, ownMachine: string): Promise<{ file: string; message: string }[]> {
  const problems: { file: string; message: string }[] = [];
  const byMachine = new Map<string, Map<number, AuditEntry[]>>();
  const docs = Object.entries(state.keys).filter(([, key]) => key.startsWith('audit:'));
  for (const [docId, key] of docs) {
    const [, machine = '', n = '0'] = key.split(':');
    if (machine === ownMachine) continue;
    try {
      const entries = Segment.parse(openDoc(s.dk, await mirror.db.get(docId)).value);
      const m = byMachine.get(machine) ?? new Map<number, AuditEntry[]>();
      m.set(Number(n), entries);
      byMachine.set(machine, m);
    } catch {
      problems.push({ file: trailName(machine, machines), message: `part ${n} of its audit trail could not be read` });
    }
  }
  for (const machine of new Set([...byMachine.keys(), ...Object.keys(state.heads).filter((m) => m !== ownMachine)])) {
    problems.push(...checkChain(trailName(machine, machines), byMachine.get(machine) ?? new Map(), state.heads[machine] ?? 0));
  }
  for (const p of state.problems) problems.push({ file: `team server: ${p.record}`, message: `found at the last sync: ${p.message}` });
  return problems;
}

function trailName(machine: string, machines: Machines): string {
  const m = machines.machines.find((x) => x.id === machine);
  return m ? `audit trail of computer ${m.number + 1} (${m.name})` : `audit trail of computer ${machine.slice(0, 6)}`;
}

function checkChain(name: string, segments: Map<number, AuditEntry[]>, head: number): { file: string; message: string }[] {
  const problems: { file: string; message: string }[] = [];
  const last = Math.max(0, ...segments.keys());
  let prev = GENESIS;
  let expect = 1;
  for (let n = 1; n <= last; n++) {
    const seg = segments.get(n);
    if (!seg) {
      problems.push({ file: name, message: `part ${n} is missing: the server may have dropped it` });
      continue;
    }
    for (const e of seg) {
      const { hash, ...rest } = e;
      if (e.seq !== expect) problems.push({ file: name, message: `entry ${expect} is missing or out of order (found ${e.seq})` });
      if (e.prev !== prev) problems.push({ file: name, message: `entry ${e.seq} does not follow the entry before it` });
      if (hashEntry(rest) !== hash) problems.push({ file: name, message: `entry ${e.seq} has been altered` });
      prev = hash;
      expect = e.seq + 1;
    }
  }
  if (expect - 1 < head) problems.push({ file: name, message: `ends at entry ${expect - 1}, but that computer's records say it had reached entry ${head}: the server may have cut it short` });
  return problems;
}
