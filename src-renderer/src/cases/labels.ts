import type { Stage } from '../../../src-main/domain/cases/case';
import type { DeadlineStatus } from '../../../src-main/domain/cases/deadlines';
import type { TagColour } from '../shared/components/Tag';

/** What the "move on" button says for the stage a case would move to. */
export const MOVE_TO_LABELS: Partial<Record<Stage, string>> = {
  screening: 'Move to screening',
  contact: 'Move to contact',
  assessment: 'Move to assessment',
  preparation: 'Move to preparation',
  consent: 'Move to consent recorded',
  process: 'Start the restorative process',
  outcome: 'Move to outcome agreement',
  monitoring: 'Move to monitoring',
};

export const PRIORITY_LABELS = { routine: 'Routine', high: 'High', urgent: 'Urgent' } as const;

export const CJS_STAGE_LABELS = {
  none: 'Not in the criminal justice system',
  'out-of-court': 'Out-of-court disposal',
  'pre-sentence': 'Pre-sentence',
  'community-sentence': 'Community sentence',
  custody: 'Custody',
  'post-release': 'Post-release',
} as const;

export const DEADLINE_TAGS: Record<DeadlineStatus, { label: string; colour: TagColour }> = {
  met: { label: 'Met', colour: 'green' },
  'due-soon': { label: 'Due soon', colour: 'yellow' },
  overdue: { label: 'Overdue', colour: 'red' },
  open: { label: 'Open', colour: 'blue' },
  lapsed: { label: 'Lapsed', colour: 'grey' },
};

/** Timeline event kinds as headings. Unknown kinds are turned into words. */
const EVENT_TITLES: Record<string, string> = {
  'document.generated': 'Document generated',
  'referral.received': 'Referral received',
  'stage.changed': 'Stage changed',
  'case.exit': 'Case ended',
  'case.reopened': 'Case reopened',
  'case.closed': 'Case closed',
  'team.assigned': 'Team assigned',
  'participant.added': 'Participant added',
  'participant.updated': 'Details changed',
  'participation.changed': 'Taking part changed',
  'consent.recorded': 'Consent recorded',
  'consent.withdrawn': 'Consent withdrawn',
  'risk.assessed': 'Risk assessed',
  'risk.signed-off': 'Risk assessment signed off',
  'contact.recorded': 'Contact recorded',
  'meeting.recorded': 'Preparation meeting',
  'referral.updated': 'Referral changed',
  'notes.updated': 'Notes changed',
  note: 'Note',
};

export function eventTitle(kind: string): string {
  const known = EVENT_TITLES[kind];
  if (known) return known;
  const words = kind.replace(/[.\-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const MEETING_FORMAT_LABELS = { 'in-person': 'In person', video: 'Video call', phone: 'Phone' } as const;
