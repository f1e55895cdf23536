/** Charts from the figures: specs, geometry, SVG and words (pure; no DOM, no files). */
export * from './spec';
export * from './style';
export * from './geometry';
export * from './svg';
export * from './text-alternative';
export * from './by-month';
export * from './from-figures';
export * from './commissioner-charts';
