import type { z } from 'zod';
import type { OutcomeAgreement } from '../outcomes/agreement';
import type { Closure } from '../outcomes/closure';
import type { ConferenceRecord } from '../conferences/conference-record';
import type { Feedback } from '../outcomes/feedback';
import type { Meeting } from '../conferences/meeting';
import type { IndirectLogEntry } from '../conferences/process-type';

/**
 * The process records of a case point at each other and at the case's participants; a
 * reference to something that is not there is refused when the case is validated, so no
 * screen, figure or document ever meets a dangling id.
 */
interface ProcessRecords {
  id: string;
  schedule?: readonly Meeting[];
  indirectLog?: readonly IndirectLogEntry[];
  conferenceRecords?: readonly ConferenceRecord[];
  agreement?: OutcomeAgreement;
  closure?: Closure;
  feedback?: readonly Feedback[];
}

export function checkProcessRecords(c: ProcessRecords, participantIds: ReadonlySet<string>, ctx: z.RefinementCtx): void {
  const add = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const inCase = (id: string) => participantIds.has(id);
  const meetings = new Map<string, Meeting>();
  c.schedule?.forEach((m, i) => {
    if (m.caseId !== c.id) add(['schedule', i, 'caseId'], 'This meeting belongs to another case');
    if (meetings.has(m.id)) add(['schedule', i, 'id'], `The meeting id ${m.id} is used twice`);
    meetings.set(m.id, m);
    [...m.participantIds, ...m.supporterIds].forEach((id) => {
      if (!inCase(id)) add(['schedule', i], 'Someone invited to this meeting is not in this case');
    });
  });
  c.indirectLog?.forEach((e, i) => {
    if (!inCase(e.fromParticipantId) || (e.toParticipantId !== undefined && !inCase(e.toParticipantId))) add(['indirectLog', i], 'A person named in this log entry is not in this case');
  });
  const recorded = new Set<string>();
  c.conferenceRecords?.forEach((r, i) => {
    if (meetings.get(r.meetingId)?.kind !== 'conference') add(['conferenceRecords', i, 'meetingId'], 'This record is for a conference that is not in this case');
    if (recorded.has(r.meetingId)) add(['conferenceRecords', i, 'meetingId'], 'This conference already has a record');
    recorded.add(r.meetingId);
    if (r.attendedIds.some((id) => !inCase(id))) add(['conferenceRecords', i, 'attendedIds'], 'Someone listed as attending is not in this case');
  });
  const g = c.agreement;
  if (g) {
    if (g.caseId !== c.id) add(['agreement', 'caseId'], 'This agreement belongs to another case');
    if (g.meetingId !== undefined && !meetings.has(g.meetingId)) add(['agreement', 'meetingId'], 'The conference this agreement was made at is not in this case');
    if (g.signatoryIds.some((id) => !inCase(id))) add(['agreement', 'signatoryIds'], 'A signatory is not in this case');
  }
  if (c.closure?.withdrawnBy !== undefined && !inCase(c.closure.withdrawnBy)) add(['closure', 'withdrawnBy'], 'The person who withdrew is not in this case');
  const gave = new Set<string>();
  c.feedback?.forEach((f, i) => {
    if (!inCase(f.participantId)) add(['feedback', i, 'participantId'], 'This feedback is from someone not in this case');
    if (gave.has(f.participantId)) add(['feedback', i, 'participantId'], 'This participant has already given feedback');
    gave.add(f.participantId);
  });
}
