import { z } from 'zod';
import { isoToUk, parseUkDate } from '../shared/lib/dates';

/**
 * Dates on the quality forms are typed the UK way (27/3/2026) and sent as YYYY-MM-DD; the
 * main process checks them again (not in the future, in order) and its errors land on the
 * same fields.
 */
export function ukDate(label: string, o: { required: boolean; missing?: string }) {
  return z
    .string()
    .trim()
    .refine((s) => (s === '' ? !o.required : parseUkDate(s) !== undefined), { error: (i) => (i.input === '' ? (o.missing ?? `Enter ${label.toLowerCase()}`) : `${label} must be a real date, like 27/3/2026`) });
}

/** The ISO date of a box, or undefined when it is empty (checked already by ukDate). */
export const isoOf = (s: string): string | undefined => (s.trim() === '' ? undefined : parseUkDate(s));

export const ukOf = (iso: string | undefined): string => (iso ? isoToUk(iso) : '');

export const DATE_HINT = 'For example, 27/3/2026';
