import { CaseFactsSchema, type CaseFacts } from '../../domain/case-facts';
import type { CaseSummary } from '../../domain/case';
import type { BookedSlot } from '../../domain/case-process/context';

/**
 * A row's process facts, checked with CaseFactsSchema the first time they are used and then
 * remembered for as long as the row object lives (a save replaces the row, and with it the
 * entry). Facts that fail the check are left out rather than failing a whole page; verify
 * reports them.
 */
const checked = new WeakMap<CaseSummary, CaseFacts | null>();

export function factsOf(row: CaseSummary): CaseFacts | undefined {
  if (row.facts === undefined) return undefined;
  let f = checked.get(row);
  if (f === undefined) {
    const r = CaseFactsSchema.safeParse(row.facts);
    f = r.success ? r.data : null;
    checked.set(row, f);
  }
  return f ?? undefined;
}

export interface RowMeeting {
  row: CaseSummary;
  meeting: BookedSlot;
}

/** Every meeting in the casebook from the case list, without opening a case. */
export function* allMeetings(rows: Iterable<CaseSummary>): Generator<RowMeeting> {
  for (const row of rows) {
    const f = factsOf(row);
    if (f) for (const meeting of f.meetings) yield { row, meeting };
  }
}

/** Meetings of every case but one, for double-booking checks. */
export function meetingsOutside(rows: Iterable<CaseSummary>, caseId: string): BookedSlot[] {
  const out: BookedSlot[] = [];
  for (const { row, meeting } of allMeetings(rows)) if (row.id !== caseId) out.push(meeting);
  return out;
}
