import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CaseSchema, PersonSchema } from '../../src-main/domain/cases/case';
import { asInput, MAX_MARKS_PER_LETTER, personName, requiredText, text, textProblem } from '../../src-main/domain/shared/text';
import { NAME_POOLS, FACILITATORS } from '../../src-main/demo/names';
import { newCase } from '../support/case-fixtures';

/**
 * The rules for text coming in (domain/shared/text.ts): each class of character that makes text
 * not what it seems, injected anywhere in otherwise ordinary text, is refused in the fields it is
 * refused in, with a message naming the field and never repeating the text; real names in many
 * scripts pass; records stored before the rules still open.
 */
const C1 = fc.integer({ min: 0x80, max: 0x9f }).map((c) => String.fromCharCode(c));
const SEPARATOR = fc.constantFrom('\u2028', '\u2029');
const LONE = fc.oneof(fc.integer({ min: 0xd800, max: 0xdbff }), fc.integer({ min: 0xdc00, max: 0xdfff })).map((c) => String.fromCharCode(c));
const BIDI = fc.constantFrom('\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069');
/** Ordinary text: letters of several scripts, digits, spaces and punctuation, with no character a rule refuses. */
const ordinary = fc.string({ unit: fc.constantFrom(...'abcXYZ 0123456789-+().,’ŁłŞşαβЖжمحدשלום日本語한국ệ'), minLength: 1, maxLength: 30 }).filter((s) => s.trim().length > 0);

/** `base` with `bad` put in at a position chosen by `at`, so it may land first, last or inside. */
const inject = (base: string, bad: string, at: number) => {
  const cut = [...base].slice(0, at % ([...base].length + 1)).join('').length;
  return base.slice(0, cut) + bad + base.slice(cut);
};
const injected = (bad: fc.Arbitrary<string>) => fc.tuple(ordinary, bad, fc.nat()).map(([s, b, at]) => ({ value: inject(s, b, at), bad: b }));
/** Inside the text: a separator at either end is whitespace, trimmed away before it is stored. */
const inside = (bad: fc.Arbitrary<string>) => fc.tuple(ordinary, bad, ordinary).map(([a, b, c]) => ({ value: `x${a}${b}${c}x`, bad: b }));

const line = text('Phone', 40);
const shortRequired = requiredText('Referral source', 80);
const free = text('Notes', 10_000);
const name = personName('Given name');

function refusedWith(schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } } }, value: string, label: string) {
  const r = asInput(() => schema.safeParse(value));
  expect(r.success).toBe(false);
  const messages = r.error!.issues.map((i) => i.message);
  expect(messages.some((m) => m.startsWith(label))).toBe(true);
  // The message names the field and says what to do; it never carries the text itself.
  for (const m of messages) expect(m).not.toContain(value.trim());
  return messages;
}

