import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { Case } from '../../src-main/domain/cases/case';
import { ROLES, type Role } from '../../src-main/domain/access/roles';
import { applyCommand, SIGNED_COMMANDS, WorkflowCommandSchema, type WorkflowCommand } from '../../src-main/domain/cases/workflow';
import { currentAssessment } from '../../src-main/domain/risk/risk';
import { DEFAULT_CASEWORK_SETTINGS } from '../../src-main/domain/casebook/casework-settings';
import type { Actor } from '../../src-main/domain/staff/signer';
import { contact, ctx, HARMED, lowRisk, newCase, readyCase, RESPONSIBLE, run, signIn, STAFF, TODAY } from '../support/case-fixtures';

/**
 * Sign-off through every command that takes a "by": whoever calls, with whatever they send,
 * the record a signed command makes names the signed-in person, or, only when an
 * administrator uses onBehalfOf, the person named there with the administrator beside them.
 * Role rules (the approver for a sensitive case or a high rating) are judged on the person
 * the sign-off names, which is the signed-in person unless an administrator records it.
 */

/** Every field that used to carry the signer, anywhere in a command. */
const SIGNER_FIELDS = new Set(['by', 'takenBy', 'assessedBy', 'recordedBy', 'countersignedBy', 'closedBy', 'enteredBy', 'recordedOnBehalfBy']);

/** The keys of every object schema inside a schema, with their paths. */
function keysIn(schema: z.ZodType, path: string, out: string[] = []): string[] {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  const child = (s: unknown, p: string) => keysIn(s as z.ZodType, p, out);
  if (def.type === 'object') {
    for (const [k, v] of Object.entries(def.shape as Record<string, unknown>)) {
      out.push(`${path}.${k}`);
      child(v, `${path}.${k}`);
    }
  }
  else if (def.type === 'array') child(def.element, `${path}[]`);
  else if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default') child(def.innerType, path);
  else if (def.type === 'union') for (const o of def.options as unknown[]) child(o, path);
  else if (def.type === 'pipe') child(def.in, path);
  return out;
}

const commandTypes = WorkflowCommandSchema.options.map((o) => o.shape.type.value);

describe('the workflow commands', () => {
  it('carry no signer anywhere: no "by", "takenBy", "assessedBy", "recordedBy", "countersignedBy", "closedBy" or "enteredBy"', () => {
    const found = WorkflowCommandSchema.options.flatMap((o) => keysIn(o, o.shape.type.value)).filter((p) => SIGNER_FIELDS.has(p.split('.').at(-1)!));
    expect(found).toEqual([]);
  });

  it('take onBehalfOf exactly where their record names who did it', () => {
    const withOnBehalf = WorkflowCommandSchema.options.filter((o) => 'onBehalfOf' in o.shape).map((o) => o.shape.type.value);
    expect([...withOnBehalf].sort()).toEqual([...SIGNED_COMMANDS].sort());
    expect(SIGNED_COMMANDS.every((t) => commandTypes.includes(t))).toBe(true);
  });
});

// ── A case ready for each signed command, and the record it makes ────────────────────────

const VENUES = [{ id: 'v_centre1', name: 'Northshire Centre, Room 1', address: '1 High St', active: true }];
const at = (today: string) => ctx({ today, now: `${today}T12:00:00.000Z`, venues: VENUES });
const HELD_ON = '2026-03-23';

