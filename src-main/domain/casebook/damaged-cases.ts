import type { CasebookNotice } from './session';

/** The notice for cases the last check found damaged, in words that say what to do. */
export function damagedCasesNotice(references: readonly string[]): CasebookNotice {
  const which = references.length === 1 ? `The file of case ${references[0]} does not open` : `The files of ${references.length} cases do not open (${references.join(', ')})`;
  return {
    kind: 'damaged-cases',
    message:
      `${which}: damaged, or replaced by an older copy. Restore a backup from before it happened (Settings, as an administrator; ` +
      'you can restore the cases that open), or ask an administrator to run Verify. No daily backup is taken while cases are damaged, ' +
      'so the backups kept now, which may still hold them, are not rotated away.',
    problems: [],
  };
}
