import { describe, expect, it } from 'vitest';
import type { Participant } from '../../src-main/domain/cases/case';
import { anonymiser } from '../../src-main/domain/data-protection/anonymiser/anonymise';
import { peopleOfCases } from '../../src-main/domain/data-protection/anonymiser/case-people';
import { knownIdentifiers } from '../../src-main/domain/data-protection/anonymiser/known';
import { bundleLabels, othersOnly, requesterIn } from '../../src-main/domain/data-protection/subject-access/bundle-people';
import { Redactor } from '../../src-main/domain/data-protection/subject-access/bundle-redactor';
import { HARMED, newCase, RESPONSIBLE } from '../support/case-fixtures';

/** Who is who in a subject access bundle, and what the redactor keeps, at their edges. */
const MOTHER: Participant = { id: 'p_mother01', role: 'parent-guardian', person: { givenName: 'Carys', familyName: 'Evans', phone: '07700 900999', address: '4 Mill Lane, Cardiff CF10 1AA' } };
const SUPPORTERS: Participant[] = [
  { id: 'p_suppa001', role: 'supporter', person: { givenName: 'Ana', familyName: 'Silva' } },
  { id: 'p_suppb001', role: 'supporter', person: { givenName: 'Ben', familyName: 'Okafor' } },
];
const c = newCase({ participants: [{ ...HARMED, person: { ...HARMED.person, phone: '07700 900999', address: '4 Mill Lane, Cardiff CF10 1AA' } }, RESPONSIBLE, MOTHER, ...SUPPORTERS] });

describe('finding the requester in a case', () => {
  it('matches the name as typed (accents, case, order) and the date of birth', () => {
    expect(requesterIn(c, 'sian evans', '1980-05-01').id).toBe(HARMED.id);
    expect(requesterIn(c, 'EVANS Siân', undefined).id).toBe(HARMED.id);
  });
  it('says so when nobody, or more than one person, has the name', () => {
    expect(() => requesterIn(c, 'Siân Evans', '1990-01-01')).toThrow(/Nobody in case RJ-2026-0001 has the name and date of birth on the request/);
    expect(() => requesterIn(c, 'Evans', undefined)).toThrow(/More than one person in case RJ-2026-0001 has the name on the request: add their date of birth/);
    // The date of birth tells them apart.
    expect(requesterIn(c, 'Evans', '1980-05-01').id).toBe(HARMED.id);
  });
});

describe('labels for everyone else', () => {
  it('says the parties from the requester’s side, and letters two people of the same part', () => {
    const labels = bundleLabels(c, c.participants[0]!);
    expect([...labels.values()]).toEqual(['[the other party]', '[a parent or guardian]', '[a supporter (A)]', '[a supporter (B)]', '[the referrer]']);
    const fromSupporter = bundleLabels(c, SUPPORTERS[0]!);
    expect(fromSupporter.get(`${c.id}/${HARMED.id}`)).toBe('[the person harmed]');
    expect(fromSupporter.get(`${c.id}/${SUPPORTERS[1]!.id}`)).toBe('[a supporter]');
  });
});

describe('the redactor', () => {
  const known = knownIdentifiers(peopleOfCases([c]));
  const me = new Set([`${c.id}/${HARMED.id}`]);
  const at = { case: c.reference, where: 'Contacts', labels: bundleLabels(c, c.participants[0]!) };

  it('keeps the requester’s own name, shared family name, home and phone, and plain dates; takes out everyone else', () => {
    const r = new Redactor(anonymiser(known), me);
    const t = r.text(at, 'Notes', 'Siân Evans and her mother Carys Evans (07700 900999, 4 Mill Lane) met Łukasz on 3 March 2026; Ana Silva rang from 07700 900123.');
    expect(t?.text).toBe('Siân Evans and her mother [a parent or guardian] (07700 900999, 4 Mill Lane) met [the other party] on 3 March 2026; [a supporter (A)] rang from [phone number].');
    expect(r.redactions.map((x) => [x.kind, x.label])).toEqual([['name', '[a parent or guardian]'], ['name', '[the other party]'], ['name', '[a supporter (A)]'], ['phone', '[phone number]']]);
    expect(t?.marks.map((m) => t.text.slice(m.start, m.end))).toEqual(['[a parent or guardian]', '[the other party]', '[a supporter (A)]', '[phone number]']);
  });

  it('leaves out of the leak check only what the requester holds too', () => {
    const leak = anonymiser(othersOnly(known, me));
    const kinds = (s: string) => leak.find(s).filter((h) => h.known).map((h) => h.kind);
    expect(kinds('Siân Evans, 07700 900999, 4 Mill Lane, CF10 1AA')).toEqual([]);
    expect(kinds('Carys Evans')).toEqual(['name']);
    expect(kinds('Carys')).toEqual(['name']);
    expect(kinds('KOWALSKI, born 30/11/1999')).toEqual(['name', 'date-of-birth']);
  });
});
