import { z } from 'zod';
import type { AuditEntry } from '../casebook/audit';

/**
 * A case's own access history (issue 13): who opened it, made or printed a document from it,
 * saved one of its files, exported it, or was refused it, and when. Read from the audit trail,
 * which holds logins' names (never a participant's); shown to administrators on the case.
 */
export const ACCESS_KINDS = ['opened', 'refused', 'document', 'printed', 'attachment', 'exported'] as const;
export type AccessKind = (typeof ACCESS_KINDS)[number];

const KIND_OF: Record<string, AccessKind> = {
  'case.view': 'opened',
  'case.refused': 'refused',
  'document.generate': 'document',
  'document.print': 'printed',
  'attachment.export': 'attachment',
};

export const ACCESS_KIND_LABELS: Record<AccessKind, string> = {
  opened: 'Opened the case',
  refused: 'Tried to open it and was refused',
  document: 'Saved a document',
  printed: 'Printed a document',
  attachment: 'Saved an attached file',
  exported: 'Exported every case (this one included)',
};

export const CaseAccessEntrySchema = z.strictObject({
  at: z.iso.datetime(),
  userName: z.string().max(200),
  kind: z.enum(ACCESS_KINDS),
});
export type CaseAccessEntry = z.infer<typeof CaseAccessEntrySchema>;

export const CaseAccessHistorySchema = z.strictObject({
  /** Newest first, at most MAX_ACCESS_ENTRIES of them. */
  entries: z.array(CaseAccessEntrySchema),
  total: z.number().int().min(0),
});
export type CaseAccessHistory = z.infer<typeof CaseAccessHistorySchema>;

export const MAX_ACCESS_ENTRIES = 500;

/**
 * The entries about one case, in the trail's order: the case's own, and every export of the
 * whole casebook taken once the case was in it (from its first entry: created or imported).
 */
export function caseAccessHistory(trail: readonly AuditEntry[], caseId: string): CaseAccessHistory {
  const out: CaseAccessEntry[] = [];
  let inCasebook = false;
  for (const e of trail) {
    const own = e.entity.type === 'case' && e.entity.id === caseId;
    if (own) inCasebook = true;
    const kind = own ? KIND_OF[e.action] : inCasebook && e.action === 'cases.export' ? 'exported' : undefined;
    if (kind) out.push({ at: e.at, userName: e.userName, kind });
  }
  out.reverse();
  return { entries: out.slice(0, MAX_ACCESS_ENTRIES), total: out.length };
}
