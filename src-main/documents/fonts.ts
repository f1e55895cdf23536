/**
 * Fonts for the PDF renderer: an ordered chain of Unicode TrueType faces shipped in
 * `resources/fonts/` (listed in its `fonts.json`). Each character is drawn with the first face
 * that has a glyph for it; a character no face has is replaced by a visible mark and reported.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { parseFont } from './parsed-fonts';
import { systemCjkOnDemand } from './system-cjk-font';
import { BIDI_CONTROL } from '../domain/shared/text';

export interface FontFace {
  /** Family name, for messages and for the PDF's font name. */
  readonly name: string;
  readonly regular: Uint8Array;
  /** Without a bold face, bold text in this face is drawn in regular. */
  readonly bold?: Uint8Array;
  /**
   * Unicode script names (e.g. "Arabic") this face draws in preference to faces earlier in the
   * chain: DejaVu has basic Arabic, but Noto Sans Arabic is the better face for it.
   */
  readonly preferFor?: readonly string[];
}

/**
 * A face too big to read unless a document needs it (the system's CJK face, 20–40 MB): read
 * the first time a document has text in one of its scripts, then added at the end of the chain.
 */
export interface OnDemandFace {
  /** Unicode script names whose characters make the face worth reading; it is preferred for them. */
  readonly preferFor: readonly string[];
  /** The face, or undefined when this machine has none. */
  load(): Promise<FontFace | undefined>;
}

/** Faces in fallback order. The first face must have the replacement mark (□). */
export interface FontSet {
  readonly faces: readonly FontFace[];
  /** Read only for a document that needs it (see fontsFor). */
  readonly onDemand?: OnDemandFace;
}

/** Drawn in place of a character that no face has. */
export const REPLACEMENT_MARK = '\u25A1';

const ManifestSchema = z.object({
  comment: z.string().optional(),
  faces: z
    .array(
      z.strictObject({
        name: z.string().min(1),
        regular: z.string().regex(/^[\w.-]+\.(ttf|otf)$/i),
        bold: z.string().regex(/^[\w.-]+\.(ttf|otf)$/i).optional(),
        licence: z.string().optional(),
        preferFor: z.array(z.string().refine((n) => isScript(n), { error: 'preferFor lists Unicode script names such as Arabic' })).optional(),
        comment: z.string().optional(),
      }),
    )
    .min(1),
});

const loaded = new Map<string, Promise<FontSet>>();

/** Reads the faces listed in `DIR/fonts.json`. Cached per folder: fonts do not change while the app runs. */
export function loadBundledFonts(dir: string): Promise<FontSet> {
  const key = path.resolve(dir);
  let set = loaded.get(key);
  if (!set) {
    set = readFontSet(key);
    set.catch(() => loaded.delete(key));
    loaded.set(key, set);
  }
  return set;
}

async function readFontSet(dir: string): Promise<FontSet> {
  const manifest = ManifestSchema.parse(JSON.parse(await readFile(path.join(dir, 'fonts.json'), 'utf8')));
  const faces = await Promise.all(
    manifest.faces.map(async (f) => ({
      name: f.name,
      regular: new Uint8Array(await readFile(path.join(dir, f.regular))),
      ...(f.bold ? { bold: new Uint8Array(await readFile(path.join(dir, f.bold))) } : {}),
      ...(f.preferFor ? { preferFor: f.preferFor } : {}),
    })),
  );
  // Last in the chain, and read only when a document has CJK text (system-cjk-font.ts says why).
  return { faces, onDemand: systemCjkOnDemand() };
}

const withOnDemand = new WeakMap<FontSet, Promise<FontSet>>();

/**
 * The fonts a document with these texts needs: the set's own faces, and its on-demand face only
 * when some text is in one of that face's scripts, so a document in English never reads the
 * 40 MB CJK collection. The widened set is made once per set, so faces are parsed once.
 */
export function fontsFor(set: FontSet, texts: Iterable<string>): Promise<FontSet> {
  const lazy = set.onDemand;
  if (!lazy) return Promise.resolve(set);
  const needed = new RegExp(lazy.preferFor.map((s) => `\\p{Script=${s}}`).join('|'), 'u');
  let needs = false;
  for (const t of texts) if ((needs = needed.test(t))) break;
  if (!needs) return Promise.resolve(set);
  let widened = withOnDemand.get(set);
  if (!widened) {
    widened = lazy.load().then(
      (face) => ({ faces: face ? [...set.faces, face] : set.faces }),
      // A face that cannot be read is as if absent: its characters are reported missing.
      () => ({ faces: set.faces }),
    );
    withOnDemand.set(set, widened);
  }
  return widened;
}

