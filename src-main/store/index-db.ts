import { z } from 'zod';
import { CaseworkSettingsSchema, DEFAULT_CASEWORK_SETTINGS } from '../domain/casebook/casework-settings';
import { SettingsSchema } from '../domain/casebook/settings';
import { StaffListSchema } from '../domain/staff/staff';
import { UserSchema } from '../domain/casebook/user';
import { VenueListSchema } from '../domain/conferences/venue';
import { MAX_SHARD_BITS, MIN_SHARD_BITS } from './summary-layout';

/**
 * The index database: settings, users, staff and counters. Small, read at unlock, rewritten
 * when one of them changes. Case rows live in the summary shards, not here, so saving a case
 * does not rewrite it (except the save that makes the shards split, which records it here).
 */
/** 2: every login is linked to a staff record; 3: the staff register moved to its own file (migrations.ts). */
export const CURRENT_SCHEMA = 3;

export const IndexSchema = z.strictObject({
  schemaVersion: z.literal(CURRENT_SCHEMA),
  storeId: z.string().regex(/^[0-9a-f]{32}$/),
  settings: SettingsSchema,
  users: z.array(UserSchema).min(1),
  /**
   * Last case number issued per prefix and year ("RJ-2026"), for references like
   * RJ-2026-0042. A bare year is accepted too, so an index written before prefixes counted
   * still loads.
   */
  referenceCounters: z.record(z.string().regex(/^([A-Z][A-Z0-9]{0,9}-)?\d{4}$/), z.number().int().min(0)),
  // Added with casework (issue 3). Stores written before it have neither field; the defaults
  // fill them in when the index is read, so no migration (and no schemaVersion change) is needed.
  /** The minimal staff list: who can lead, co-facilitate, take consent and sign off risk. */
  staff: StaffListSchema.default([]),
  /** Reference prefix and who signs off high risks. */
  casework: CaseworkSettingsSchema.default(DEFAULT_CASEWORK_SETTINGS),
  /** Added with the process (issue 5): rooms that meetings are booked in. */
  venues: VenueListSchema.default([]),
  /**
   * Store format 2: the case list is split into 2^summaryShardBits shard files
   * (summary-layout.ts). Only the store sets it; absent in a format 1 index (32 shards).
   */
  summaryShardBits: z.number().int().min(MIN_SHARD_BITS).max(MAX_SHARD_BITS).optional(),
  /**
   * Set once the casebook has a sealed root (root.ts): from then on a missing root.cbk is damage,
   * not an older casebook that has never had one. Only the store sets it.
   */
  sealed: z.literal(true).optional(),
  /**
   * Added with the staff register (issue 11): the revision of each register file (registers.ts)
   * as last saved. The index is pinned by the sealed root, so an older copy of a register file
   * put back no longer matches; the registers themselves are not read at unlock.
   */
  /**
   * Team use (issue 16): this computer's block of case references (domain/sync/team.ts), set
   * when it turns team use on or joins. Kept here, beside the counters, and never synced.
   */
  referenceBlock: z.number().int().min(0).max(98).optional(),
  registers: z.record(z.string().regex(/^[a-z][a-z-]{0,30}$/), z.number().int().min(1)).default({}),
});

export type IndexData = z.infer<typeof IndexSchema>;
