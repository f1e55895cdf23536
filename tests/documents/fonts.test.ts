import { beforeAll, describe, expect, it } from 'vitest';
import { REPLACEMENT_MARK, type FontSet } from '../../src-main/documents';
import { readFile } from 'node:fs/promises';
import { FontChain } from '../../src-main/documents/fonts';
import { paragraph, renderPdf, type DocumentModel } from '../../src-main/documents';
import { systemCjkOnDemand } from '../../src-main/documents/system-cjk-font';
import { fonts } from './helpers';

let set: FontSet;
beforeAll(async () => {
  set = await fonts();
});

const faceName = (chain: FontChain, text: string) => chain.segment(text).map((s) => `${chain.set.faces[s.face]!.name}:${s.text}`);

describe('font fallback', () => {
  it('draws Latin, Greek, Cyrillic and Vietnamese with DejaVu Sans, accents kept with their letters', () => {
    const chain = new FontChain(set);
    expect(faceName(chain, 'Siân Αλέξανδρος Алексей Nguyễn')).toEqual(['DejaVu Sans:Siân Αλέξανδρος Алексей Nguyễn']);
    // A decomposed accent is composed first (NFC), so it extracts as one character.
    expect(chain.segment('Zoe\u0308')[0]!.text).toBe('Zoë');
  });

  it('prefers Noto Sans Arabic for Arabic, keeps a right-to-left run whole, and leaves the space after it outside', () => {
    const chain = new FontChain(set);
    expect(faceName(chain, 'Name: محمد علی (x)')).toEqual(['DejaVu Sans:Name: ', 'Noto Sans Arabic:محمد علی', 'Noto Sans Arabic: ', 'DejaVu Sans:(x)']);
  });

  it('replaces and reports characters no face has; drops an invisible variation selector silently', () => {
    const chain = new FontChain(set);
    // An Egyptian hieroglyph: in no shipped face, nor in the system CJK face the chain may end with.
    const text = chain.segment('a\u{13000}b\u{E0100}').map((s) => s.text).join('');
    expect(text).toBe(`a${REPLACEMENT_MARK}b`);
    expect(chain.missingCharacters()).toEqual(['\u{13000}']);
  });
});

describe('the system CJK face, read only when a document needs it', () => {
  const doc = (text: string): DocumentModel => ({ metadata: { title: 'Letter' }, blocks: [paragraph(text)] });
  // A reader that records each file asked for, and reads it from the disk as the app does.
  const recording = () => {
    const reads: string[] = [];
    return { reads, set: { faces: set.faces, onDemand: systemCjkOnDemand(async (file) => (reads.push(file), new Uint8Array(await readFile(file)))) } };
  };

  it('is not read for a document in Latin, Greek, Cyrillic and Arabic', async () => {
    const { reads, set: lazy } = recording();
    const r = await renderPdf(doc('Dear Siân, Αλέξανδρος, Алексей and محمد: we write about the meeting.'), { fonts: lazy });
    expect(r.missingCharacters).toEqual([]);
    expect(reads).toEqual([]);
  });

  it('is looked for once a document has a Chinese, Japanese or Korean name, and once only', async () => {
    const { reads, set: lazy } = recording();
    const first = await renderPdf(doc('Dear 李小龍 and さくら 김'), { fonts: lazy });
    expect(reads.length).toBeGreaterThan(0);
    const asked = reads.length;
    await renderPdf(doc('Dear 李小龍 again'), { fonts: lazy });
    expect(reads).toHaveLength(asked);
    // Found or not, the characters are drawn with it or reported: never a crash.
    const found = await systemCjkOnDemand().load();
    expect(first.missingCharacters).toEqual(found ? [] : expect.arrayContaining(['李']));
  });
});
