import { FACTS_VERSION, isStaleFacts } from '../../domain/cases/case-facts';
import type { CaseSummary } from '../../domain/cases/case';
import type { Casework } from './context';
import { summaryRow } from './view';

/**
 * Case-list rows written before the facts the commissioner's figures read were kept (rights 3
 * and 4, RJ offered, taking part, feedback by role, equality) made again from their case files,
 * once: a casebook from before then would otherwise show "No data" for those figures until each
 * case was saved again. The cases themselves are not changed (same revision, same file); only
 * the rows are written, in one commit with one audit entry that gives the count. Run in the
 * serial queue by the caller; a read-only session leaves the rows as they are.
 */
export async function rebuildStaleFacts(cw: Casework): Promise<number> {
  const s = cw.s;
  if (s.readOnly) return 0;
  const stale = s.summaries.all().filter(isStaleFacts);
  if (stale.length === 0) return 0;
  const rows: CaseSummary[] = [];
  for (const row of stale) rows.push(summaryRow(await s.readCase(row.id), cw.today, cw.t));
  // Rows already on the list, so the layout cannot split: only the shards holding them are written.
  const change = s.summaries.prepare(rows);
  await s.commit([...change.fresh, ...change.rewritten], [s.draft('case-list.facts-rebuilt', { type: 'casebook', id: s.index.storeId }, [`rows:${rows.length}`, `factsVersion:${FACTS_VERSION}`])]);
  change.accept();
  return rows.length;
}
