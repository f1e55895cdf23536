import type { CasebookNotice } from './session';

/**
 * The notice for cases (by reference) and registers (by name: "staff") the last check found
 * damaged, in words that say what to do.
 */
export function damagedCasesNotice(references: readonly string[], registers: readonly string[] = []): CasebookNotice {
  const cases = references.length === 0 ? [] : references.length === 1 ? [`the file of case ${references[0]}`] : [`the files of ${references.length} cases (${references.join(', ')})`];
  const parts = [...cases, ...registers.map((r) => `the ${r} register`)];
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : (parts[0] ?? '');
  const which = `${list[0]?.toUpperCase() ?? ''}${list.slice(1)} ${references.length + registers.length === 1 ? 'does' : 'do'} not open`;
  return {
    kind: 'damaged-cases',
    message:
      `${which}: damaged, or replaced by an older copy. Restore a backup from before it happened (Settings, as an administrator; ` +
      'you can restore the cases that open), or ask an administrator to run Verify. No daily backup is taken while cases are damaged, ' +
      'so the backups kept now, which may still hold them, are not rotated away.',
    problems: [],
  };
}
