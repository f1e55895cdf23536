import type { Framework } from '../../domain/quality/frameworks';
import type { FrameworkChoice } from '../../domain/quality/pack-request';

/**
 * The frameworks as the pack form offers them, in the order their files were loaded. Titles
 * and purposes come from the files, so a service that rewords a framework sees its own words
 * on screen as on the pack's cover; the standards stay in the main process.
 */
export function frameworkChoices(frameworks: readonly Framework[]): FrameworkChoice[] {
  return frameworks.map((f) => ({ id: f.id, title: f.title, purpose: f.purpose, ...(f.periodMonths !== undefined ? { periodMonths: f.periodMonths } : {}) }));
}
