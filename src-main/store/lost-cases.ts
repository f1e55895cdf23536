import { CaseSchema } from '../domain/cases/case';
import { CasebookError } from '../domain/shared/errors';
import { openAttachment } from './attachments';
import { checkManifest, kindOf, type Bundle } from './backup-bundle';
import { open, openJson, sealJson, type DataKey } from './envelope';
import { parseKeyring } from './keyring';
import { ATTACHMENTS_DIR, caseFile, INDEX, KEYRING, SUMMARIES_DIR } from './layout';
import { MIN_SHARD_BITS, shardOf, summaryFile } from './summary-layout';

/**
 * A case the backup lists whose file does not open as listed (damaged, missing, failing its
 * schema, or at another revision than its row). It is named by its reference, never by anyone's
 * name: the reference is what a person looks up on paper to re-enter the case.
 */
export interface LostCase {
  id: string;
  reference: string;
}

interface Row {
  id: string;
  reference: string;
  revision: number;
}

const isRow = (r: unknown): r is Row =>
  typeof r === 'object' && r !== null && typeof (r as Row).id === 'string' && typeof (r as Row).reference === 'string' && typeof (r as Row).revision === 'number';

// As every refused restore does, the details name the backup (the message names the file inside it).
const refused = (rel: string, name: string) =>
  new CasebookError('CORRUPT', `${rel} in ${name} is damaged, so this backup cannot be restored: choose another backup. Nothing was restored`, { file: name });

/** Run a check of one file that every restore needs, turning any failure into a refusal naming it. */
function whole(rel: string, name: string, check: () => void): void {
  try {
    check();
  } catch {
    throw refused(rel, name);
  }
}

/** Every summary shard's rows, each from the shard the index's layout says holds it (a row left behind by a split is passed over, as at unlock). */
function listedRows(b: Bundle, dk: DataKey, name: string): Map<string, { rel: string; row: Row }> {
  let bits = MIN_SHARD_BITS;
  whole(INDEX, name, () => {
    const index = openJson(dk, 'index', INDEX, b.files.get(INDEX)!) as { summaryShardBits?: unknown };
    if (typeof index.summaryShardBits === 'number') bits = index.summaryShardBits;
  });
  const rows = new Map<string, { rel: string; row: Row }>();
  for (const [rel, bytes] of b.files) {
    if (!rel.startsWith(`${SUMMARIES_DIR}/`)) continue;
    whole(rel, name, () => {
      const shard = openJson(dk, 'summaries', rel, bytes) as { rows?: unknown };
      if (!Array.isArray(shard.rows) || !shard.rows.every(isRow)) throw new Error('not a shard');
      for (const row of shard.rows) if (summaryFile(shardOf(row.id, bits)) === rel) rows.set(row.id, { rel, row });
    });
  }
  return rows;
}

function opensAsListed(b: Bundle, dk: DataKey, row: Row): boolean {
  const rel = caseFile(row.id);
  const bytes = b.files.get(rel);
  if (!bytes || b.damaged?.has(rel)) return false;
  try {
    const c = CaseSchema.safeParse(openJson(dk, 'case', rel, bytes));
    return c.success && c.data.id === row.id && c.data.revision === row.revision;
  } catch {
    return false;
  }
}

/**
 * Check a backup before it is restored: everything but the case files must open (otherwise it is
 * refused, naming the file, as a whole), and each case the case list names must open at the
 * revision its row records. Cases that do not are returned when the caller asked to restore
 * what opens (`partial`); otherwise the restore is refused with them listed and the way to
 * restore the rest, so losing cases is always a decision someone made.
 */
export function checkForRestore(b: Bundle, dk: DataKey, name: string, storeId: string | undefined, partial: boolean): LostCase[] {
  checkManifest(b, dk, name, storeId);
  whole(KEYRING, name, () => parseKeyring(b.files.get(KEYRING)!));
  for (const [rel, bytes] of b.files) {
    const kind = kindOf(rel);
    if (kind && kind !== 'case') whole(rel, name, () => open(dk, kind, rel, bytes).fill(0));
    else if (rel.startsWith(`${ATTACHMENTS_DIR}/`)) whole(rel, name, () => openAttachment(dk, rel, bytes).bytes.fill(0));
  }
  const lost = [...listedRows(b, dk, name).values()].filter(({ row }) => !opensAsListed(b, dk, row)).map(({ row }) => ({ id: row.id, reference: row.reference }));
  if (lost.length > 0 && !partial) {
    const refs = lost.map((l) => l.reference);
    throw new CasebookError(
      'CORRUPT',
      `${lost.length === 1 ? 'One case' : `${lost.length} cases`} in ${name} did not open: ${refs.join(', ')}. Everything else in it opens. ` +
        'Choose "Restore the cases that open" (command line: --recover-what-opens) to restore the rest without them, or choose another backup. Nothing was restored',
      { file: name, recoverable: true, lost: refs },
    );
  }
  return lost;
}

/**
 * The backup's files without the lost cases: their files go, and their rows leave the case list,
 * so the restored casebook lists only cases that open and `verify` finds nothing amiss.
 */
export function withoutLostCases(files: Map<string, Buffer>, dk: DataKey, lost: readonly LostCase[]): void {
  if (lost.length === 0) return;
  const ids = new Set(lost.map((l) => l.id));
  for (const id of ids) files.delete(caseFile(id));
  for (const [rel, bytes] of files) {
    if (!rel.startsWith(`${SUMMARIES_DIR}/`)) continue;
    const shard = openJson(dk, 'summaries', rel, bytes) as { rows: Row[] };
    const kept = shard.rows.filter((r) => !ids.has(r.id));
    if (kept.length !== shard.rows.length) files.set(rel, sealJson(dk, 'summaries', rel, { ...shard, rows: kept }));
  }
}

/** The audit fields of a restore: how many cases were left out, never which (no names, no references in the trail). */
export const restoreFields = (lost: readonly LostCase[] | undefined): string[] => (lost?.length ? ['partial', `lost-cases:${lost.length}`] : []);
