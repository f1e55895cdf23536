/**
 * Text widths from the fonts' own metrics (fontkit layout, the same advances pdf-lib draws
 * with), across the fallback chain. Remembers widths per face, weight and string, since forms
 * repeat the same words.
 */
import type { FontChain } from '../fonts';
import { parseFont as parse } from '../parsed-fonts';
import type { Style } from './line-break';

export class TextMeasurer {
  private readonly cache = new Map<string, number>();

  constructor(readonly chain: FontChain) {}

  /** Face bytes for a face index and weight (regular when the family has no bold). */
  faceBytes(face: number, bold: boolean): Uint8Array {
    const f = this.chain.set.faces[face]!;
    return bold && f.bold ? f.bold : f.regular;
  }

  width(text: string, style: Style, size: number): number {
    let units = 0;
    for (const seg of this.chain.segment(text)) {
      const key = `${seg.face}|${style.bold ? 1 : 0}|${seg.text}`;
      let w = this.cache.get(key);
      if (w === undefined) {
        const font = parse(this.faceBytes(seg.face, style.bold));
        // Glyph advances without kerning: pdf-lib draws glyphs at their advance widths.
        w = font.layout(seg.text).glyphs.reduce((s, g) => s + g.advanceWidth, 0) / font.unitsPerEm;
        if (this.cache.size > 50_000) this.cache.clear();
        this.cache.set(key, w);
      }
      units += w;
    }
    return units * size;
  }
}
