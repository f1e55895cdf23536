import type { Case, Participant } from '../../domain/cases/case';

/**
 * The names of the fields a change touched, for the audit trail: "participants.consent",
 * "referral.offenceDate", "leadFacilitatorId". Only names from the case schema (every object
 * in a case is strict, so keys are never data), never values, never participant ids.
 */
const BOOKKEEPING = new Set(['updatedAt', 'revision', 'timeline']);
const MAX_DEPTH = 3;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

function diff(a: unknown, b: unknown, path: string, out: Set<string>, depth: number): void {
  if (same(a, b)) return;
  if (isObject(a) && isObject(b) && depth < MAX_DEPTH) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) diff(a[k], b[k], `${path}.${k}`, out, depth + 1);
    return;
  }
  out.add(path);
}

function participantChanges(before: readonly Participant[], after: readonly Participant[], out: Set<string>): void {
  const old = new Map(before.map((p) => [p.id, p]));
  for (const p of after) {
    const q = old.get(p.id);
    if (!q) out.add('participants');
    else diff(q, p, 'participants', out, 1);
  }
  if (after.length < before.length) out.add('participants');
}

export function changedFields(before: Case, after: Case): string[] {
  const out = new Set<string>();
  const a = before as unknown as Record<string, unknown>;
  const b = after as unknown as Record<string, unknown>;
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (BOOKKEEPING.has(k)) continue;
    if (k === 'participants') participantChanges(before.participants, after.participants, out);
    else diff(a[k], b[k], k, out, 1);
  }
  return [...out].sort().slice(0, 200);
}
