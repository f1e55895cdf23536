import { describe, expect, it } from 'vitest';
import { anonymise, anonymiser, relativeTime } from '../../src-main/domain/data-protection/anonymiser/anonymise';
import { knownIdentifiers, type KnownPerson } from '../../src-main/domain/data-protection/anonymiser/known';
import { describeFindings, leakCheck } from '../../src-main/domain/data-protection/anonymiser/leak-check';
import { isNhsNumber, patternHits } from '../../src-main/domain/data-protection/anonymiser/patterns';

/** The corpus: people as a service records them, and notes that mention them the way people write. */
const PEOPLE: KnownPerson[] = [
  { key: 'harmed', givenName: 'Siân', familyName: 'Evans', dateOfBirth: '1980-05-01', phone: '07700 900123', email: 'sian.evans@example.org', address: '12 Acacia Avenue, Llandaff, Cardiff CF5 2YB' },
  { key: 'responsible', givenName: 'Łukasz', familyName: 'Kowalski', preferredName: 'Luke', dateOfBirth: '1999-11-30' },
  { key: 'supporter', givenName: 'Grace', familyName: 'Hope' },
  { key: 'greek', givenName: 'Αλέξανδρος', familyName: 'Παπαδόπουλος' },
  { key: 'vietnamese', givenName: 'Thị Lan', familyName: 'Nguyễn' },
  { key: 'turkish', givenName: 'Şükrü', familyName: 'Yılmaz' },
  { key: 'arabic', givenName: 'محمد', familyName: 'الحسن' },
  { key: 'chinese', givenName: '伟', familyName: '王', fullName: '王伟' },
  { key: 'persian', givenName: 'مهر\u200Cناز', familyName: 'رضایی' },
  { key: 'irish', givenName: 'Siobhán', familyName: "O'Brien-Murphy" },
  { key: 'referrer', fullName: 'PC Dan Whitlock' },
];
const finder = anonymiser(knownIdentifiers(PEOPLE));
const kinds = (text: string) => finder.find(text).map((h) => `${h.kind}:${h.known ? 'known' : 'pattern'}:${text.slice(h.start, h.end)}`);

describe('known identifiers, in every form a person writes them', () => {
  it.each([
    ['given name', 'Spoke to Siân on the phone.', 'Siân'],
    ['family name, with the title', 'Mrs Evans was upset.', 'Mrs Evans'],
    ['preferred name', 'Luke agreed to write a letter.', 'Luke'],
    ['possessive (the name, so the label keeps the ’s)', "Siân's mother came too.", 'Siân'],
    ['possessive in capitals with a curly apostrophe', 'SIÂN’S STATEMENT', 'SIÂN'],
    ['lower case', 'sian said yes', 'sian'],
    ['without accents', 'Lukasz apologised.', 'Lukasz'],
    ['without accents, Turkish', 'Met Sukru Yilmaz', 'Sukru Yilmaz'],
    ['initial and surname', 'S. Evans signed.', 'Evans'],
    ['a line-break hyphen', 'Mr Kowal-\nski attended.', 'Mr Kowal-\nski'],
    ['Greek, without accents', 'Ο Αλεξανδρος ήρθε.', 'Αλεξανδρος'],
    ['Vietnamese without marks', 'Nguyen Thi Lan phoned', 'Nguyen Thi Lan'],
    ['Arabic', 'اتصل محمد أمس', 'محمد'],
    ['Chinese, no spaces', '王伟说他很抱歉', '王伟'],
    ['Persian with a zero-width non-joiner typed or not', 'مهرناز آمد', 'مهرناز'],
    ['hyphenated family name by one half', 'Ms Murphy called', 'Ms Murphy'],
    ['apostrophe name', "O'Brien-Murphy's letter", "O'Brien-Murphy"],
    ['family name first, as in a list', 'Kowalski, Łukasz', 'Kowalski, Łukasz'],
    ['referrer', 'Referred by PC Whitlock.', 'Whitlock'],
  ])('%s', (_, text, found) => {
    const hit = finder.find(text).find((h) => h.known && text.slice(h.start, h.end).includes(found.slice(-3)));
    expect(hit, kinds(text).join(' | ')).toBeDefined();
    expect(text.slice(hit!.start, hit!.end)).toBe(found);
  });

  it.each([
    ['numeric', 'DOB 01/05/1980'],
    ['numeric, short', 'born 1/5/80'],
    ['dotted', 'born 01.05.1980'],
    ['ISO', 'born 1980-05-01'],
    ['written', 'born 1 May 1980'],
    ['ordinal', 'born on the 1st of May 1980'],
    ['ordinal in words', 'born on the first of May, 1980'],
    ['American order', 'born May 1st, 1980'],
  ])('a date of birth, %s', (_, text) => {
    expect(finder.find(text).filter((h) => h.kind === 'date-of-birth' && h.known)).toHaveLength(1);
  });

  it.each(['07700 900123', '07700900123', '+44 7700 900123', '+44 (0)7700 900 123', '0044 7700 900123', '07700-900-123'])('the phone number written %s', (phone) => {
    const hits = finder.find(`Call her on ${phone} after six.`);
    expect(hits.map((h) => `${h.kind}:${h.known}`)).toEqual(['phone:true']);
  });

  it('an e-mail address, in any case, and a name inside an unknown one', () => {
    expect(kinds('Email SIAN.EVANS@EXAMPLE.ORG')).toEqual(['email:known:SIAN.EVANS@EXAMPLE.ORG']);
    expect(kinds('new address lukasz.k@mail.test')).toEqual(['email:known:lukasz.k@mail.test']);
  });

  it('a street address and a postcode with or without the space', () => {
    expect(kinds('Visited 12 Acacia Avenue today')).toEqual(['address:known:12 Acacia Avenue']);
    expect(kinds('moved away from Acacia Avenue')).toEqual(['address:known:Acacia Avenue']);
    expect(kinds('postcode cf52yb')).toEqual(['postcode:known:cf52yb']);
    expect(kinds('CF5 2YB')).toEqual(['postcode:known:CF5 2YB']);
  });
});

