/** The look of a printed page: A4, margins, type sizes and colours, in points. */
import type { TypeScale } from '../model';

export const PAGE_WIDTH = 595.28;
export const PAGE_HEIGHT = 841.89;
export const MARGIN_X = 56.69; // 20 mm
export const TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X;

/** Header: logo and text at the top of every page, then a rule. */
export const HEADER_BASELINE = PAGE_HEIGHT - 38;
export const HEADER_RULE = PAGE_HEIGHT - 48;
export const LOGO_HEIGHT = 26;
export const CONTENT_TOP = PAGE_HEIGHT - 66;

/** Footer: a rule, then the footer text and "Page X of Y". */
export const FOOTER_RULE = 46;
export const FOOTER_BASELINE = 32;
export const CONTENT_BOTTOM = 62;
export const CONTENT_HEIGHT = CONTENT_TOP - CONTENT_BOTTOM;

export interface TypeSizes {
  readonly body: number;
  readonly small: number;
  readonly table: number;
  readonly header: number;
  readonly h1: number;
  readonly h2: number;
  readonly h3: number;
}

export const SIZE: TypeSizes = {
  body: 10,
  small: 8.5,
  table: 9,
  header: 8.5,
  h1: 17,
  h2: 12.5,
  h3: 10.5,
};

/**
 * Type sizes for each scale (model.ts TypeScale), shared by the PDF and DOCX renderers.
 * Letters: 12 pt body, and notes such as the offer of other formats at body size too (RNIB
 * clear print: 12 pt minimum). Large print: nothing smaller than 16 pt, page furniture included.
 */
export const TYPE_SIZES: Readonly<Record<TypeScale, TypeSizes>> = {
  standard: SIZE,
  letter: { body: 12, small: 12, table: 10.5, header: 9, h1: 18, h2: 14, h3: 12 },
  large: { body: 16, small: 16, table: 16, header: 16, h1: 24, h2: 20, h3: 18 },
};

export const typeSizes = (scale: TypeScale | undefined): TypeSizes => TYPE_SIZES[scale ?? 'standard'];

/** Line height as a multiple of the type size. */
export const LEADING = 1.4;
export const lineHeight = (size: number) => size * LEADING;
/** From the top of a line box to the baseline, for DejaVu-like metrics. */
export const baselineOffset = (size: number) => size * 1.08;

export type RGB = readonly [number, number, number];
export const COLOUR = {
  text: [0.11, 0.11, 0.13],
  muted: [0.36, 0.38, 0.42],
  accent: [0.05, 0.25, 0.43],
  rule: [0.72, 0.75, 0.79],
  faint: [0.85, 0.87, 0.9],
  fill: [0.92, 0.94, 0.96],
  stripe: [0.97, 0.975, 0.98],
  white: [1, 1, 1],
} as const satisfies Record<string, RGB>;
