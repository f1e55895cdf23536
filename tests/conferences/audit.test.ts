import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src-main/domain/casebook/audit';
import type { FileSaver } from '../../src-main/services/shared/files';
import { addVenues, agreementFor, apply, applyAll, caseUntil, caseworkWorld, conferenceRecord, HARMED, meetingFor, people, RESPONSIBLE } from '../support/process';

/** Words that appear only in what people typed into the process records. */
const SECRETS = {
  interpreter: 'Gwenllian Bowen-Price',
  meetingNotes: 'Bring the tissues; side door',
  summary: 'Łukasz cried when Siân described the night of the burglary',
  groundRule: 'Nobody mentions the brother',
  description: 'Repaint the shed door in green',
  evidence: 'Photograph of the repainted door',
  review: 'Neighbour says the door is finished',
  closing: 'Everyone satisfied with the shed door',
  comments: 'The facilitator was wonderful and patient',
  reason: 'Car broke down on the A46',
};

describe('the audit trail of the restorative process', () => {
  it('records each process command with the names of the fields changed, never names, summaries, notes or comments', async () => {
    const files: string[] = [];
    const fileSaver: FileSaver = {
      async save(name) {
        files.push(name);
        return { saved: true };
      },
    };
    const w = await caseworkWorld({ fileSaver });
    const venues = await addVenues(w);
    let v = await caseUntil(w, 'process');
    const p = people(v);
    const start = (await w.service.listAudit({ offset: 0, limit: 1 })).total;

    const prep = meetingFor(v, { kind: 'preparation', date: '2026-03-18', participantIds: [p.harmed], venueId: venues.library, notes: SECRETS.meetingNotes });
    const conf = meetingFor(v, { venueId: venues.centre, interpreter: { name: SECRETS.interpreter, language: 'Welsh' } });
    v = await applyAll(w, v, [
      { type: 'schedule-meeting', meeting: prep },
      { type: 'set-meeting-status', meetingId: prep.id, to: 'postponed', reason: SECRETS.reason },
      { type: 'schedule-meeting', meeting: conf, confirm: true },
    ]);
    w.clock.set('2026-03-25T16:00:00Z');
    const agreement = agreementFor(w, v, [{ kind: 'reparation', dueOn: '2026-03-25' }], { meetingId: conf.id });
    agreement.actions[0]!.description = SECRETS.description;
    v = await applyAll(w, v, [
      { type: 'record-conference', record: conferenceRecord(w, v, conf, { summary: SECRETS.summary, groundRules: [SECRETS.groundRule] }) },
      { type: 'record-agreement', agreement },
      { type: 'sign-agreement', signedOn: '2026-03-25' },
      { type: 'update-action', actionId: agreement.actions[0]!.id, status: 'done', resolvedOn: '2026-03-25', evidenceNotes: SECRETS.evidence },
      { type: 'add-review', review: { on: '2026-03-25', note: SECRETS.review } },
      { type: 'set-meeting-status', meetingId: prep.id, to: 'cancelled', reason: SECRETS.reason },
      { type: 'close', closure: { outcome: 'agreement-completed', closedOn: '2026-03-25', summary: SECRETS.closing } },
      { type: 'record-feedback', feedback: { participantId: p.harmed, givenOn: '2026-03-25', answers: { satisfiedWithOutcome: 5 }, comments: SECRETS.comments, equalityConsent: true, equality: { ethnicity: 'Welsh' } } },
    ]);
    expect(v.case.stage).toBe('closed');
    const cal = await w.call('saveCalendar', { from: '2026-03-01', to: '2026-03-31', includeFirstNames: true });
    expect(cal).toEqual({ saved: true, fileName: 'rj-meetings-2026-03-01-to-2026-03-31.ics', meetings: 2 });
    expect(files).toEqual([cal.fileName]);

    const { entries, total } = await w.service.listAudit({ offset: 0, limit: 500 });
    const mine: AuditEntry[] = entries.slice(0, total - start).reverse();
    expect(mine.map((e) => [e.action, e.fields])).toEqual([
      ['case.schedule-meeting', ['schedule']],
      ['case.set-meeting-status', ['schedule']],
      ['case.schedule-meeting', ['schedule']],
      ['case.record-conference', ['conferenceRecords', 'schedule', 'stage']],
      ['case.record-agreement', ['agreement']],
      ['case.sign-agreement', ['agreement.signedOn', 'stage']],
      ['case.update-action', ['agreement.actions']],
      ['case.add-review', ['agreement.reviews']],
      ['case.set-meeting-status', ['schedule']],
      ['case.close', ['closure', 'stage']],
      ['case.record-feedback', ['feedback']],
      ['calendar.export', ['meetings:2', 'firstNames']],
    ]);
    for (const e of mine.slice(0, -1)) expect(e).toMatchObject({ userName: 'Jo Whitfield', entity: { type: 'case', id: v.case.id } });

    // Nothing anyone typed, and nobody taking part, reaches the trail.
    const trail = JSON.stringify(entries);
    for (const secret of [...Object.values(SECRETS), HARMED.givenName, HARMED.familyName, RESPONSIBLE.givenName, RESPONSIBLE.familyName, 'Welsh', p.harmed, p.responsible]) {
      expect(trail, secret).not.toContain(secret);
    }
    // While the case itself keeps them all.
    const saved = JSON.stringify((await w.call('getCaseView', { id: v.case.id })).case);
    for (const secret of Object.values(SECRETS)) expect(saved, secret).toContain(secret);
  });

  it('writes nothing to the trail for a refused command', async () => {
    const w = await caseworkWorld();
    const v = await caseUntil(w, 'team');
    const before = (await w.service.listAudit({ offset: 0, limit: 1 })).total;
    await w.fails('applyCaseCommand', { caseId: v.case.id, revision: v.case.revision, command: { type: 'schedule-meeting', meeting: meetingFor(v, { date: '2026-03-29', start: '01:15', format: 'video' }) } });
    await w.fails('applyCaseCommand', { caseId: v.case.id, revision: v.case.revision, command: { type: 'close', closure: { outcome: 'agreement-completed', closedOn: '2026-03-16', summary: SECRETS.closing } } });
    expect((await w.service.listAudit({ offset: 0, limit: 1 })).total).toBe(before);
    expect(JSON.stringify((await w.service.listAudit({ offset: 0, limit: 500 })).entries)).not.toContain('shed');
    await apply(w, v, { type: 'set-notes', notes: 'x' });
    expect((await w.service.listAudit({ offset: 0, limit: 1 })).total).toBe(before + 1);
  });
});
