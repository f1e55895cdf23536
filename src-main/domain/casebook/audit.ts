import { z } from 'zod';

/**
 * One entry of the tamper-evident audit trail. It records who did what to which record and
 * which fields changed, never the values: the trail must be safe to show to an auditor.
 */
export const AuditEntrySchema = z.strictObject({
  seq: z.number().int().min(1),
  at: z.iso.datetime(),
  userId: z.string().max(64),
  userName: z.string().max(200),
  action: z.string().regex(/^[a-z][a-z0-9.-]{1,63}$/),
  entity: z.strictObject({ type: z.string().max(40), id: z.string().max(80) }),
  fields: z.array(z.string().max(80)).max(200),
  /** Hash (hex SHA-256) of the previous entry; 64 zeros for the first. */
  prev: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export type AuditDraft = Omit<AuditEntry, 'seq' | 'at' | 'prev' | 'hash'>;

export const AuditFilterSchema = z.strictObject({
  from: z.iso.date({ error: 'From must be a date like 2026-01-31' }).optional(),
  to: z.iso.date({ error: 'To must be a date like 2026-01-31' }).optional(),
  userId: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type AuditFilter = z.infer<typeof AuditFilterSchema>;

/** Pure filter so the UI, the CLI and tests agree on what "from" and "to" mean (inclusive days, UTC). */
export function matchesAuditFilter(e: AuditEntry, f: Omit<AuditFilter, 'offset' | 'limit'>): boolean {
  const day = e.at.slice(0, 10);
  if (f.from && day < f.from) return false;
  if (f.to && day > f.to) return false;
  if (f.userId && e.userId !== f.userId) return false;
  if (f.action && !e.action.startsWith(f.action)) return false;
  return true;
}
