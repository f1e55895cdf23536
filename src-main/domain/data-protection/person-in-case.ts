import type { Case, Participant } from '../cases/case';
import { CasebookError } from '../shared/errors';
import { matches, wordsOf } from './person-search';

/**
 * The one participant of a case that a name (taken as the person search takes it, in any case, accents
 * or not, preferred names, any order) and a date of birth point to, for work on one person
 * across the cases a user ticked: a subject access bundle, a correction of their details.
 * Nobody, or more than one, is refused naming the case, with what to do (`fix`).
 */
export function personIn(c: Case, name: string, dateOfBirth: string | undefined, fix: { given: string; none: string; many: string }): Participant {
  const query = wordsOf(name);
  const named = c.participants.filter((p) => matches(query, [...wordsOf(`${p.person.givenName} ${p.person.familyName}`), ...wordsOf(p.person.preferredName ?? '')]));
  const born = dateOfBirth ? named.filter((p) => p.person.dateOfBirth === dateOfBirth || p.person.dateOfBirth === undefined) : named;
  const exact = dateOfBirth ? born.filter((p) => p.person.dateOfBirth === dateOfBirth) : [];
  const found = exact.length === 1 ? exact : born;
  if (found.length === 1) return found[0]!;
  throw new CasebookError(
    'INVALID_INPUT',
    found.length === 0
      ? `Nobody in case ${c.reference} has the name${dateOfBirth ? ' and date of birth' : ''} ${fix.given}: ${fix.none}.`
      : `More than one person in case ${c.reference} has the name ${fix.given}: ${fix.many}.`,
  );
}