const scripts = new Map<string, RegExp>();
/** A regular expression matching one Unicode script, e.g. "Arabic". */
function scriptTest(name: string): RegExp {
  let re = scripts.get(name);
  if (!re) {
    re = new RegExp(`\\p{Script=${name}}`, 'u');
    scripts.set(name, re);
  }
  return re;
}
function isScript(name: string): boolean {
  if (!/^[A-Za-z_]+$/.test(name)) return false;
  try {
    scriptTest(name);
    return true;
  } catch {
    return false;
  }
}

/** Characters that may vanish without a mark when no face has them (joiners, variation selectors, bidi controls). */
const IGNORABLE_RANGES: readonly [number, number][] = [
  [0x00ad, 0x00ad],
  [0x034f, 0x034f],
  [0x180b, 0x180f],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x2064],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xe0100, 0xe01ef],
];
const isIgnorable = (cp: number) => IGNORABLE_RANGES.some(([a, b]) => cp >= a && cp <= b);
const COMBINING = /\p{M}/u;
const SPACE = /\p{Zs}/u;
const RTL = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

/** Which face draws each code point, remembered per font set. */
const coverageCache = new WeakMap<FontSet, Map<number, number>>();

export interface Segment {
  readonly text: string;
  /** Index into the chain's faces. */
  readonly face: number;
}

/**
 * Decides which face draws each character. Parses each regular face once with fontkit to read
 * its character map; the bold face of a family is assumed to cover the same characters.
 */
export class FontChain {
  private readonly byCodePoint: Map<number, number>;
  private readonly missing = new Set<string>();

  constructor(readonly set: FontSet) {
    if (set.faces.length === 0) throw new Error('No fonts: the font set is empty');
    let cached = coverageCache.get(set);
    if (!cached) {
      cached = new Map();
      coverageCache.set(set, cached);
    }
    this.byCodePoint = cached;
  }

  /** Faces are parsed when first needed: a form in English never parses the Noto faces. */
  private has(face: number, cp: number): boolean {
    return parseFont(this.set.faces[face]!.regular).hasGlyphForCodePoint(cp);
  }

  /** The face that has this code point, or -1: a face preferred for the character's script first, then the chain's order. */
  faceFor(cp: number): number {
    let face = this.byCodePoint.get(cp);
    if (face === undefined) {
      const ch = String.fromCodePoint(cp);
      face = this.set.faces.findIndex((f, i) => f.preferFor?.some((script) => scriptTest(script).test(ch)) && this.has(i, cp));
      if (face < 0) face = this.set.faces.findIndex((_, i) => this.has(i, cp));
      this.byCodePoint.set(cp, face);
    }
    return face;
  }

  /**
   * Splits text into runs of one face, replacing characters no face has with □ (and
   * remembering them for the report). Combining marks stay with their base character's face
   * when it has them, so accents are not split from their letters.
   */
  segment(text: string): Segment[] {
    const out: { text: string; face: number; rtl: boolean }[] = [];
    let prevFace = -1;
    let prevRtl = false;
    for (const ch of text.normalize('NFC')) {
      const cp = ch.codePointAt(0)!;
      if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) continue; // control characters never print
      // Runs are laid out in their script's direction; explicit direction controls are not applied (bidi.ts).
      if (cp >= 0x2000 && BIDI_CONTROL.test(ch)) continue;
      let face: number;
      let drawn = ch;
      let rtl = RTL.test(ch);
      // Marks stay with their letter, and spaces with the words around them, when the face has
      // them: a right-to-left run (Arabic, Hebrew) then stays one run that fontkit lays out
      // right to left as a whole.
      if ((COMBINING.test(ch) || SPACE.test(ch)) && prevFace >= 0 && this.has(prevFace, cp)) {
        face = prevFace;
        rtl = prevRtl;
      } else {
        face = this.faceFor(cp);
      }
      if (face < 0) {
        if (isIgnorable(cp)) continue;
        this.missing.add(ch);
        drawn = REPLACEMENT_MARK;
        face = 0;
      }
      // A run never mixes directions: fontkit picks one direction for the whole string.
      const last = out[out.length - 1];
      if (last && last.face === face && last.rtl === rtl) last.text += drawn;
      else out.push({ text: drawn, face, rtl });
      prevFace = face;
      prevRtl = rtl;
    }
    // Spaces after a right-to-left run belong to the text that follows, not inside the run
    // (where they would be drawn at its left end).
    return out.flatMap(({ text, face, rtl }) => {
      const trailing = rtl ? /\p{Zs}+$/u.exec(text) : null;
      return trailing ? [{ text: text.slice(0, trailing.index), face }, { text: trailing[0], face }] : [{ text, face }];
    });
  }

  /** Characters replaced so far, in code-point order. */
  missingCharacters(): string[] {
    return [...this.missing].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!);
  }
}
