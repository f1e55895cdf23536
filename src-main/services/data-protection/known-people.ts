import { peopleOfCases } from '../../domain/data-protection/anonymiser/case-people';
import { knownIdentifiers, type KnownIdentifiers } from '../../domain/data-protection/anonymiser/known';
import type { Case } from '../../domain/cases/case';
import { CasebookError } from '../../domain/shared/errors';
import type { Store } from '../../store/store';

/**
 * Everyone every case in the casebook names, closed cases included, for the anonymiser and the
 * leak check. A case that does not open cannot say who it names, so the check would promise
 * more than it knows: it stops and says which case to put right first.
 */
export async function knownPeopleOf(s: Store, onRead?: (n: number, of: number) => void): Promise<{ known: KnownIdentifiers; cases: number; all: Case[] }> {
  const cases = await everyCase(s, 'so the check cannot know everyone the casebook names', onRead);
  return { known: knownIdentifiers(peopleOfCases(cases)), cases: cases.length, all: cases };
}

/**
 * Every case file, or a refusal naming the first that does not open and why that stops the work
 * (`because`). `onRead` hears the count every 100 files (progress, and a chance to stop).
 */
export async function everyCase(s: Store, because: string, onRead?: (n: number, of: number) => void): Promise<Case[]> {
  const cases: Case[] = [];
  const rows = s.summaries.all();
  for (const row of rows) {
    if (onRead && cases.length % 100 === 0) onRead(cases.length, rows.length);
    try {
      cases.push(await s.readCase(row.id));
    } catch (e) {
      if (e instanceof CasebookError && e.code === 'CORRUPT') {
        throw new CasebookError('CORRUPT', `Case ${row.reference} does not open, ${because}: restore a backup or run Verify first. Nothing was checked.`, e.details);
      }
      throw e;
    }
  }
  return cases;
}
