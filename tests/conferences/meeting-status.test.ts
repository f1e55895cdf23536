import { describe, expect, it } from 'vitest';
import { changeMeetingStatus } from '../../src-main/domain/conferences/meeting-status';
import { HARMED, meeting, RESPONSIBLE } from '../support/process-fixtures';

const ready = { name: 'x', consentComplete: true, riskSignedOff: true };
const readiness = { [HARMED]: ready, [RESPONSIBLE]: ready };
const today = '2026-05-12';

describe('changeMeetingStatus', () => {
  it('confirms a conference only through the consent and risk check', () => {
    expect(changeMeetingStatus(meeting(), { to: 'confirmed' }, { today })).toMatchObject({ ok: false });
    expect(changeMeetingStatus(meeting(), { to: 'confirmed' }, { today, readiness })).toMatchObject({ ok: true, value: { status: 'confirmed' } });
  });

  it('holds a conference only once confirmed and not before its day', () => {
    expect(changeMeetingStatus(meeting(), { to: 'held' }, { today })).toMatchObject({ ok: false, reason: 'Confirm the conference before recording it as held.' });
    expect(changeMeetingStatus(meeting({ status: 'confirmed', date: '2026-05-13' }), { to: 'held' }, { today })).toMatchObject({ ok: false, reason: expect.stringMatching(/still to come/) });
    expect(changeMeetingStatus(meeting({ status: 'confirmed' }), { to: 'held' }, { today })).toMatchObject({ ok: true, value: { status: 'held' } });
    expect(changeMeetingStatus(meeting({ kind: 'preparation' }), { to: 'held' }, { today })).toMatchObject({ ok: true });
  });

  it('needs a reason to postpone or cancel, and keeps it', () => {
    expect(changeMeetingStatus(meeting(), { to: 'cancelled' }, { today })).toMatchObject({ ok: false, reason: 'Say why the meeting was cancelled' });
    expect(changeMeetingStatus(meeting(), { to: 'postponed', reason: 'Interpreter unavailable' }, { today })).toMatchObject({ ok: true, value: { status: 'postponed', statusReason: 'Interpreter unavailable' } });
  });

  it('treats held and cancelled as final', () => {
    expect(changeMeetingStatus(meeting({ status: 'held' }), { to: 'proposed' }, { today })).toMatchObject({ ok: false, reason: 'A held meeting cannot be marked proposed.' });
    expect(changeMeetingStatus(meeting({ status: 'cancelled', statusReason: 'x' }), { to: 'confirmed' }, { today, readiness })).toMatchObject({ ok: false });
  });

  it('reschedules a postponed meeting back to proposed, dropping the old reason', () => {
    const r = changeMeetingStatus(meeting({ status: 'postponed', statusReason: 'Illness' }), { to: 'proposed' }, { today });
    expect(r.ok && 'statusReason' in r.value).toBe(false);
    expect(r).toMatchObject({ ok: true, value: { status: 'proposed' } });
  });
});
