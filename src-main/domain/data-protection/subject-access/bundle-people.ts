import type { Case, Participant } from '../../cases/case';
import type { KnownIdentifiers } from '../anonymiser/known';
import { personIn } from '../person-in-case';

/**
 * Who is who in a subject access bundle: the requester in each case (found by the name and date
 * of birth on the request, the way the person search found the case), and everyone else by
 * their part, said from the requester's side: "the other party", "a supporter". Other people
 * are never named, so a role is all a reader learns about them.
 */
export function requesterIn(c: Case, name: string, dateOfBirth: string | undefined): Participant {
  return personIn(c, name, dateOfBirth, { given: 'on the request', none: 'untick the case, or correct the request', many: 'add their date of birth to the request' });
}

const ORDER = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];

/** The part someone plays, seen from the requester: the two parties are "the other party" to each other. */
function noun(p: Participant, requester: Participant): string {
  const parties = requester.role === 'harmed' || requester.role === 'responsible';
  if (parties && (p.role === 'harmed' || p.role === 'responsible')) return p.role === requester.role ? `another ${p.role === 'harmed' ? 'person harmed' : 'person responsible'}` : 'the other party';
  switch (p.role) {
    case 'harmed':
      return 'the person harmed';
    case 'responsible':
      return 'the person responsible';
    case 'supporter':
      return 'a supporter';
    case 'parent-guardian':
      return 'a parent or guardian';
    default:
      return 'another person';
  }
}

/**
 * Labels for the people of one case, keyed as the anonymiser keys them (`caseId/participantId`),
 * in square brackets as every redaction is written. Two people with the same part are told
 * apart by a letter: "[a supporter (A)]", "[a supporter (B)]".
 */
export function bundleLabels(c: Case, requester: Participant): Map<string, string> {
  const byNoun = new Map<string, Participant[]>();
  for (const p of c.participants) {
    if (p.id === requester.id) continue;
    const n = noun(p, requester);
    byNoun.set(n, [...(byNoun.get(n) ?? []), p]);
  }
  const labels = new Map<string, string>();
  for (const [n, people] of byNoun) people.forEach((p, i) => labels.set(`${c.id}/${p.id}`, people.length === 1 ? `[${n}]` : `[${n} (${ORDER[i] ?? i + 1})]`));
  labels.set(`${c.id}/referrer`, '[the referrer]');
  return labels;
}

/**
 * What the leak check looks for in a finished bundle: everyone but the requester, and nothing
 * the requester shares with them. A family name, a home address or a phone number the
 * requester has too is theirs to see (their own name is printed on every page), so it cannot
 * count as someone else's; a whole name or a given name of someone else still does.
 */
export function othersOnly(all: KnownIdentifiers, requesterKeys: ReadonlySet<string>): KnownIdentifiers {
  const own = new Set(all.phrases.filter((p) => requesterKeys.has(p.key)).map((p) => p.words.join(' ')));
  const ownWords = new Set(all.phrases.filter((p) => requesterKeys.has(p.key) && p.kind === 'name').flatMap((p) => p.words));
  const theirs = (keys: readonly string[]) => !keys.some((k) => requesterKeys.has(k));
  const mapOf = (m: Map<string, string[]>) => new Map([...m].filter(([, keys]) => theirs(keys)));
  return {
    phrases: all.phrases.filter((p) => !requesterKeys.has(p.key) && !own.has(p.words.join(' ')) && !(p.kind === 'name' && p.words.every((w) => ownWords.has(w)))),
    birthDates: mapOf(all.birthDates),
    phones: mapOf(all.phones),
    emails: mapOf(all.emails),
    postcodes: mapOf(all.postcodes),
  };
}
