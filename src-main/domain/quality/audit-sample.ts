import type { Case } from '../cases/case';
import { mulberry32, seedFrom } from '../shared/prng';

/**
 * Drawing the case files to audit: a sample the same every time for the same period, size and
 * seed (an assessor can ask how it was drawn and get the same files), stratified by process
 * type and by sensitive or not, so a small sample does not miss the conferences or the
 * sensitive cases. Files are taken from the cases closed in the period: an audit looks at
 * work that is finished.
 */
export interface SampleRequest {
  from: string;
  to: string;
  size: number;
  seed: string;
}

export const stratumOf = (c: Pick<Case, 'processKind' | 'referral'>): string => `${c.processKind ?? 'no process'}, ${c.referral.sensitive.length > 0 ? 'sensitive' : 'not sensitive'}`;

/** How many to take from each stratum: in proportion, the remainders to the largest fractions, at least one from each when there is room. */
export function allocate(sizes: ReadonlyMap<string, number>, size: number): Map<string, number> {
  const total = [...sizes.values()].reduce((a, b) => a + b, 0);
  const want = Math.min(size, total);
  const out = new Map<string, number>();
  if (want === 0) return out;
  const keys = [...sizes.keys()].sort();
  const floors = keys.map((k) => ({ k, exact: (sizes.get(k)! * want) / total }));
  for (const f of floors) out.set(f.k, Math.floor(f.exact));
  // Every stratum gets one when the sample can hold them all.
  const nonEmpty = keys.filter((k) => sizes.get(k)! > 0);
  if (want >= nonEmpty.length) for (const k of nonEmpty) if (out.get(k) === 0) out.set(k, 1);
  let left = want - [...out.values()].reduce((a, b) => a + b, 0);
  const byRemainder = [...floors].sort((a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)) || a.k.localeCompare(b.k));
  for (let i = 0; left > 0; i = (i + 1) % byRemainder.length) {
    const k = byRemainder[i]!.k;
    if (out.get(k)! < sizes.get(k)!) {
      out.set(k, out.get(k)! + 1);
      left--;
    }
  }
  // Taking one from every stratum can overshoot a tiny sample: give back from the largest.
  while (left < 0) {
    const k = [...out].filter(([, n]) => n > 1).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
    if (!k) break;
    out.set(k, out.get(k)! - 1);
    left++;
  }
  return out;
}

export function drawSample<C extends Pick<Case, 'id' | 'reference' | 'processKind' | 'referral' | 'closure'>>(cases: readonly C[], r: SampleRequest): C[] {
  const closed = cases.filter((c) => c.closure && c.closure.closedOn >= r.from && c.closure.closedOn <= r.to).sort((a, b) => a.id.localeCompare(b.id));
  const strata = new Map<string, C[]>();
  for (const c of closed) strata.set(stratumOf(c), [...(strata.get(stratumOf(c)) ?? []), c]);
  const counts = allocate(new Map([...strata].map(([k, v]) => [k, v.length])), r.size);
  const random = mulberry32(seedFrom(`${r.seed}|${r.from}|${r.to}`));
  const out: C[] = [];
  for (const k of [...strata.keys()].sort()) {
    const pool = [...strata.get(k)!];
    // Fisher–Yates, as far as needed.
    const take = counts.get(k) ?? 0;
    for (let i = 0; i < take; i++) {
      const j = i + Math.floor(random() * (pool.length - i));
      [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    }
    out.push(...pool.slice(0, take));
  }
  return out.sort((a, b) => a.reference.localeCompare(b.reference));
}
