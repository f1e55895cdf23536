import { beforeAll, describe, expect, it } from 'vitest';
import { REPLACEMENT_MARK, type FontSet } from '../../src-main/documents';
import { FontChain } from '../../src-main/documents/fonts';
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
