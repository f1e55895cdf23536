import { FACTS_VERSION, isStaleFacts } from '../../domain/cases/case-facts';
import type { CaseSummary } from '../../domain/cases/case';
import type { Casework } from './context';
import { summaryRow } from './view';

/** Case files read in one turn of the serial queue: about half a second at 10,000 cases, so saves wait no longer than that. */
const CASES_A_TURN = 250;

type Serial = <T>(job: () => Promise<T>) => Promise<T>;

/**
 * Case-list rows written before the facts the commissioner's figures read were kept (rights 3
 * and 4, RJ offered, taking part, feedback by role, equality) made again from their case files,
 * once: a casebook from before then would otherwise show "No data" for those figures until each
 * case was saved again. The cases themselves are not changed (same revision, same file); only
 * the rows are written, in one commit with one audit entry that gives the count.
 *
 * The files are read a few hundred to a turn of the serial queue (10,000 take about 20 s), so a
 * save in between is not held up; a row saved or removed meanwhile is current already and is
 * left as it is. A read-only session leaves the rows as they are. Returns the rows rebuilt.
 */
export async function rebuildStaleFacts(casework: () => Casework, serial: Serial): Promise<number> {
  const stale = await serial(async () => {
    const s = casework().s;
    return s.readOnly ? [] : s.summaries.all().filter(isStaleFacts).map((r) => r.id);
  });
  if (stale.length === 0) return 0;
  const rows: CaseSummary[] = [];
  for (let i = 0; i < stale.length; i += CASES_A_TURN) {
    const turn = await serial(async () => {
      const cw = casework();
      const out: CaseSummary[] = [];
      for (const id of stale.slice(i, i + CASES_A_TURN)) {
        const row = cw.s.summaries.get(id);
        if (row && isStaleFacts(row)) out.push(summaryRow(await cw.s.readCase(id), cw.today, cw.t));
      }
      return out;
    });
    rows.push(...turn);
  }
  return serial(async () => {
    const s = casework().s;
    const still = rows.filter((r) => {
      const now = s.summaries.get(r.id);
      return now !== undefined && now.revision === r.revision && isStaleFacts(now);
    });
    if (still.length === 0 || s.readOnly) return 0;
    // Rows already on the list, so the layout cannot split: only the shards holding them are written.
    const change = s.summaries.prepare(still);
    await s.commit([...change.fresh, ...change.rewritten], [s.draft('case-list.facts-rebuilt', { type: 'casebook', id: s.index.storeId }, [`rows:${still.length}`, `factsVersion:${FACTS_VERSION}`])]);
    change.accept();
    return still.length;
  });
}
