import { z } from 'zod';
import { PARTICIPANT_ROLES, type CaseSummary, type ParticipantRole } from '../cases/case';
import { fold } from '../shared/fold';
import { strictForm } from '../shared/strict-form';
import { dateField } from '../time/dates';

/**
 * Finding a person everywhere the casebook holds them (a subject access request, a
 * rectification, a safeguarding check): by name, as people type it (any case, with or without
 * accents, the preferred name too, in any order) and optionally date of birth, across every
 * case, closed ones included. Works on the case list's rows, so a search over 10,000 cases
 * opens none of them.
 */
export const FindPersonInputSchema = strictForm(
  {
    name: z.string({ error: 'Enter a name' }).trim().min(2, { error: 'Enter at least two letters of the name' }).max(200, { error: 'The name can be at most 200 characters' }),
    dateOfBirth: dateField('Date of birth').optional(),
  },
  'the search',
);
export type FindPersonInput = z.infer<typeof FindPersonInputSchema>;

export const PersonFoundSchema = z.strictObject({
  caseId: z.string(),
  reference: z.string(),
  stage: z.string(),
  closed: z.boolean(),
  role: z.enum(PARTICIPANT_ROLES),
  name: z.string(),
  preferredName: z.string().optional(),
  dateOfBirth: z.string().optional(),
});
export type PersonFound = z.infer<typeof PersonFoundSchema>;
export const PeopleFoundSchema = z.strictObject({ found: z.array(PersonFoundSchema), casesSearched: z.number().int().min(0) });

const ROLES: ReadonlySet<string> = new Set(PARTICIPANT_ROLES);
type PersonRow = { role: ParticipantRole; preferredName?: string; dateOfBirth?: string };

/** The row's person, checked by hand (the unlock check saw only that it is an object): 30,000 zod parses would be most of a search. */
function personRow(v: unknown): PersonRow | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const r = v as Record<string, unknown>;
  if (typeof r.role !== 'string' || !ROLES.has(r.role)) return undefined;
  if (r.preferredName !== undefined && typeof r.preferredName !== 'string') return undefined;
  if (r.dateOfBirth !== undefined && typeof r.dateOfBirth !== 'string') return undefined;
  return r as PersonRow;
}
const WORD = /[\p{L}\p{N}]+/gu;
export const wordsOf = (s: string) => fold(s).replace(/['’]/g, '').match(WORD) ?? [];

/** Every word typed is the start of one of the person's name words (given, family or preferred). */
export function matches(query: readonly string[], nameWords: readonly string[]): boolean {
  return query.every((q) => nameWords.some((w) => w.startsWith(q)));
}

/**
 * Each row's people as folded words, worked out once per row: a row object is replaced when its
 * case is saved, so the words are never stale, and the second search onwards does no folding.
 */
const foldedPeople = new WeakMap<CaseSummary, { words: string[]; person: PersonRow | undefined }[]>();
function peopleOf(row: CaseSummary) {
  let people = foldedPeople.get(row);
  if (!people) {
    people = row.names.map((name, i) => {
      const person = personRow(row.people?.[i]);
      return { words: [...wordsOf(name), ...wordsOf(person?.preferredName ?? '')], person };
    });
    foldedPeople.set(row, people);
  }
  return people;
}

export function findPeople(rows: Iterable<CaseSummary>, input: FindPersonInput): { found: PersonFound[]; casesSearched: number } {
  const query = wordsOf(input.name);
  const found: PersonFound[] = [];
  let casesSearched = 0;
  if (query.length === 0) return { found, casesSearched };
  for (const row of rows) {
    casesSearched++;
    peopleOf(row).forEach(({ words, person: p }, i) => {
      const name = row.names[i]!;
      if (input.dateOfBirth && p?.dateOfBirth !== input.dateOfBirth) return;
      if (!matches(query, words)) return;
      found.push({
        caseId: row.id,
        reference: row.reference,
        stage: row.stage,
        closed: row.stage === 'closed' || row.exit !== undefined,
        role: p?.role ?? 'other',
        name,
        ...(p?.preferredName ? { preferredName: p.preferredName } : {}),
        ...(p?.dateOfBirth ? { dateOfBirth: p.dateOfBirth } : {}),
      });
    });
  }
  found.sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.reference.localeCompare(b.reference));
  return { found, casesSearched };
}
