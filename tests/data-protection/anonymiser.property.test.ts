import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { anonymise, anonymiser } from '../../src-main/domain/data-protection/anonymiser/anonymise';
import { knownIdentifiers, type KnownPerson } from '../../src-main/domain/data-protection/anonymiser/known';
import { leakCheck } from '../../src-main/domain/data-protection/anonymiser/leak-check';

/**
 * Participants made up from names in many scripts (and names that are words), and notes that
 * mention them in the variants people write: capitals, lower case (not for names that are
 * words, which need a capital by design), without accents, possessive, split across a line,
 * inside an e-mail address, the date of birth in several forms. Every mention must be found:
 * after anonymising, the leak check finds no known identifier left.
 */
const GIVEN = ['Siân', 'Łukasz', 'Αλέξανδρος', 'Şükrü', 'Zoë', 'Björn', 'Aoife', 'Ngozi', 'Priya', 'Jürgen', 'Grace', 'Hope', 'Dawn', 'Mark'];
const FAMILY = ['Evans', 'Kowalski', 'Παπαδόπουλος', 'Yılmaz', 'Ó Súilleabháin', 'Nowak', 'Okafor', 'Brown', 'Young', 'Smith-Jones', 'Nguyễn'];
const WORDISH = new Set(['grace', 'hope', 'dawn', 'mark', 'brown', 'young', 'smith']);
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const strip = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/g, 'l').replace(/ı/g, 'i');

const naiveFold = (s: string) => strip(s.replace(/-\n/g, '')).toLowerCase();

const person = fc.record({
  given: fc.constantFrom(...GIVEN),
  family: fc.constantFrom(...FAMILY),
  dob: fc.date({ min: new Date('1950-01-01'), max: new Date('2010-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
});

type Variant = (name: string, wordish: boolean) => string;
const VARIANTS: Variant[] = [
  (n) => n,
  (n) => n.toUpperCase(),
  (n, w) => (w ? n : n.toLowerCase()),
  (n) => strip(n),
  (n) => `${n}'s`,
  (n) => `${n.toUpperCase()}’S`,
  // Split across a line inside a word, as a justified paragraph would.
  (n) => {
    const w = n.split(' ')[0]!;
    return w.length > 4 ? n.replace(w, `${w.slice(0, 2)}-\n${w.slice(2)}`) : n;
  },
];

function dobForms(iso: string): string[] {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const dd = String(d).padStart(2, '0');
  const mm = String(m).padStart(2, '0');
  const ord = d % 10 === 1 && d !== 11 ? 'st' : d % 10 === 2 && d !== 12 ? 'nd' : d % 10 === 3 && d !== 13 ? 'rd' : 'th';
  return [`${dd}/${mm}/${y}`, `${d}/${m}/${String(y).slice(2)}`, `${d} ${MONTHS[m - 1]} ${y}`, `${d}${ord} of ${MONTHS[m - 1]} ${y}`, iso];
}

describe('the anonymiser against generated participants and notes', () => {
  it('leaves no known identifier behind', () => {
    fc.assert(
      fc.property(fc.array(person, { minLength: 1, maxLength: 4 }), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat()), { minLength: 1, maxLength: 8 }), (people, picks) => {
        const known: KnownPerson[] = people.map((p, i) => ({ key: `p${i}`, givenName: p.given, familyName: p.family, dateOfBirth: p.dob }));
        const finder = anonymiser(knownIdentifiers(known));
        const sentences = picks.map(([who, which, how, form]) => {
          const p = people[who % people.length]!;
          const name = which % 3 === 0 ? p.given : which % 3 === 1 ? p.family : `${p.given} ${p.family}`;
          const wordish = name.split(/[\s-]/).some((w) => WORDISH.has(w.toLowerCase()));
          const written = VARIANTS[how % VARIANTS.length]!(name, wordish);
          const dob = dobForms(p.dob)[form % 5]!;
          return form % 2 === 0 ? `Spoke with ${written} today (born ${dob}).` : `Letter to ${strip(p.given).toLowerCase()}.${strip(p.family).toLowerCase().replace(/[\s']/g, '')}@mail.test about ${written}.`;
        });
        const note = sentences.join(' ');
        const out = anonymise(note, finder).text;
        const report = leakCheck([{ where: 'the note', text: out }], finder);
        expect(report.known, `${note}\n→ ${out}`).toEqual([]);
        // An oracle that shares no code with the anonymiser: no part of any name, folded by hand,
        // stands as a word in the output, and no form of any date of birth is left in it.
        const plain = naiveFold(out);
        for (const p of people) {
          for (const part of naiveFold(`${p.given} ${p.family}`).split(/[\s-]+/)) {
            expect(new RegExp(`(?<!\\p{L})${part}(?!\\p{L})`, 'u').test(plain), `${part} left in: ${out}`).toBe(false);
          }
          for (const form of dobForms(p.dob)) expect(out.includes(form), `${form} left in: ${out}`).toBe(false);
        }
      }),
      { numRuns: 300, seed: 20261206 },
    );
  });
});
