import { describe, expect, it } from 'vitest';
import { conflictId } from '../../src-main/domain/sync/conflict-id';
import { keyWords, pathWords, valueWords } from '../../src-main/domain/sync/conflict-words';
import type { Json } from '../../src-main/domain/sync/merge';

/** What "Changes to resolve" shows: where the conflict is and each version, in plain words. */
const record: Json = {
  contacts: [
    { id: 'c1', date: '2026-03-03', type: 'phoneCall', notes: 'Private words.' },
    { id: 'c2', notes: 'More private words.' },
    { id: 'c3', title: 'Letter   to\nvictim', name: 'Asha' },
  ],
  cpdEntries: [{ id: 'p1', at: '2026-07-01T09:30:00Z', notes: 'x' }],
};

describe('pathWords', () => {
  it('names list items by their date and type, and keys as words', () => {
    expect(pathWords(['contacts', { id: 'c1' }, 'notes'], record)).toBe('Contacts › 3 March 2026 phone call › Notes');
  });

  it('falls back to "item N" and never shows another field’s value', () => {
    const words = pathWords(['contacts', { id: 'c2' }, 'notes'], record);
    expect(words).toBe('Contacts › item 2 › Notes');
    expect(words).not.toContain('private');
  });

  it('uses title and name on one line, and says when an item is gone', () => {
    expect(pathWords(['contacts', { id: 'c3' }], record)).toBe('Contacts › Letter to victim Asha');
    expect(pathWords(['contacts', { id: 'zz' }, 'notes'], record)).toBe('Contacts › an item no longer there › Notes');
    expect(pathWords(['cpdEntries', { id: 'p1' }], record)).toBe('CPD entries › item 1');
    expect(pathWords([], record)).toBe('The whole record');
  });

  it('turns keys of any style into words', () => {
    expect(keyWords('rjInformationGiven')).toBe('RJ information given');
    expect(keyWords('offence_description')).toBe('Offence description');
    expect(keyWords('PDFExport')).toBe('PDF export');
    expect(keyWords('__proto__')).toBe('Proto');
    expect(keyWords('--')).toBe('“--”');
  });
});

describe('valueWords', () => {
  it('shows text as it is, Yes/No, dates in words and a removal', () => {
    expect(valueWords('Left a message.')).toBe('Left a message.');
    expect(valueWords(true)).toBe('Yes');
    expect(valueWords(false)).toBe('No');
    expect(valueWords('2026-03-03')).toBe('3 March 2026');
    expect(valueWords('2026-07-01T09:30:00Z')).toBe('1 July 2026 at 10:30');
    expect(valueWords('2026-02-30')).toBe('2026-02-30');
    expect(valueWords(undefined)).toBe('(removed)');
    expect(valueWords(null)).toBe('(empty)');
    expect(valueWords('')).toBe('(empty)');
    expect(valueWords(42)).toBe('42');
  });

  it('shows objects as "Key: value; …" and lists with commas', () => {
    expect(valueWords({ line1: '1 High St', postCode: 'LS1 1AA', checked: false })).toBe('Line1: 1 High St; Post code: LS1 1AA; Checked: No');
    expect(valueWords({ tags: ['a', 'b'], address: { town: 'Leeds' }, none: [], blank: {} })).toBe('Tags: a, b; Address: (Town: Leeds); None: (none); Blank: (empty)');
    expect(valueWords([{ date: '2026-03-03' }, { date: '2026-03-04' }])).toBe('(Date: 3 March 2026), (Date: 4 March 2026)');
  });

  it('cuts at 300 characters with "…", never in the middle of a character', () => {
    const long = '😀'.repeat(400);
    const words = valueWords(long);
    expect(Array.from(words)).toHaveLength(300);
    expect(words.endsWith('😀…')).toBe(true);
    expect(Array.from(valueWords({ notes: 'x'.repeat(100_000), more: 'y' }))).toHaveLength(300);
  });
});

describe('conflict ids', () => {
  it('are readable for plain paths, hashed otherwise, and the same for the same path', () => {
    expect(conflictId([])).toBe('c');
    expect(conflictId(['contacts', { id: 'c1' }, 'notes'])).toBe('c-contacts-_c1-notes');
    const odd = conflictId(['contacts', { id: 'a-b' }]);
    expect(odd).toMatch(/^h-[0-9a-f]{32}$/);
    expect(conflictId(['contacts', { id: 'a-b' }])).toBe(odd);
    expect(conflictId(['x'.repeat(100)])).toMatch(/^h-[0-9a-f]{32}$/);
  });

  it('tell a key from an id and paths apart', () => {
    const ids = [['a', 'b'], ['a', { id: 'b' }], ['a_b'], ['a-b'], [{ id: 'a' }, 'b'], ['_a'], ['a', 'b', 'c'], [{ id: 'a_b' }]].map((p) => conflictId(p as never));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{1,80}$/);
  });
});
