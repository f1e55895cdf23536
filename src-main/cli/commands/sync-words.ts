import type { ChangeToResolve, SyncResult } from '../../domain/sync/status';
import { oneLine, plural, printable } from '../output';

/**
 * How the team commands say what a sync did and what waits, shared by `team enable`, `sync` and
 * `conflicts`. Numbers of documents only: the server never sees, and the command never prints,
 * what was in them.
 */
export function syncResultText(r: SyncResult, o: { first?: boolean } = {}): string {
  const moved = o.first ? `Sent the casebook to the server: ${plural(r.pushed, 'encrypted document')}` : `Sent ${plural(r.pushed, 'change')} to the server and fetched ${plural(r.pulled, 'change')}`;
  const lines = [`${moved}${r.merged > 0 ? `; ${plural(r.merged, 'record')} changed on two computers merged field by field` : ''}.`];
  if (r.toResolve > 0) lines.push(`${plural(r.toResolve, 'change')} to resolve (the same field changed two ways): see them with "casebook conflicts list".`);
  else lines.push('Nothing to resolve.');
  if (r.problems.length > 0) {
    lines.push('', `The server sent ${plural(r.problems.length, 'thing')} that was not let near this casebook:`);
    for (const p of r.problems) lines.push(`  ${printable(p.record)}: ${printable(p.message)}`);
  }
  return lines.join('\n');
}

/** "Case RJ-2026-0042 › Contacts › Notes": the record and the field, as the Changes to resolve page names them. */
export function changeTitle(c: ChangeToResolve): string {
  return `${printable(c.record.label)} › ${printable(c.field)}`;
}

/** One block per change: its id, what it is, each version numbered from 1 with who it came from. */
export function changesText(changes: readonly ChangeToResolve[]): string {
  if (changes.length === 0) return 'Nothing to resolve.';
  const blocks = changes.map((c) =>
    [
      `${c.id}  ${changeTitle(c)}`,
      ...c.versions.map((v, i) => `  ${i + 1}. “${oneLine(v.text)}” from ${printable(v.from)}${i === c.kept ? '  (kept for now)' : ''}`),
    ].join('\n'),
  );
  return [`${plural(changes.length, 'change')} to resolve:`, '', blocks.join('\n\n'), '', 'Keep one version with "casebook conflicts resolve ID --keep N".'].join('\n');
}
