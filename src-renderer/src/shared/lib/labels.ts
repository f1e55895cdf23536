import type { ParticipantRole } from '../../../../src-main/domain/cases/case';
import type { Settings } from '../../../../src-main/domain/casebook/settings';

// Stage and exit words live in the domain, so the figures' CSV says what the screens say.
export { EXIT_LABELS, STAGE_LABELS } from '../../../../src-main/domain/cases/stage-labels';

/** Participant roles use the service's own words for the two main parties. */
export function participantRoleLabel(role: ParticipantRole, labels: Settings['roleLabels']): string {
  switch (role) {
    case 'harmed':
      return labels.harmed;
    case 'responsible':
      return labels.responsible;
    case 'supporter':
      return 'Supporter';
    case 'parent-guardian':
      return 'Parent or guardian';
    default:
      return 'Other';
  }
}

/** Backup reasons come from the main process as short codes; say them in words when we know them. */
export function backupReasonLabel(reason: string): string {
  const known: Record<string, string> = {
    manual: 'Backed up by hand',
    daily: 'Daily, at the first unlock',
    'before-restore': 'Before a restore',
    'before-migration': 'Before an upgrade',
    'after-retention': 'After a case was anonymised or deleted (older backups removed)',
    scheduled: 'Automatic',
    automatic: 'Automatic',
  };
  return known[reason] ?? reason.replace(/[-_]/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

/**
 * Audit actions are codes like "settings.update" or "case.create"; show them as words
 * ("Settings update") and keep the code beside them for anyone checking against the CLI.
 */
export function auditActionLabel(action: string): string {
  const words = action.replace(/[.\-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
