/**
 * Parsing a 700 KB TrueType face takes tens of milliseconds; each face is parsed once per run
 * of the app and the parsed font shared by coverage checks, measurement and pdf-lib's
 * embedding (a parsed font is read-only: each PDF builds its own subset from it).
 */
import fontkit, { type Font } from '@cantoo/fontkit';

const parsed = new WeakMap<Uint8Array, Font>();

/** Shaping (GSUB/GPOS) is most of the cost of a PDF; forms repeat the same words, so each result is kept. */
const LAYOUT_CACHE_LIMIT = 20_000;

function withLayoutCache(font: Font): Font {
  const cache = new Map<string, ReturnType<Font['layout']>>();
  const layout = font.layout.bind(font);
  return new Proxy(font, {
    get(target, prop, receiver) {
      if (prop !== 'layout') return Reflect.get(target, prop, receiver);
      return (text: string, features?: unknown, ...rest: unknown[]) => {
        if (rest.some((r) => r !== undefined && r !== null)) return layout(text, features as never, ...(rest as []));
        const key = features ? `${JSON.stringify(features)}\u0000${text}` : text;
        let run = cache.get(key);
        if (!run) {
          if (cache.size >= LAYOUT_CACHE_LIMIT) cache.clear();
          run = layout(text, features as never);
          cache.set(key, run);
        }
        restoreCodePoints(target, run, text);
        return run;
      };
    },
  });
}

/**
 * fontkit keeps one glyph object per glyph id for the life of the parsed font, with the
 * characters it was first made for. A glyph first made without any (as a component of a
 * composite glyph while a subset was written: DejaVu builds Cyrillic "с" from Latin "c") keeps
 * none, and pdf-lib's ToUnicode map, built from those characters, then maps the glyph to
 * nothing: "facilitator" came out of pdftotext as "fa ilitator". Give such a glyph the
 * character of this text that it draws.
 */
function restoreCodePoints(font: Font, run: ReturnType<Font['layout']>, text: string): void {
  for (const g of run.glyphs) {
    if (g.codePoints.length > 0 || g.id === 0) continue;
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (font.glyphForCodePoint(cp)?.id === g.id) {
        (g as { codePoints: number[] }).codePoints = [cp];
        break;
      }
    }
  }
}

/**
 * A face taken from a font collection (.ttc), parsed now and kept under the collection's bytes,
 * so every later parseFont(bytes), and pdf-lib's embedding through cachingFontkit, gets this
 * face. Undefined when the bytes are not a collection; the first face when the name is absent.
 */
export function adoptCollectionFace(bytes: Uint8Array, postscriptName: string): string | undefined {
  const c = fontkit.create(bytes);
  if (!('fonts' in c)) return undefined;
  const names = c.fonts.map((f) => f.postscriptName).filter((n): n is string => typeof n === 'string');
  const chosen = names.includes(postscriptName) ? postscriptName : names[0];
  if (chosen === undefined) return undefined;
  const f = fontkit.create(bytes, chosen);
  if (!f || !('layout' in f)) return undefined;
  parsed.set(bytes, withLayoutCache(f));
  return chosen;
}

export function parseFont(bytes: Uint8Array): Font {
  let font = parsed.get(bytes);
  if (!font) {
    const f = fontkit.create(bytes);
    if (!('layout' in f)) throw new Error('A font collection (.ttc) was given; give a single face (.ttf)');
    font = withLayoutCache(f);
    parsed.set(bytes, font);
  }
  return font;
}

/** What pdf-lib's registerFontkit needs, answering from the cache for faces already parsed. */
export const cachingFontkit: typeof fontkit = {
  ...fontkit,
  create: ((bytes: Uint8Array, postscriptName?: string) =>
    postscriptName === undefined ? parseFont(bytes) : fontkit.create(bytes, postscriptName)) as typeof fontkit.create,
};
