import { z } from 'zod';

/**
 * Ids for the records of the restorative process. Like case (c_) and participant (p_) ids they
 * are random, carry a type prefix and say nothing about the person, so they can appear in
 * calendar UIDs and logs without leaking anything.
 */
export const MeetingIdSchema = z
  .string({ error: 'Choose a meeting' })
  .regex(/^m_[a-z0-9]{6,40}$/, { error: 'A meeting id looks like m_ followed by 6–40 lower-case letters or digits' });

export const VenueIdSchema = z
  .string({ error: 'Choose a venue' })
  .regex(/^v_[a-z0-9]{6,40}$/, { error: 'Choose a venue from the venue list' });

export const ActionIdSchema = z
  .string({ error: 'An agreement action needs an id' })
  .regex(/^a_[a-z0-9]{6,40}$/, { error: 'An action id looks like a_ followed by 6–40 lower-case letters or digits' });

/**
 * An attachment (a scanned letter, a recording) is kept encrypted by the store and named by
 * a keyed digest of its content (HMAC-SHA256 under a key from the data key), in hex.
 */
export const AttachmentRefSchema = z
  .string({ error: 'An attachment reference must be text' })
  .regex(/^[0-9a-f]{64}$/, { error: 'An attachment reference is 64 characters, 0–9 and a–f' });

/** A wall-clock time in 24-hour form, as people in England and Wales write it. */
export const TimeSchema = z
  .string({ error: 'Enter a time like 14:30' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Enter a time as HH:MM on the 24-hour clock, like 09:30 or 14:00' });

/** Which ids appear more than once in a list, for "chosen twice" messages. */
export function repeated<T>(items: readonly T[]): T[] {
  const seen = new Set<T>();
  const out = new Set<T>();
  for (const it of items) (seen.has(it) ? out : seen).add(it);
  return [...out];
}