const ready = readyCase();
const started = run(ready, [{ type: 'advance', processKind: 'direct', processForm: 'face-to-face' }], at(TODAY));
const booked = run(
  started,
  [
    { type: 'schedule-meeting', meeting: { id: 'm_conf000001', kind: 'conference', format: 'in-person', date: HELD_ON, start: '10:00', durationMinutes: 120, venueId: 'v_centre1', leadFacilitatorId: 's_advan1', participantIds: [HARMED.id, RESPONSIBLE.id], supporterIds: [] } },
    { type: 'set-meeting-status', meetingId: 'm_conf000001', to: 'confirmed' },
  ],
  at(TODAY),
);
const conferenceRecord: WorkflowCommand = {
  type: 'record-conference',
  record: { meetingId: 'm_conf000001', heldOn: HELD_ON, attendedIds: [HARMED.id, RESPONSIBLE.id], attendedStaffIds: ['s_advan1'], groundRules: ['Respect'], summary: 'An apology was given.', result: 'agreement-reached' },
};
const draft: WorkflowCommand = {
  type: 'record-agreement',
  agreement: { meetingId: 'm_conf000001', actions: [{ id: 'a_letter0001', kind: 'letter', description: 'A letter of apology', byParticipantId: RESPONSIBLE.id, dueOn: '2026-04-10', completionShownBy: 'A copy', status: 'pending' }], signatoryIds: [HARMED.id, RESPONSIBLE.id] },
};
const held = run(booked, [conferenceRecord], at(HELD_ON));
const drafted = run(held, [draft], at(HELD_ON));
const signed = run(drafted, [{ type: 'sign-agreement', signedOn: HELD_ON }], at(HELD_ON));
const toSignOff = run(ready, [signIn('s_facil1'), lowRisk(HARMED)]);
const exited = run(newCase(), [{ type: 'exit', kind: 'declined', reason: 'Said no by letter.' }]);

type Named = { by?: string; recordedOnBehalfBy?: string } | undefined;
const harmed = (c: Case) => c.participants.find((p) => p.id === HARMED.id)!;
const signedBy = (by: string | undefined, recordedOnBehalfBy: string | undefined): Named => ({ by, recordedOnBehalfBy });

interface Scenario {
  type: (typeof SIGNED_COMMANDS)[number];
  before: Case;
  today: string;
  command: WorkflowCommand;
  /** The command with the old signer field put back, as a caller who types an id would send it. */
  legacy: (id: string) => unknown;
  named: (c: Case) => Named;
}

const put = (cmd: WorkflowCommand, inner: string | undefined, field: string, id: string): unknown => {
  const c = cmd as unknown as Record<string, Record<string, unknown>>;
  return inner ? { ...c, [inner]: { ...c[inner], [field]: id } } : { ...c, [field]: id };
};

const SCENARIOS: Scenario[] = [
  { type: 'record-consent', before: ready, today: TODAY, command: { type: 'record-consent', participantId: HARMED.id, elementId: 'voluntary', status: 'given', on: TODAY, method: 'recorded-verbal' }, legacy: (id) => put(SCENARIOS[0]!.command, undefined, 'takenBy', id), named: (c) => { const e = harmed(c).consent?.at(-1); return signedBy(e?.takenBy, e?.recordedOnBehalfBy); } },
  { type: 'withdraw-consent', before: ready, today: TODAY, command: { type: 'withdraw-consent', participantId: HARMED.id, on: TODAY }, legacy: (id) => put(SCENARIOS[1]!.command, undefined, 'takenBy', id), named: (c) => { const e = harmed(c).consent?.at(-1); return signedBy(e?.takenBy, e?.recordedOnBehalfBy); } },
  { type: 'assess-risk', before: ready, today: TODAY, command: lowRisk(HARMED), legacy: (id) => put(SCENARIOS[2]!.command, undefined, 'assessedBy', id), named: (c) => { const a = currentAssessment(harmed(c)); return signedBy(a?.assessedBy, a?.recordedOnBehalfBy); } },
  { type: 'sign-off-risk', before: toSignOff, today: TODAY, command: { type: 'sign-off-risk', participantId: HARMED.id }, legacy: (id) => put(SCENARIOS[3]!.command, undefined, 'by', id), named: (c) => { const s = currentAssessment(harmed(c))?.signOff; return signedBy(s?.by, s?.recordedOnBehalfBy); } },
  { type: 'record-contact', before: ready, today: TODAY, command: contact(HARMED.id, TODAY), legacy: (id) => put(SCENARIOS[4]!.command, 'entry', 'by', id), named: (c) => { const e = harmed(c).contacts?.at(-1); return signedBy(e?.by, e?.recordedOnBehalfBy); } },
  { type: 'reopen', before: exited, today: TODAY, command: { type: 'reopen', reason: 'They wrote again.' }, legacy: (id) => put(SCENARIOS[5]!.command, undefined, 'by', id), named: (c) => { const r = c.reopenings?.at(-1); return signedBy(r?.by, r?.recordedOnBehalfBy); } },
  { type: 'record-conference', before: booked, today: HELD_ON, command: conferenceRecord, legacy: (id) => put(conferenceRecord, 'record', 'recordedBy', id), named: (c) => { const r = c.conferenceRecords?.at(-1); return signedBy(r?.recordedBy, r?.recordedOnBehalfBy); } },
  { type: 'record-agreement', before: held, today: HELD_ON, command: draft, legacy: (id) => put(draft, 'agreement', 'countersignedBy', id), named: (c) => signedBy(c.agreement?.countersignedBy, c.agreement?.recordedOnBehalfBy) },
  { type: 'sign-agreement', before: drafted, today: HELD_ON, command: { type: 'sign-agreement', signedOn: HELD_ON }, legacy: (id) => put(SCENARIOS[8]!.command, undefined, 'countersignedBy', id), named: (c) => signedBy(c.agreement?.countersignedBy, c.agreement?.recordedOnBehalfBy) },
  { type: 'add-review', before: signed, today: '2026-03-24', command: { type: 'add-review', review: { on: '2026-03-24', note: 'Letter on its way.' } }, legacy: (id) => put(SCENARIOS[9]!.command, 'review', 'by', id), named: (c) => { const r = c.agreement?.reviews.at(-1); return signedBy(r?.by, r?.recordedOnBehalfBy); } },
  { type: 'close', before: ready, today: TODAY, command: { type: 'close', closure: { outcome: 'declined', closedOn: TODAY, summary: 'Said no.' } }, legacy: (id) => put(SCENARIOS[10]!.command, 'closure', 'closedBy', id), named: (c) => signedBy(c.closure?.closedBy, c.closure?.recordedOnBehalfBy) },
  { type: 'record-feedback', before: ready, today: TODAY, command: { type: 'record-feedback', feedback: { participantId: HARMED.id, givenOn: TODAY, answers: { feltSafe: 5 }, equalityConsent: false } }, legacy: (id) => put(SCENARIOS[11]!.command, 'feedback', 'enteredBy', id), named: (c) => { const f = c.feedback?.at(-1); return signedBy(f?.enteredBy, f?.recordedOnBehalfBy); } },
];

