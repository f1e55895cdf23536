import { z } from 'zod';
import { SettingsSchema } from '../domain/settings';
import { UserSchema } from '../domain/user';

/**
 * The index database: settings, users and counters. Small, read at unlock, rewritten when one
 * of them changes. Case rows live in the summary shards, not here, so saving a case does not
 * rewrite it.
 */
export const CURRENT_SCHEMA = 1;

export const IndexSchema = z.strictObject({
  schemaVersion: z.literal(CURRENT_SCHEMA),
  storeId: z.string().regex(/^[0-9a-f]{32}$/),
  settings: SettingsSchema,
  users: z.array(UserSchema).min(1),
  /** Last case number issued per year, for references like RJ-2026-0042. */
  referenceCounters: z.record(z.string().regex(/^\d{4}$/), z.number().int().min(0)),
});
export type IndexData = z.infer<typeof IndexSchema>;