describe('text coming in: refused everywhere', () => {
  it.each([
    ['C1 control characters', C1, /control character/, false],
    ['line and paragraph separators', SEPARATOR, /U\+2028 or U\+2029/, true],
    ['lone surrogates', LONE, /broken character/, false],
  ])('%s, in fields of one line and in free text', (_what, bad, message, trimmed) => {
    fc.assert(
      fc.property((trimmed ? inside : injected)(bad), ({ value }) => {
        for (const [schema, label] of [[line, 'Phone'], [shortRequired, 'Referral source'], [free, 'Notes'], [name, 'Given name']] as const) {
          const messages = refusedWith(schema, value, label);
          expect(messages.join(' ')).toMatch(message);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a name holding a broken character says so, not that it may hold only letters', () => {
    const messages = refusedWith(name, 'Si\ud800ân', 'Given name');
    expect(messages).toEqual(['Given name contains a broken character (half of a character pair, not valid Unicode); type that part again']);
  });
});

describe('text coming in: direction controls', () => {
  it('are refused in fields of one line (names, phones, short text)', () => {
    fc.assert(
      fc.property(injected(BIDI), ({ value }) => {
        expect(refusedWith(line, value, 'Phone').join(' ')).toMatch(/text-direction control/);
        refusedWith(shortRequired, value, 'Referral source');
        refusedWith(name, value, 'Given name');
      }),
      { numRuns: 300 },
    );
  });

  it('are kept in free text, where right-to-left writing may need them', () => {
    fc.assert(
      fc.property(injected(BIDI), ({ value }) => {
        const r = asInput(() => free.safeParse(value));
        expect(r.success).toBe(true);
        expect(r.data).toBe(value.trim());
      }),
      { numRuns: 300 },
    );
  });

  it('in a person: the phone and the preferred name refuse them, the address keeps them', () => {
    const person = { givenName: 'Siân', familyName: 'Evans', phone: '07700\u202e900123', preferredName: '\u2067سيان\u2069', address: '\u202bشارع 12\u202c\nCardiff' };
    const r = asInput(() => PersonSchema.safeParse(person));
    expect(r.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['phone', 'preferredName']);
  });
});

describe('names', () => {
  /** Real names, each as it is written: joiners where the script uses them, marks as typed. */
  const REAL = [
    'محمد‌رضا', 'زهرا‌سادات', 'علی‌اکبر', 'مهر‌انگیز', // Persian, with ZWNJ
    'क्‍ष', 'अर्जुन', 'श्री', 'प्रिया', 'क्षितिज', 'द्विवेदी', // Devanagari, one with ZWJ
    'সৌমিত্র', 'ঋত্বিক', 'রবীন্দ্রনাথ', 'র‍্যাব', // Bengali, one with ZWJ
    'முருகன்', 'ஸ்ரீநிவாசன்', 'கார்த்திகேயன்', // Tamil
    'ക്‍ഷ', 'കൃഷ്ണൻ', // Malayalam, one with ZWJ
    'สมชาย', 'กิตติศักดิ์', 'ศรีสุข', 'น้ำผึ้ง', // Thai
    'Nguyễn', 'Phạm Thị Hương', 'Trần Quốc Tuấn', 'Ngô Bảo Châu', 'Nguyễn', // Vietnamese, the last decomposed
    'عبد الرحمن', 'فاطمة', 'مُحَمَّد', // Arabic, the last with harakat
    'שָׁלוֹם', 'יִצְחָק', 'Ben-David', // Hebrew with points
    'Αλέξανδρος', 'Ευαγγελία', // Greek
    'Алексей', 'Ёлкина', 'Мар’яна', // Cyrillic
    '李', '小龍', '王秀英', // Chinese
    'さくら', '山田', 'ヨシダ', // Japanese
    '김민준', '이서연', // Korean
    'Siân', 'Ffion', 'Llŷr', 'Gwenllïan', "O'Connor", 'Dafydd ap Gruffudd', // Welsh and Irish
    'Łukasz', 'Şükrü', 'Zoë', 'José María', 'Jean-Luc', 'St. John',
    'བསྒྲུབས', // Tibetan: stacked letters are marks
  ];

  it('accepts real names in every script, with joiners between letters and a few marks on one', () => {
    const refused = REAL.filter((n) => !asInput(() => name.safeParse(n)).success);
    expect(refused).toEqual([]);
  });

  it('accepts every name the demo uses', () => {
    const all = [...NAME_POOLS.flatMap((p) => [...p.given, ...p.family]), ...FACILITATORS];
    expect(all.filter((n) => !asInput(() => personName('Name').safeParse(n)).success)).toEqual([]);
  });

  it(`refuses more than ${MAX_MARKS_PER_LETTER} marks on one letter, and accepts up to that`, () => {
    const mark = fc.constantFrom('\u0301', '\u0300', '\u0308', '\u0323', '\u0302', '\u064e', '\u05b4', '\u0e49', '\u093c');
    fc.assert(
      fc.property(fc.constantFrom('Z', 'a', 'ب', 'ש', 'ก', 'क'), fc.array(mark, { minLength: 1, maxLength: 120 }), fc.constantFrom('', 'oë', ' Evans'), (base, marks, rest) => {
        const flood = `${base}${marks.join('')}${rest}`;
        const ok = asInput(() => name.safeParse(flood)).success;
        expect(ok).toBe(marks.length <= MAX_MARKS_PER_LETTER);
        if (!ok) expect(refusedWith(name, flood, 'Given name').join(' ')).toMatch(/more than 4 accents or marks on one letter/);
        // The same pile in a field of one line is refused; in free text it is the writer's.
        expect(asInput(() => line.safeParse(`07700 ${flood}`)).success).toBe(marks.length <= MAX_MARKS_PER_LETTER);
        expect(asInput(() => free.safeParse(flood)).success).toBe(true);
      }),
      { numRuns: 300 },
    );
    expect(asInput(() => name.safeParse('Z' + '\u0301'.repeat(119))).success).toBe(false);
  });

  it('refuses a joiner that is not between letters', () => {
    for (const n of ['\u200cمحمد', 'محمد\u200c', 'محمد\u200c\u200cرضا', 'Jo \u200dAnn', 'Jo-\u200cAnn']) expect(asInput(() => name.safeParse(n)).success, n).toBe(false);
  });
});

describe('records stored before these rules', () => {
  it('still open (the rules for the way in are not applied to them) and can be changed', () => {
    const stored = {
      ...newCase(),
      notes: 'Pasted from an old system:\u0085 line one\u2028line two \ud800',
      participants: [{ id: 'p_harmed1', role: 'harmed' as const, person: { givenName: 'Z' + '\u0301'.repeat(12), familyName: 'Evans', phone: '07700\u202e900123' } }],
    };
    const read = CaseSchema.safeParse(stored);
    expect(read.success).toBe(true);
    expect(read.data).toEqual(stored);
    // The same case arriving as input is refused, field by field.
    const typed = asInput(() => CaseSchema.safeParse(stored));
    expect(typed.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['notes', 'participants.0.person.givenName', 'participants.0.person.phone']);
  });

  it('still refuse C0 control characters, as they always did', () => {
    expect(CaseSchema.safeParse({ ...newCase(), notes: 'bell\u0007' }).success).toBe(false);
    expect(textProblem('a\u0000b', { singleLine: false, input: false })).toBe('control');
  });
});
