import type { Case, Participant } from '../../../../src-main/domain/cases/case';
import type { ActionKind, ActionStatus, AgreementState } from '../../../../src-main/domain/outcomes/agreement';
import { ACTION_STATUS_LABELS } from '../../../../src-main/domain/outcomes/agreement';
import { describeMeeting, MEETING_STATUS_LABELS, type Meeting } from '../../../../src-main/domain/conferences/meeting';
import type { CaseworkReference } from '../../../../src-main/domain/cases/case-view';
import type { TagColour } from '../../shared/components/Tag';
import { who } from '../../cases/shared';

/** The words for one kind of action, from templates/conferences/agreement-actions.yaml. */
export function actionWording(reference: CaseworkReference, kind: string) {
  return reference.conferences.agreementActions.actions.find((a) => a.kind === kind);
}

export function kindLabel(reference: CaseworkReference, kind: ActionKind): string {
  return actionWording(reference, kind)?.label ?? kind;
}

export const STATUS_TAGS: Record<ActionStatus, { label: string; colour: TagColour }> = {
  pending: { label: ACTION_STATUS_LABELS.pending, colour: 'grey' },
  'in-progress': { label: ACTION_STATUS_LABELS['in-progress'], colour: 'blue' },
  done: { label: ACTION_STATUS_LABELS.done, colour: 'green' },
  'not-done': { label: ACTION_STATUS_LABELS['not-done'], colour: 'red' },
};

export const STATE_TAGS: Record<AgreementState, { label: string; colour: TagColour }> = {
  draft: { label: 'Draft: not signed yet', colour: 'yellow' },
  open: { label: 'Signed: being monitored', colour: 'blue' },
  completed: { label: 'Completed', colour: 'green' },
  'partly-completed': { label: 'Partly completed', colour: 'orange' },
  'not-completed': { label: 'Not completed', colour: 'red' },
};

/** People who take part in the process: the only ones who can do an action or sign. */
export function takingPart(c: Case): Participant[] {
  return c.participants.filter((p) => p.takesPart !== false);
}

export function participantName(c: Case, id: string): string {
  const p = c.participants.find((x) => x.id === id);
  return p ? who(p) : 'Someone no longer in the case';
}

/** Conferences booked in this case, newest first. */
export function conferences(c: Case): Meeting[] {
  return (c.schedule ?? []).filter((m) => m.kind === 'conference').sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

export function conferenceLabel(m: Meeting): string {
  return `${describeMeeting(m)} (${MEETING_STATUS_LABELS[m.status].toLowerCase()})`;
}

/** A new action's id: "a_" and 16 hexadecimal digits from the system's random generator. */
export function newActionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `a_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
