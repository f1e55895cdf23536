import type { Case, CaseSummary } from '../../cases/case';
import { PARTICIPANT_ROLE_LABELS, type ParticipantRole } from '../../cases/participant-role';
import type { KnownPerson } from './known';

/**
 * The people every case names, as the anonymiser looks for them: each participant (names, date
 * of birth, phone, e-mail, address) and each referrer. Keys are `caseId/participantId` and
 * `caseId/referrer`, so a story can label the people of its own case and call everyone else
 * "another person".
 */
export function peopleOfCases(cases: Iterable<Case>): KnownPerson[] {
  const out: KnownPerson[] = [];
  for (const c of cases) {
    for (const p of c.participants) {
      const q = p.person;
      out.push({ key: `${c.id}/${p.id}`, givenName: q.givenName, familyName: q.familyName, preferredName: q.preferredName, dateOfBirth: q.dateOfBirth, phone: q.phone, email: q.email, address: q.address });
    }
    if (c.referral.referrerName) out.push({ key: `${c.id}/referrer`, fullName: c.referral.referrerName });
  }
  return out;
}

/**
 * The people of cases known only by their rows in the case list: each name, preferred name and
 * date of birth, keyed `caseId/row<n>`. Enough to find someone from another case named in a
 * note, without opening every case (a subject access bundle for one person in a casebook of
 * thousands).
 */
export function peopleOfRows(rows: Iterable<CaseSummary>): KnownPerson[] {
  const out: KnownPerson[] = [];
  for (const r of rows) {
    r.names.forEach((name, i) => {
      const p = r.people?.[i];
      out.push({ key: `${r.id}/row${i}`, fullName: name, preferredName: p?.preferredName, dateOfBirth: p?.dateOfBirth });
    });
  }
  return out;
}

/**
 * Labels for the people of one case, stable for the whole story: "the person harmed", "the
 * person responsible" when there is one of each, "Supporter A", "Supporter B" and so on when
 * there are several, and "the referrer".
 */
export function storyLabels(c: Case): Map<string, string> {
  const labels = new Map<string, string>();
  const byRole = new Map<ParticipantRole, string[]>();
  for (const p of c.participants) byRole.set(p.role, [...(byRole.get(p.role) ?? []), p.id]);
  for (const [role, ids] of byRole) {
    const noun = role === 'harmed' ? 'person harmed' : role === 'responsible' ? 'person responsible' : PARTICIPANT_ROLE_LABELS[role].toLowerCase();
    ids.forEach((id, i) => {
      const label = ids.length === 1 ? `the ${noun}` : `${noun[0]!.toUpperCase()}${noun.slice(1)} ${String.fromCharCode(65 + (i % 26))}`;
      labels.set(`${c.id}/${id}`, label);
    });
  }
  labels.set(`${c.id}/referrer`, 'the referrer');
  return labels;
}