const staffIds = STAFF.map((s) => s.id);
const nameOf = (id: string) => STAFF.find((s) => s.id === id)!.name;
const actorOf = (staffId: string | null, role: Role): Actor => (staffId ? { name: nameOf(staffId), role, staff: STAFF.find((s) => s.id === staffId)! } : { name: 'Nobody Listed', role });

describe('sign-off through every command that takes a "by"', () => {
  it('has a scenario for every signed command, each accepted when its own signer sends it', () => {
    expect(SCENARIOS.map((s) => s.type)).toEqual([...SIGNED_COMMANDS]);
    for (const s of SCENARIOS) {
      const signer = s.type === 'sign-off-risk' ? 's_manag1' : 's_facil2';
      const r = applyCommand(s.before, s.command, { ...at(s.today), actor: actorOf(signer, 'coordinator') });
      expect(r.ok ? s.named(r.value) : r.reason, s.type).toEqual({ by: signer, recordedOnBehalfBy: undefined });
    }
  });

  it('names the signed-in person, or, for an administrator recording for someone else, both; refuses every other way', () => {
    const accepted: Record<string, { self: number; onBehalf: number }> = {};
    fc.assert(
      fc.property(
        fc.constantFrom(...SIGNED_COMMANDS),
        fc.option(fc.constantFrom(...staffIds), { nil: null, freq: 8 }),
        fc.constantFrom(...ROLES),
        fc.option(fc.constantFrom(...staffIds, 's_unknown001'), { nil: undefined, freq: 2 }),
        // Now and then, the old signer field typed in.
        fc.oneof({ arbitrary: fc.constant(undefined), weight: 5 }, { arbitrary: fc.constantFrom(...staffIds), weight: 1 }),
        (type, staffId, role, onBehalfOf, legacyId) => {
          const s = SCENARIOS.find((x) => x.type === type)!;
          const actor = actorOf(staffId, role);
          const command = legacyId ? s.legacy(legacyId) : { ...s.command, ...(onBehalfOf ? { onBehalfOf } : {}) };
          const r = applyCommand(s.before, command, { ...at(s.today), actor });
          const forSomeoneElse = !legacyId && onBehalfOf !== undefined && onBehalfOf !== staffId;
          const refusal = r.ok ? undefined : r.reason;
          if (legacyId) expect(refusal).toMatch(/Unknown field|Unrecognized key/);
          else if (!staffId) expect(refusal).toMatch(/You are not on the staff list/);
          else if (forSomeoneElse && role !== 'administrator') expect(refusal).toBe('Only administrators may record something for someone else.');
          else if (forSomeoneElse && !staffIds.includes(onBehalfOf)) expect(refusal).toMatch(/not on the staff list/);
          // Other rules may still refuse (someone who has left, the approver role…); what is
          // accepted names exactly the right people, and the timeline says who recorded it for whom.
          if (!r.ok || legacyId || !staffId) return;
          const named = forSomeoneElse ? onBehalfOf : staffId;
          expect(s.named(r.value)).toEqual({ by: named, recordedOnBehalfBy: forSomeoneElse ? staffId : undefined });
          const event = r.value.timeline.at(-1)!;
          expect(event.by).toBe(actor.name);
          expect(event.text.includes(`Recorded by ${actor.name} for ${nameOf(named)}.`)).toBe(forSomeoneElse);
          const tally = (accepted[s.type] ??= { self: 0, onBehalf: 0 });
          if (forSomeoneElse) tally.onBehalf++;
          else tally.self++;
        },
      ),
      { numRuns: 2_000, seed: 20260316 },
    );
    // Every signed command was accepted both ways at least once: the property is not vacuous.
    for (const t of SIGNED_COMMANDS) expect(accepted[t], t).toEqual({ self: expect.any(Number), onBehalf: expect.any(Number) });
    for (const t of SIGNED_COMMANDS) expect(Math.min(accepted[t]!.self, accepted[t]!.onBehalf), t).toBeGreaterThan(0);
  });

  it('judges the approver role and "not your own assessment" on the person the sign-off names', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom(...STAFF.filter((x) => x.active).map((x) => x.id)),
        fc.constantFrom(...staffIds),
        fc.constantFrom<Role>('administrator', 'coordinator', 'facilitator'),
        fc.option(fc.constantFrom(...staffIds), { nil: undefined, freq: 2 }),
        fc.boolean(),
        (sensitive, high, assessor, staffId, role, onBehalfOf, confirmed) => {
          const base = newCase({ referral: { ...newCase().referral, sensitive: sensitive ? ['Domestic abuse'] : [] } });
          const assessed = run(base, [lowRisk(HARMED, high ? { rating: 'high' } : {})], { ...ctx(), actor: actorOf(assessor, 'facilitator') });
          const r = applyCommand(assessed, { type: 'sign-off-risk', participantId: HARMED.id, ...(onBehalfOf ? { onBehalfOf } : {}), ...(confirmed ? { confirmSelfSignOff: true as const } : {}) }, { ...ctx(), actor: actorOf(staffId, role) });
          const forSomeoneElse = onBehalfOf !== undefined && onBehalfOf !== staffId;
          const named = STAFF.find((x) => x.id === (forSomeoneElse ? onBehalfOf : staffId))!;
          const required = sensitive || high ? DEFAULT_CASEWORK_SETTINGS.riskApproverRole : undefined;
          const roleOk = required ? named.role === required : ['coordinator', 'manager'].includes(named.role);
          const lawful = (!forSomeoneElse || role === 'administrator') && named.active && roleOk && !(sensitive && named.id === assessor) && !(named.id === assessor && !confirmed);
          expect(r.ok, JSON.stringify({ sensitive, high, assessor, staffId, role, onBehalfOf, confirmed })).toBe(lawful);
          if (!r.ok) {
            if (sensitive && named.id === assessor && roleOk && named.active && (!forSomeoneElse || role === 'administrator')) expect(r.reason).toMatch(/The person who signs off must not be the person who assessed the risk/);
            return;
          }
          const signOff = currentAssessment(harmed(r.value))!.signOff!;
          expect(signOff).toMatchObject({ by: named.id, role: named.role });
          expect(signOff.sameAsAssessor === true).toBe(named.id === assessor);
          expect(r.value.timeline.at(-1)!.text.includes('signed off by the same person who assessed it')).toBe(named.id === assessor);
        },
      ),
      { numRuns: 1_000, seed: 20260317 },
    );
  });
});
