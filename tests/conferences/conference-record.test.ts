import { describe, expect, it } from 'vitest';
import { ConferenceRecordSchema, recordConference } from '../../src-main/domain/conferences/conference-record';
import { HARMED, LEAD, meeting, RESPONSIBLE, SUPPORTER } from '../support/process-fixtures';

const conf = meeting({ id: 'm_conf0001', status: 'confirmed', supporterIds: [SUPPORTER] });
const input = {
  meetingId: 'm_conf0001',
  heldOn: '2026-05-12',
  attendedIds: [HARMED, RESPONSIBLE, SUPPORTER],
  attendedStaffIds: [LEAD],
  othersPresent: ['Police officer (observer)'],
  groundRules: ['Everyone will have the chance to speak without being interrupted.'],
  summary: 'Both spoke about the burglary and its effects; an apology was made and accepted.',
  result: 'agreement-reached',
  recordedBy: LEAD,
};

describe('ConferenceRecordSchema', () => {
  it('accepts a full record', () => {
    expect(ConferenceRecordSchema.parse(input)).toEqual(input);
  });
  it('refuses empty and malformed records with plain messages', () => {
    const msgs = (x: unknown) => ConferenceRecordSchema.safeParse(x).error?.issues.map((i) => i.message) ?? [];
    expect(msgs({ ...input, attendedIds: [] })).toEqual(['Choose who attended']);
    expect(msgs({ ...input, groundRules: [] })).toEqual(['Record the ground rules agreed at the start']);
    expect(msgs({ ...input, result: 'great' })).toEqual(['Choose the result: agreement-reached, no-agreement, adjourned']);
    expect(msgs({ ...input, attendedIds: [HARMED, HARMED] })).toEqual(['Someone is listed twice as attending: remove the repeat']);
    expect(msgs({ ...input, resumesOn: '2026-06-01' })).toEqual(['Only an adjourned conference resumes: remove the date, or set the result to adjourned']);
    expect(msgs({ ...input, result: 'adjourned', resumesOn: '2026-05-01' })).toEqual(['The conference must resume after the day it was held']);
    expect(msgs({ ...input, summary: 42 })).toEqual(['Summary must be text']);
    expect(msgs([])).toEqual(['The conference record must be a set of fields (an object)']);
  });
});

describe('recordConference', () => {
  it('records the conference and marks the meeting held', () => {
    const r = recordConference(conf, input, '2026-05-12');
    expect(r).toMatchObject({ ok: true, value: { meeting: { status: 'held' }, record: { result: 'agreement-reached' } } });
  });
  it('refuses a record that does not fit the meeting booked', () => {
    expect(recordConference({ ...conf, status: 'proposed' }, input, '2026-05-12')).toMatchObject({ ok: false, problems: ['Only a confirmed conference can be recorded as held.'] });
    expect(recordConference(conf, { ...input, heldOn: '2026-05-13' }, '2026-05-12')).toMatchObject({
      ok: false,
      problems: ['The date held, 13 May 2026, is in the future.', "The conference was booked for 12 May 2026; if it moved, change the meeting's date first."],
    });
    expect(recordConference(conf, { ...input, attendedIds: [HARMED, 'p_stranger1'] }, '2026-05-12')).toMatchObject({
      ok: false,
      problems: ['One person listed as attending was not invited to this conference.'],
    });
    expect(recordConference({ ...conf, kind: 'preparation' }, input, '2026-05-12')).toMatchObject({ ok: false, problems: ['Only a conference has a conference record.'] });
  });
});
