import { addDays, daysInMonth, makeDate, parts } from '../../../src-main/domain/time/dates';
import type { Period } from '../../../src-main/domain/figures/figures';

/** The periods services report on most: quarters, the financial year (1 April to 31 March), a rolling year. */
export const QUICK_PERIODS = [
  { id: 'this-quarter', label: 'This quarter' },
  { id: 'last-quarter', label: 'Last quarter' },
  { id: 'this-financial-year', label: 'This financial year' },
  { id: 'last-12-months', label: 'Last 12 months' },
] as const;
export type QuickPeriod = (typeof QUICK_PERIODS)[number]['id'];

/** The quarter (January to March, April to June, …) `offset` quarters from the one holding `today`. */
function quarter(today: string, offset: number): Period {
  const { y, m } = parts(today);
  const index = y * 4 + Math.floor((m - 1) / 3) + offset;
  const year = Math.floor(index / 4);
  const first = (index % 4) * 3 + 1;
  return { from: makeDate(year, first, 1), to: makeDate(year, first + 2, daysInMonth(year, first + 2)) };
}

export function quickPeriod(id: QuickPeriod, today: string): Period {
  const { y, m, d } = parts(today);
  switch (id) {
    case 'this-quarter':
      return quarter(today, 0);
    case 'last-quarter':
      return quarter(today, -1);
    case 'this-financial-year': {
      const start = m >= 4 ? y : y - 1;
      return { from: makeDate(start, 4, 1), to: makeDate(start + 1, 3, 31) };
    }
    case 'last-12-months':
      // 24 November 2025 to 23 November 2026: twelve whole months ending today.
      return { from: addDays(makeDate(y - 1, m, Math.min(d, daysInMonth(y - 1, m))), 1), to: today };
  }
}