describe('names that are also words', () => {
  it('leaves the word alone and catches the name', () => {
    expect(kinds('I hope the meeting helps. There is hope.')).toEqual([]);
    expect(kinds('Hope said she would come.')).toEqual(['name:known:Hope']);
    expect(kinds('Spoke to mr hope')).toEqual(['name:known:mr hope']);
    expect(kinds('grace hope attended')).toEqual(['name:known:grace hope']);
    expect(kinds('By the grace of luck')).toEqual([]);
  });

  it('finds nothing in ordinary English prose', () => {
    const prose = `The meeting took place in a quiet room at the community centre. Both parties were
      prepared over several weeks. There was hope on both sides that the harm could be repaired, and
      the facilitator will write to each of them next week. The young man said he would pay for the
      broken window and write a letter of apology. Everyone agreed the door should be painted white.`;
    expect(kinds(prose)).toEqual([]);
  });
});

describe('patterns for what the record does not list', () => {
  it.each([
    ['postcode', 'lives near SW1A 1AA now', 'SW1A 1AA'],
    ['postcode', 'lives near m11ae now (no space)', 'm11ae'],
    ['phone', 'her friend on 020 7946 0018', '020 7946 0018'],
    ['email', 'write to a.person@example.com', 'a.person@example.com'],
    ['nhs-number', 'NHS number 943 476 5919', '943 476 5919'],
    ['ni-number', 'NI AB 12 34 56 C', 'AB 12 34 56 C'],
    ['vehicle', 'his car AB12 CDE was seen', 'AB12 CDE'],
    ['reference', 'crime ref: 42/12345/26', '42/12345/26'],
  ])('%s in "%s"', (kind, text, found) => {
    const hits = patternHits(text).filter((h) => h.kind === kind);
    expect(hits.map((h) => text.slice(h.start, h.end))).toEqual([found]);
  });

  it('checks NHS numbers by their check digit', () => {
    expect(isNhsNumber('9434765919')).toBe(true);
    expect(isNhsNumber('9434765918')).toBe(false);
  });

  it('does not take words or prices for postcodes and registrations', () => {
    expect(patternHits('The total was £1,200 and the room was B12.')).toEqual([]);
  });
});

describe('anonymising a note', () => {
  const labels = new Map([['harmed', 'the person harmed'], ['responsible', 'the person responsible']]);
  const o = { personLabel: (k: string) => labels.get(k), anchor: '2026-03-02' };

  it('replaces each identifier with a label and says where', () => {
    const note = "Siân's address is 12 Acacia Avenue, CF5 2YB. Luke (DOB 30/11/1999) met Mr Hope on 16/03/2026; call 07700 900123.";
    const r = anonymise(note, finder, o);
    expect(r.text).toBe('the person harmed’s address is [address], [postcode]. the person responsible (DOB [date of birth]) met another person in the third week; call [phone number].'.replace('’', "'"));
    for (const rep of r.replacements) expect(r.text.slice(rep.start, rep.end)).toBe(rep.label);
    expect(leakCheck([{ where: 'the case study', text: r.text }], finder).known).toEqual([]);
  });

  it('writes dates relative to the referral', () => {
    expect(relativeTime('2026-03-02', '2026-03-02')).toBe('in the first week');
    expect(relativeTime('2026-03-16', '2026-03-02')).toBe('in the third week');
    expect(relativeTime('2026-01-01', '2026-03-02')).toBe('before the referral');
    expect(relativeTime('2026-09-02', '2026-03-02')).toBe('after about 6 months');
  });
});

describe('the leak check', () => {
  it('names where and what kind, never the identifier', () => {
    const report = leakCheck(
      [
        { where: 'page 2', text: 'Siân Evans and Siân again, at SW1A 1AA' },
        { where: 'word/footer1.xml', text: 'Period 1 April 2025 to 31 March 2026' },
      ],
      finder,
    );
    expect(report.clean).toBe(false);
    expect(report.known).toEqual([{ where: 'page 2', kind: 'name', count: 2 }]);
    expect(report.patterns).toEqual([{ where: 'page 2', kind: 'postcode', count: 1 }]);
    const said = describeFindings([...report.known, ...report.patterns]);
    expect(said).toBe('page 2: a name (2), a postcode');
    expect(said).not.toMatch(/Siân|SW1A/);
  });
});
