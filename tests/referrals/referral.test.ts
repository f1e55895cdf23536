import { describe, expect, it } from 'vitest';
import { CaseSchema, summarise } from '../../src-main/domain/cases/case';
import { isCaseSummary } from '../../src-main/domain/cases/case-summary-check';
import {
  allocateReference,
  duplicateCandidate,
  isUnder18,
  openCase,
  possibleDuplicates,
  probeFromReferral,
  ReferralInputSchema,
  referralInputSchemaFor,
  type ReferralInput,
} from '../../src-main/domain/referrals/referral';
import { lists, NOW, TODAY } from '../support/case-fixtures';

const NAMES: [string, string][] = [
  ['Siân', 'Prydderch'],
  ['Łukasz', 'Wiśniewski'],
  ['Şükrü', 'Yılmaz'],
  ['Thị Lan', 'Nguyễn'],
  ['Αλέξανδρος', 'Παπαδόπουλος'],
  ['Алексей', 'Смирнов'],
  ['محمد', 'الأحمد'],
  ['ਹਰਪ੍ਰੀਤ', 'ਕੌਰ'],
  ["Niamh", "O'Connor"],
];

function referral(over: Partial<ReferralInput> = {}): ReferralInput {
  return {
    source: 'police',
    referrerName: 'PC Amy Lowe',
    referrerOrganisation: 'West Midlands Police',
    receivedOn: '2026-03-10',
    offenceCategory: 'burglary',
    offenceDescription: 'Shed broken into; bicycles taken.',
    offenceDate: '2026-03-01',
    cjsStage: 'out-of-court',
    sensitive: [],
    priority: 'routine',
    participants: [
      { role: 'harmed', person: { givenName: 'Siân', familyName: 'Evans', dateOfBirth: '1980-05-01', preferredContact: 'phone', safeTimes: 'Weekdays after 6pm', phone: '07700 900123', language: 'Welsh', interpreter: false } },
      { role: 'responsible', person: { givenName: 'Łukasz', familyName: 'Kowalski', dateOfBirth: '2009-11-30', pronouns: 'he/him' } },
    ],
    ...over,
  };
}

const schema = referralInputSchemaFor({ today: TODAY, lists });
const messages = (input: unknown) => {
  const r = schema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('the referral form', () => {
  it('accepts a complete referral', () => {
    expect(messages(referral())).toEqual([]);
  });

  it.each(NAMES)('accepts the name %s %s', (given, family) => {
    expect(messages(referral({ participants: [{ role: 'harmed', person: { givenName: given, familyName: family } }] }))).toEqual([]);
  });

  it.each([
    ['an offence in the future', { offenceDate: '2026-03-20', receivedOn: '2026-03-16' }, /offenceDate: .*after the referral|offenceDate: The offence date 20 March 2026 is in the future/],
    ['a referral in the future', { receivedOn: '2026-03-17' }, /receivedOn: The referral date 17 March 2026 is in the future/],
    ['a referral before the offence', { offenceDate: '2026-03-11' }, /offenceDate: The offence date \(11 March 2026\) is after the referral was received \(10 March 2026\)/],
    ['31 February', { receivedOn: '2026-02-31' }, /receivedOn: Enter a real date/],
    ['29 February in a common year', { offenceDate: '2026-02-29' }, /offenceDate: Enter a real date/],
    ['an unknown source', { source: 'carrier-pigeon' }, /source: Choose a referral source from the list/],
    ['an unknown offence category', { offenceCategory: 'jaywalking' }, /offenceCategory: Choose an offence category/],
    ['an unknown sensitive flag', { sensitive: ['spooky'] }, /sensitive.0: "spooky" is not one of the sensitive-case flags/],
    ['a flag chosen twice', { sensitive: ['hate-crime', 'hate-crime'] }, /chosen twice/],
    ['no participants', { participants: [] }, /Add at least one participant/],
    ['a bad priority', { priority: 'whenever' as 'routine' }, /Choose a priority/],
    ['a bad criminal-justice stage', { cjsStage: 'probation' as 'none' }, /Choose a criminal-justice stage/],
  ])('refuses %s', (_, over, pattern) => {
    expect(messages(referral(over)).join('\n')).toMatch(pattern);
  });

  it.each([
    ['a birth date after the referral', { dateOfBirth: '2026-03-11' }, /dateOfBirth: The date of birth is after the referral was received/],
    ['a name with digits', { givenName: 'R2D2' }, /may contain only letters/],
    ['an empty name', { givenName: '   ' }, /Enter given name/],
    ['a huge name', { familyName: 'x'.repeat(121) }, /at most 120 characters/],
    ['a control character', { familyName: 'Ev\u0000ans' }, /control character/],
    ['a bad email', { email: 'not an email' }, /email address/],
    ['an unknown vulnerability flag', { vulnerabilities: ['moody'] }, /"moody" is not one of the vulnerability flags/],
    ['an unknown contact method', { preferredContact: 'pigeon' as 'phone' }, /Choose a contact method/],
  ])('refuses a person with %s', (_, over, pattern) => {
    const r = referral();
    expect(messages({ ...r, participants: [{ role: 'harmed', person: { ...r.participants[0]!.person, ...over } }] }).join('\n')).toMatch(pattern);
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'referral'],
    ['a number', 42],
    ['an array', []],
    ['wrong types', { ...referral(), receivedOn: 20260310, participants: 'two' }],
  ])('refuses %s with messages, never a crash', (_, input) => {
    expect(messages(input).length).toBeGreaterThan(0);
  });

  it('names unknown fields, including __proto__, instead of ignoring them', () => {
    expect(messages({ ...referral(), colour: 'blue' })).toEqual([': Unknown field “colour” in the referral: remove it or check the spelling']);
    const polluted = JSON.parse(JSON.stringify(referral()).replace('{', '{"__proto__":{"admin":true},'));
    expect(messages(polluted).join()).toMatch(/Unknown field “__proto__”/);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    const r = referral();
    expect(messages({ ...r, participants: [{ ...r.participants[0]!, person: { ...r.participants[0]!.person, shoeSize: 9 } }] }).join()).toMatch(/Unrecognized key|Unknown field/);
  });

  it('keeps script tags as text', () => {
    expect(messages(referral({ offenceDescription: '<script>alert("x")</script>' }))).toEqual([]);
  });

  it('the static schema checks what does not need today or the lists', () => {
    expect(ReferralInputSchema.safeParse(referral({ source: 'anything-at-all', receivedOn: '2099-01-01' })).success).toBe(true);
    expect(ReferralInputSchema.safeParse(referral({ offenceDate: '2026-03-11' })).success).toBe(false);
  });
});

