import type { CaseSummary, Stage } from '../../domain/cases/case';

/**
 * Case-list search over the in-memory summary rows: stage filter plus a query that matches
 * reference, any participant's name or the offence category, ignoring case and accents so
 * "sian" finds "Siân". Newest referrals first.
 */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en-GB');
}

export function searchCases(rows: CaseSummary[], f: { stage?: Stage; query?: string }): CaseSummary[] {
  const q = f.query ? fold(f.query.trim()) : '';
  const out = rows.filter((r) => {
    if (f.stage && r.stage !== f.stage) return false;
    if (!q) return true;
    return fold(r.reference).includes(q) || fold(r.offenceCategory).includes(q) || r.names.some((n) => fold(n).includes(q));
  });
  return out.sort((a, b) => (a.receivedOn < b.receivedOn ? 1 : a.receivedOn > b.receivedOn ? -1 : a.reference < b.reference ? 1 : -1));
}
