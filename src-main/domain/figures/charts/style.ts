/**
 * The look every chart shares, in one place: the font the documents embed (DejaVu Sans first,
 * as in resources/fonts/fonts.json, so the PDF draws chart text with the face it already has
 * and the PNG for Word is drawn with the same one), and GOV.UK colours chosen for contrast on
 * white: bars and lines at least 3:1 (WCAG 1.4.11), text at least 4.5:1 (1.4.3). Colour is never
 * the only cue: comparison series differ in fill (solid, outline, hatched) and every bar is
 * labelled in words.
 */
export const CHART_FONT = 'DejaVu Sans';
/** The SVG font-family: the embedded face first (quoted, as the PDF renderer matches it by name), then fallbacks. */
export const CHART_FONT_FAMILY = `'${CHART_FONT}', 'Noto Sans', Arial, sans-serif`;

export const CHART_COLOURS = {
  /** GOV.UK blue, 5.2:1 on white. */
  bar: '#1d70b8',
  /** GOV.UK dark grey, 7:1 on white: the third series' outline and hatching. */
  secondary: '#505a5f',
  text: '#0b0c0c',
  muted: '#505a5f',
  /** The 100% track behind share bars: decoration only, the bar's own colour carries the contrast. */
  track: '#f3f2f1',
  grid: '#b1b4b6',
  axis: '#0b0c0c',
  background: '#ffffff',
} as const;

export const CHART_TEXT = { label: 9, value: 9, axis: 8, legend: 8.5, empty: 10 } as const;

/**
 * An estimate of a line's width in DejaVu Sans (ems per character class, rounded up), for
 * layout only: the domain cannot read fonts, and over-estimating just leaves a little room.
 */
export function estimateTextWidth(text: string, size: number): number {
  let ems = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === ' ') ems += 0.32;
    else if (/[0-9]/.test(ch)) ems += 0.64;
    else if (/[il.,:;'|!()[\]]/.test(ch)) ems += 0.34;
    else if (/[A-Z]/.test(ch) || ch === 'm' || ch === 'w') ems += 0.78;
    else if (cp >= 0x1100) ems += 1;
    else ems += 0.62;
  }
  return ems * size;
}

/** The text cut to fit a width, ending in "…"; whole when it fits. */
export function fitText(text: string, size: number, width: number): string {
  if (estimateTextWidth(text, size) <= width) return text;
  const chars = [...text];
  while (chars.length > 1 && estimateTextWidth(`${chars.join('').trimEnd()}\u2026`, size) > width) chars.pop();
  return `${chars.join('').trimEnd()}\u2026`;
}
