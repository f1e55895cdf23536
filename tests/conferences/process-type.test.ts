import { describe, expect, it } from 'vitest';
import { describeProcess, IndirectLogEntrySchema, indirectStartedOn, isIndirect, ProcessChoiceSchema } from '../../src-main/domain/conferences/process-type';
import { HARMED, LEAD, RESPONSIBLE } from '../support/process-fixtures';

const entry = {
  on: '2026-05-12',
  medium: 'letter',
  fromParticipantId: RESPONSIBLE,
  toParticipantId: HARMED,
  viaStaffId: LEAD,
  summary: 'Letter of apology, read by the facilitator before it was passed on.',
  attachment: 'a'.repeat(64),
};

describe('ProcessChoiceSchema', () => {
  it('accepts each form only with its own kind', () => {
    expect(ProcessChoiceSchema.parse({ kind: 'direct', form: 'video' })).toEqual({ kind: 'direct', form: 'video' });
    expect(ProcessChoiceSchema.parse({ kind: 'indirect', form: 'shuttle' })).toEqual({ kind: 'indirect', form: 'shuttle' });
    expect(ProcessChoiceSchema.parse({ kind: 'community', form: 'community-conference' })).toMatchObject({ kind: 'community' });
    expect(ProcessChoiceSchema.safeParse({ kind: 'direct', form: 'shuttle' }).error?.issues[0]?.message).toBe('For direct process, choose one of: face-to-face, video');
    expect(ProcessChoiceSchema.safeParse({ kind: 'sideways', form: 'video' }).error?.issues[0]?.message).toBe('Choose the kind of process: direct, indirect, community');
    expect(ProcessChoiceSchema.safeParse({ kind: 'direct', form: 'video', extra: 1 }).error?.issues[0]?.message).toMatch(/Unknown field “extra”/);
  });
  it('describes and classifies', () => {
    expect(describeProcess({ kind: 'indirect', form: 'letter-exchange' })).toBe('Letter exchange');
    expect(isIndirect({ kind: 'indirect', form: 'phone' })).toBe(true);
    expect(isIndirect({ kind: 'direct', form: 'face-to-face' })).toBe(false);
    expect(isIndirect(undefined)).toBe(false);
  });
});

describe('IndirectLogEntrySchema', () => {
  it('accepts a log entry with an attachment hash', () => {
    expect(IndirectLogEntrySchema.parse(entry)).toEqual(entry);
  });
  it('refuses a bad attachment reference, a message to oneself and unknown fields', () => {
    const msg = (x: unknown) => IndirectLogEntrySchema.safeParse(x).error?.issues.map((i) => i.message);
    expect(msg({ ...entry, attachment: '../../etc/passwd' })).toEqual(['An attachment reference is 64 characters, 0–9 and a–f']);
    expect(msg({ ...entry, attachment: 'A'.repeat(64) })).toHaveLength(1);
    expect(msg({ ...entry, toParticipantId: RESPONSIBLE })).toEqual(['It cannot be passed on to the person it came from: choose someone else']);
    expect(msg({ ...entry, __proto__x: 1 })).toEqual([expect.stringMatching(/Unknown field “__proto__x”/)]);
    expect(msg({ ...entry, summary: '' })).toEqual(['Enter summary']);
    expect(msg({ ...entry, summary: 'x'.repeat(10_001) })).toEqual(['Summary must be at most 10000 characters']);
  });
  it('knows a no-send letter goes to nobody', () => {
    const { toParticipantId: _to, ...noSend } = { ...entry, medium: 'no-send-letter' };
    expect(IndirectLogEntrySchema.safeParse(noSend).success).toBe(true);
    expect(IndirectLogEntrySchema.safeParse({ ...entry, medium: 'no-send-letter' }).error?.issues[0]?.message).toMatch(/not passed on/);
    expect(IndirectLogEntrySchema.safeParse({ ...entry, toParticipantId: undefined }).error?.issues[0]?.message).toBe('Choose who it was passed on to');
  });
  it('dates the start of the process by its first entry', () => {
    expect(indirectStartedOn([{ on: '2026-06-01' }, { on: '2026-05-12' }, { on: '2026-07-01' }])).toBe('2026-05-12');
    expect(indirectStartedOn([])).toBeUndefined();
  });
});
