/** The building blocks of the document templates' schemas: a piece of wording, wording per role, a group of labels. */
import { z } from 'zod';

export const wording = (label: string, max = 10_000) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .min(1, { error: `${label} is empty: write the wording or remove the line if it is optional` })
    .max(max, { error: `${label} must be at most ${max} characters` });

export const byRole = <T extends z.ZodType>(value: T) =>
  z.strictObject({ harmed: value.optional(), responsible: value.optional(), supporter: value.optional(), 'parent-guardian': value.optional() });

/** A group of named labels, every one required: `labels(['low', 'medium', 'high'])`. */
export function labels<const K extends string>(keys: readonly K[], max = 200) {
  return z.strictObject(Object.fromEntries(keys.map((k) => [k, wording(k, max)])) as Record<K, ReturnType<typeof wording>>);
}
