import type { Exit, ParticipantRole, Stage } from '../../../src-main/domain/case';
import type { Settings } from '../../../src-main/domain/settings';

/** Words shown for each stage of a case (product.md, "The case, from referral to closure"). */
export const STAGE_LABELS: Record<Stage, string> = {
  referral: 'Referral received',
  screening: 'Screening',
  contact: 'Contact',
  assessment: 'Assessment',
  preparation: 'Preparation',
  consent: 'Consent recorded',
  process: 'Process',
  outcome: 'Outcome agreement',
  monitoring: 'Monitoring',
  closed: 'Closed',
};

export const EXIT_LABELS: Record<Exit, string> = {
  withdrawn: 'Withdrawn',
  'not-suitable': 'Not suitable',
  'no-contact': 'No contact',
  declined: 'Declined',
};

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