describe('opening the case', () => {
  const open = (input: unknown = referral()) => openCase(input, { today: TODAY, lists, caseId: 'c_abcdefghij12', participantIds: ['p_aaaaaa01', 'p_aaaaaa02'], reference: 'RJ-2026-0042', now: NOW, actor: 'Jo Whitfield' });

  it('builds a valid case at the referral stage, storing list labels', () => {
    const r = open(referral({ sensitive: ['hate-crime'] }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const c = r.value;
    expect(CaseSchema.parse(c)).toEqual(c);
    expect(c).toMatchObject({ stage: 'referral', reference: 'RJ-2026-0042', revision: 1, referral: { source: 'Police', offenceCategory: 'Burglary', sensitive: ['Hate crime'] } });
    expect(c.timeline).toEqual([{ at: NOW, by: 'Jo Whitfield', kind: 'referral.received', text: 'Referral received from Police on 10 March 2026.' }]);
    expect(isCaseSummary(summarise(c))).toBe(true);
  });

  it('flags under-18s as vulnerable with enhanced rights automatically', () => {
    const r = open();
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.participants[1]!.person).toMatchObject({ enhancedRights: true, vulnerabilities: ['Under 18'] });
    expect(r.value.participants[0]!.person.enhancedRights).toBeUndefined();
  });

  it('maps vulnerability flags to their labels', () => {
    const input = referral();
    input.participants[0]!.person.vulnerabilities = ['intimidated'];
    const r = open(input);
    expect(r.ok && r.value.participants[0]!.person.vulnerabilities).toEqual(['Intimidated victim']);
  });

  it('refuses bad input and bad ids with reasons', () => {
    const bad = open(referral({ receivedOn: '2026-02-31' }));
    expect(!bad.ok && bad.problems).toEqual([expect.stringMatching(/^receivedOn: Enter a real date/)]);
    const ids = openCase(referral(), { today: TODAY, lists, caseId: 'c_abcdefghij12', participantIds: ['p_aaaaaa01', 'P_BAD'], reference: 'RJ-2026-0042', now: NOW, actor: 'x' });
    expect(!ids.ok && ids.reason).toMatch(/participant id/);
  });
});

describe('isUnder18', () => {
  it('handles leap-day birthdays', () => {
    expect(isUnder18('2008-02-29', '2026-02-28')).toBe(true);
    expect(isUnder18('2008-02-29', '2026-03-01')).toBe(false);
    expect(isUnder18('2012-02-29', '2030-02-28')).toBe(true);
    expect(isUnder18('2012-02-29', '2030-03-01')).toBe(false);
    expect(isUnder18('2010-02-28', '2028-02-28')).toBe(false);
  });
});

describe('allocateReference', () => {
  it('numbers per prefix and year with at least four digits', () => {
    const a = allocateReference('RJ', 2026, {});
    expect(a).toEqual({ ok: true, value: { reference: 'RJ-2026-0001', counters: { 'RJ-2026': 1 } } });
    const b = allocateReference('RJ', 2026, { 'RJ-2026': 41, 'RJ-2025': 900 });
    expect(b.ok && b.value.reference).toBe('RJ-2026-0042');
    expect(allocateReference('RJ', 2026, { 'RJ-2026': 9999 }).ok && 'ok').toBe('ok');
    const big = allocateReference('RJ', 2026, { 'RJ-2026': 9999 });
    expect(big.ok && big.value.reference).toBe('RJ-2026-10000');
    expect(allocateReference('WMRJ', 2027, { 'RJ-2026': 3 }).ok).toBe(true);
  });

  it('skips references already taken (imported cases) and never repeats', () => {
    const r = allocateReference('RJ', 2026, { 'RJ-2026': 41 }, new Set(['RJ-2026-0042', 'RJ-2026-0043']));
    expect(r.ok && r.value).toEqual({ reference: 'RJ-2026-0044', counters: { 'RJ-2026': 44 } });
    const seen = new Set<string>();
    let counters: Record<string, number> = {};
    for (let i = 0; i < 500; i++) {
      const n = allocateReference('RJ', 2026, counters, seen);
      if (!n.ok) throw new Error(n.reason);
      expect(seen.has(n.value.reference)).toBe(false);
      seen.add(n.value.reference);
      counters = n.value.counters;
    }
  });

  it('refuses bad prefixes, years and an exhausted year', () => {
    expect(allocateReference('rj', 2026, {}).ok).toBe(false);
    expect(allocateReference('RJ-X', 2026, {}).ok).toBe(false);
    expect(allocateReference('RJ', 26, {}).ok).toBe(false);
    expect(allocateReference('RJ', 2026, { 'RJ-2026': 999_999 })).toMatchObject({ ok: false, reason: expect.stringMatching(/change the prefix/) });
    expect(allocateReference('RJ', 2026, JSON.parse('{"__proto__": 5}')).ok && 'ok').toBe('ok');
  });
});

describe('possibleDuplicates', () => {
  const existing = [
    { caseId: 'c_1', reference: 'RJ-2025-0101', offenceCategory: 'Assault', offenceDate: '2025-11-02', people: [{ givenName: 'SIAN', familyName: 'EVANS', dateOfBirth: '1980-05-01' }] },
    { caseId: 'c_2', reference: 'RJ-2026-0007', offenceCategory: 'Burglary', offenceDate: '2026-03-01', people: [{ givenName: 'Marek', familyName: 'Kowalski' }] },
    { caseId: 'c_3', reference: 'RJ-2026-0008', offenceCategory: 'Burglary', offenceDate: '2026-03-01', people: [{ givenName: 'Ann', familyName: 'Smith' }] },
    { caseId: 'c_4', reference: 'RJ-2024-0001', offenceCategory: 'Theft', people: [{ givenName: 'Evans', familyName: 'Siân', dateOfBirth: '1980-05-01' }, { givenName: 'Siân', familyName: 'Evans', dateOfBirth: '1981-05-01' }] },
  ];

  it('finds the same person by folded name and date of birth, and the same offence', () => {
    const found = possibleDuplicates(probeFromReferral(referral(), lists), existing);
    expect(found).toEqual([
      { caseId: 'c_1', reference: 'RJ-2025-0101', reasons: ['same-person'], names: ['SIAN EVANS'] },
      { caseId: 'c_2', reference: 'RJ-2026-0007', reasons: ['same-offence'], names: ['Marek Kowalski'] },
      { caseId: 'c_4', reference: 'RJ-2024-0001', reasons: ['same-person'], names: ['Evans Siân'] },
    ]);
  });

  it('matches names in other scripts by their own letters', () => {
    const probe = { people: [{ givenName: 'Αλέξανδρος', familyName: 'Παπαδόπουλος', dateOfBirth: '1990-01-01' }] };
    const rows = [{ caseId: 'c_5', reference: 'RJ-2026-0100', offenceCategory: 'Theft', people: [{ givenName: 'ΑΛΕΞΑΝΔΡΟΣ', familyName: 'ΠΑΠΑΔΟΠΟΥΛΟΣ', dateOfBirth: '1990-01-01' }] }];
    expect(possibleDuplicates(probe, rows)).toHaveLength(1);
  });

  it('does not match on a name alone, without a date of birth', () => {
    expect(possibleDuplicates({ people: [{ givenName: 'Siân', familyName: 'Evans' }] }, existing)).toEqual([]);
  });

  it('builds candidates from saved cases', () => {
    const r = openCase(referral(), { today: TODAY, lists, caseId: 'c_abcdefghij12', participantIds: ['p_aaaaaa01', 'p_aaaaaa02'], reference: 'RJ-2026-0042', now: NOW, actor: 'x' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(possibleDuplicates(probeFromReferral(referral(), lists), [duplicateCandidate(r.value)])).toEqual([
      { caseId: 'c_abcdefghij12', reference: 'RJ-2026-0042', reasons: ['same-person', 'same-offence'], names: ['Siân Evans', 'Łukasz Kowalski'] },
    ]);
  });
});
