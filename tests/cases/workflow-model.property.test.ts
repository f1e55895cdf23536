import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUnder18 } from '../../src-main/domain/shared/age';
import { CaseSchema, STAGES, type Case, type Participant } from '../../src-main/domain/cases/case';
import { DEFAULT_CASEWORK_SETTINGS } from '../../src-main/domain/casebook/casework-settings';
import { addDays } from '../../src-main/domain/time/dates';
import { factorsFor } from '../../src-main/domain/risk/risk';
import { applyCommand, type WorkflowCommand, type WorkflowContext } from '../../src-main/domain/cases/workflow';
import { as, elements, factors, newCase, signIn, STAFF, type Step } from '../support/case-fixtures';

/**
 * Model-based test of the case workflow. Random sequences of commands (mostly sensible, some
 * not) are applied one by one; after every step the invariants below are checked with an
 * oracle written independently of the workflow's own gate code:
 *
 *  - a case only enters the process stage when every participant taking part has given all
 *    required consent (with a parent's signature for an under-18) and has a current,
 *    in-date, signed-off risk assessment, signed by the right role; and, for a sensitive
 *    case, is led by an Advanced practitioner with a co-facilitator, and signed off by someone
 *    other than the person who assessed;
 *  - an ended case (closed or exited) accepts nothing but "reopen";
 *  - every exit has a reason (and a withdrawal says who withdrew);
 *  - the timeline only grows, by exactly one event per accepted command, in time order;
 *  - stages move one step forward at a time, except that closing (from the process stage on)
 *    goes straight to closed, and reopening a closed case goes back to monitoring;
 *  - consent, risk and contact records are append-only; participants are never removed;
 *  - every state is a valid Case.
 */

const RECEIVED = '2026-03-02';
const START = Date.parse('2026-03-02T09:00:00.000Z');
const STEP_MS = 8 * 3_600_000;

const ADULT = { givenName: 'Siân', familyName: 'Evans', dateOfBirth: '1980-05-01' };
const CHILD = { givenName: 'Şükrü', familyName: 'Demir', dateOfBirth: '2010-02-28' };
const CAST: Participant[] = [
  { id: 'p_harmed1', role: 'harmed', person: ADULT },
  { id: 'p_respon1', role: 'responsible', person: CHILD },
  { id: 'p_parent1', role: 'parent-guardian', person: { givenName: 'Nguyễn', familyName: 'Demir' } },
  { id: 'p_suppor1', role: 'supporter', person: { givenName: 'Алексей', familyName: 'Иванов' } },
];
const IDS = [...CAST.map((p) => p.id), 'p_extra001', 'p_extra002'];
const ROLE: Record<string, Participant['role']> = { p_harmed1: 'harmed', p_respon1: 'responsible', p_parent1: 'parent-guardian', p_suppor1: 'supporter', p_extra001: 'supporter', p_extra002: 'harmed' };
const staffIds = STAFF.map((s) => s.id);

const pid = fc.constantFrom(...IDS);
const sid = fc.constantFrom(...staffIds);
const signer = fc.constantFrom('s_coord1', 's_manag1', 's_manag1', 's_facil1');
const reasonText = fc.constantFrom('They asked to stop.', 'Risk cannot be reduced.', '   ', '', 'Moved away; no forwarding address.');

/**
 * Commands take their dates from the day they run, so they are built as functions of today.
 * Who signs is who is signed in: a step may sign someone in for the commands after it; each
 * step starts signed in as the coordinator, Jo Whitfield.
 */
type Make = (today: string) => Step[];

const giveAll = (id: string, withParent: boolean, takenBy: string): Make => (today) => [
  signIn(takenBy),
  ...elements.map((e): WorkflowCommand => ({ type: 'record-consent', participantId: id, elementId: e.id, status: 'given', on: today, method: 'signed-form', ...(withParent && e.parentGuardianForUnder18 ? { parentGuardianId: 'p_parent1' } : {}) })),
];

const assess = (id: string, high: boolean, decision: 'direct' | 'indirect-only' | 'not-suitable', reviewDays: number, assessor = 's_facil1'): Make => (today) => [
  signIn(assessor),
  {
    type: 'assess-risk',
    participantId: id,
    assessedOn: today,
    factors: factorsFor(factors, ROLE[id] ?? 'other').map((f, i) => ({ factorId: f.id, rating: high && i === 0 ? 'high' : 'low', ...(high && i === 0 ? { mitigation: 'Separate rooms.' } : {}) })),
    decision,
    ...(decision === 'not-suitable' ? { reason: 'Not safe.' } : {}),
    reviewOn: addDays(today, reviewDays),
  },
];

/**
 * Everything a careful coordinator does before a process, for every participant in the case,
 * so that random sequences reach the process stage often enough to test its gate; later
 * random commands (withdrawals, re-assessments, newcomers) then try to break readiness.
 */
const prepareAll = fc
  .record({ by: fc.constantFrom('s_manag1', 's_coord1'), high: fc.boolean(), lead: fc.constantFrom('s_advan1', 's_facil1'), reviewDays: fc.constantFrom(1, 60, 60) })
  .map(({ by, high, lead, reviewDays }): Make => (today) => {
    const out: Step[] = [{ type: 'assign-team', leadId: lead, coFacilitatorId: lead === 's_facil1' ? 's_advan2' : 's_facil1' }];
    for (const id of IDS) {
      out.push(signIn('s_facil1'), { type: 'record-contact', participantId: id, entry: { kind: 'contact', on: today, method: 'in-person', outcome: 'interested' } });
      out.push(...assess(id, high, 'direct', reviewDays)(today), ...giveAll(id, true, 's_facil1')(today), signIn(by), { type: 'sign-off-risk', participantId: id });
    }
    return out;
  });

const command: fc.Arbitrary<Make> = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.integer({ min: 1, max: 7 }), fc.option(fc.constantFrom('direct', 'indirect') as fc.Arbitrary<'direct' | 'indirect'>, { nil: undefined })).map(([n, k]): Make => () => Array.from({ length: n }, () => ({ type: 'advance' as const, ...(k ? { processKind: k } : {}) }))) },
  { weight: 1, arbitrary: prepareAll },
  { weight: 4, arbitrary: fc.tuple(pid, fc.boolean(), fc.constantFrom('s_facil1', 's_advan1', 's_gone01')).map(([id, parent, by]) => giveAll(id, parent, by)) },
  { weight: 2, arbitrary: fc.tuple(pid, fc.constantFrom(...elements.map((e) => e.id)), fc.constantFrom('given', 'declined') as fc.Arbitrary<'given' | 'declined'>).map(([id, el, status]): Make => (today) => [signIn('s_facil1'), { type: 'record-consent', participantId: id, elementId: el, status, on: today, method: 'recorded-verbal' }]) },
  { weight: 1, arbitrary: pid.map((id): Make => (today) => [signIn('s_facil1'), { type: 'withdraw-consent', participantId: id, on: today, reason: 'Not ready.' }]) },
  // Mostly a facilitator assesses; sometimes the manager or coordinator, who may then try to sign off their own.
  { weight: 4, arbitrary: fc.tuple(pid, fc.boolean(), fc.constantFrom('direct', 'direct', 'indirect-only', 'not-suitable') as fc.Arbitrary<'direct' | 'indirect-only' | 'not-suitable'>, fc.constantFrom(1, 30, 90), fc.constantFrom('s_facil1', 's_facil1', 's_manag1', 's_coord1')).map(([id, high, d, days, who]) => assess(id, high, d, days, who)) },
  { weight: 4, arbitrary: fc.tuple(pid, signer).map(([id, by]): Make => () => [signIn(by), { type: 'sign-off-risk', participantId: id }]) },
  { weight: 3, arbitrary: fc.tuple(pid, fc.constantFrom('contact', 'attempt') as fc.Arbitrary<'contact' | 'attempt'>).map(([id, kind]): Make => (today) => [signIn('s_facil1'), { type: 'record-contact', participantId: id, entry: { kind, on: today, method: 'phone', outcome: kind === 'contact' ? 'information-given' : 'no-answer' } }]) },
  { weight: 3, arbitrary: fc.tuple(fc.option(sid, { nil: undefined }), fc.option(fc.option(sid, { nil: null }), { nil: undefined })).map(([lead, co]): Make => () => [{ type: 'assign-team', ...(lead ? { leadId: lead } : {}), ...(co !== undefined ? { coFacilitatorId: co } : {}) }]) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('withdrawn', 'not-suitable', 'no-contact', 'declined') as fc.Arbitrary<'withdrawn'>, reasonText, fc.option(pid, { nil: undefined })).map(([kind, reason, by]): Make => () => [{ type: 'exit', kind, reason, ...(by ? { withdrawnBy: by } : {}) }]) },
  { weight: 1, arbitrary: reasonText.map((reason): Make => () => [{ type: 'reopen', reason }]) },
  { weight: 2, arbitrary: fc.constantFrom('completed-without-agreement', 'no-contact').map((outcome): Make => (today) => [close(today, outcome)]) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('p_extra001', 'p_extra002'), fc.boolean()).map(([id, takesPart]): Make => () => [{ type: 'add-participant', participant: { id, role: ROLE[id] ?? 'other', person: { givenName: 'Zoë', familyName: 'Ng', dateOfBirth: '1990-01-01' }, ...(takesPart ? {} : { takesPart: false }) } }]) },
  { weight: 1, arbitrary: fc.tuple(pid, fc.boolean()).map(([id, takesPart]): Make => () => [{ type: 'set-participation', participantId: id, takesPart, reason: 'Decided with them.' }]) },
  { weight: 2, arbitrary: fc.constantFrom<string[]>([], ['Domestic abuse']).map((sensitive): Make => () => [{ type: 'update-referral', changes: { sensitive } }]) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map((notes): Make => () => [{ type: 'set-notes', notes }]) },
  { weight: 1, arbitrary: fc.anything().map((junk): Make => () => [junk as WorkflowCommand]) },
);

/**
 * Changes that a ready case may undergo before someone tries to start the process: each one
 * should make the gate refuse (or, for an indirect-only assessment, refuse a direct process).
 */
const twist = fc.constantFrom<Make>(
  () => [{ type: 'update-referral', changes: { sensitive: ['Domestic abuse'] } }],
  () => [{ type: 'set-participation', participantId: 'p_respon1', takesPart: false, reason: 'Declined to continue.' }],
  () => [{ type: 'set-participation', participantId: 'p_harmed1', takesPart: false, reason: 'Declined to continue.' }],
  (today) => [...assess('p_harmed1', false, 'indirect-only', 60)(today), signIn('s_manag1'), { type: 'sign-off-risk', participantId: 'p_harmed1' }],
  (today) => [...assess('p_suppor1', false, 'direct', 1)(today), signIn('s_manag1'), { type: 'sign-off-risk', participantId: 'p_suppor1' }],
  (today) => [signIn('s_facil1'), { type: 'withdraw-consent', participantId: 'p_suppor1', on: today, elementIds: ['confidentiality'] }],
);

/** Half the runs start with a careful preparation, so that the later steps meet a case at the consent stage. */
const scenario = fc.record({
  sensitive: fc.boolean(),
  prepared: fc.option(prepareAll, { nil: undefined, freq: 2 }),
  twist: fc.option(twist, { nil: undefined, freq: 2 }),
  /** Then try to run the case through to closure, so closed cases meet the random steps. */
  finish: fc.boolean(),
  steps: fc.array(command, { minLength: 1, maxLength: 50 }),
});
const advanceTo = (n: number): Make => () => Array.from({ length: n }, () => ({ type: 'advance' as const }));

// ── The oracle: written from product.md, not from the workflow's code ──────────────────

function latestBy<T extends { version: number }>(xs: readonly T[], pick: (x: T) => boolean): T | undefined {
  return xs.filter(pick).reduce<T | undefined>((best, x) => (!best || x.version > best.version ? x : best), undefined);
}

function cleared(c: Case, p: Participant, today: string): boolean {
  const sensitive = c.referral.sensitive.length > 0;
  for (const e of elements) {
    if (!e.requiredFor.includes(p.role)) continue;
    const last = latestBy(p.consent ?? [], (x) => x.elementId === e.id);
    if (last?.status !== 'given') return false;
    if (e.parentGuardianForUnder18 && isUnder18(p.person.dateOfBirth, today) && !last.parentGuardianId) return false;
  }
  const a = latestBy(p.risk ?? [], () => true);
  if (!a || !a.signOff || a.decision === 'not-suitable' || a.reviewOn < today) return false;
  const high = a.factors.some((f) => f.rating === 'high');
  const okRole = sensitive || high ? a.signOff.role === DEFAULT_CASEWORK_SETTINGS.riskApproverRole : ['coordinator', 'manager'].includes(a.signOff.role);
  if (!okRole) return false;
  // The person who assessed does not sign off their own assessment in a sensitive case.
  if (sensitive && a.signOff.by === a.assessedBy) return false;
  return !(c.processKind === 'direct' && a.decision === 'indirect-only');
}

function readyForProcess(c: Case, today: string): boolean {
  const parts = c.participants.filter((p) => p.takesPart !== false);
  if (!parts.some((p) => p.role === 'harmed') || !parts.some((p) => p.role === 'responsible')) return false;
  if (c.referral.sensitive.length > 0) {
    const lead = STAFF.find((s) => s.id === c.leadFacilitatorId);
    if (lead?.level !== 'advanced' || !lead.active || !c.coFacilitatorId) return false;
  }
  return parts.every((p) => cleared(c, p, today));
}

/** Closing needs an outcome; the early-exit ones are open at any stage, the others from the process on. */
const close = (today: string, outcome: 'completed-without-agreement' | 'no-contact' = 'completed-without-agreement'): WorkflowCommand => ({
  type: 'close',
  closure: { outcome, closedOn: today, summary: 'Process completed.' },
});
const ended = (c: Case) => c.stage === 'closed' || c.exit !== undefined;
const isPrefix = <T>(a: readonly T[] | undefined, b: readonly T[] | undefined) => JSON.stringify(b?.slice(0, a?.length ?? 0) ?? []) === JSON.stringify(a ?? []);

describe('workflow model', () => {
  it('no sequence of commands reaches an invalid state', () => {
    const reached = { process: 0, closed: 0, refusedWhileEnded: 0, runs: 0 };
    fc.assert(
      fc.property(scenario, ({ sensitive, prepared, twist: change, finish, steps: random }) => {
        const toClosure: Make = (today) => [{ type: 'advance', processKind: 'indirect' }, { type: 'advance' }, { type: 'advance' }, close(today)];
        const steps = prepared ? [prepared, advanceTo(5), ...(change ? [change] : []), ...(finish ? [toClosure] : []), ...random] : random;
        reached.runs++;
        let c = newCase({ participants: CAST, referral: { ...newCase().referral, receivedOn: RECEIVED, sensitive: sensitive ? ['Hate crime'] : [] } });
        let step = 0;
        let sawProcess = false;
        let sawClosed = false;
        for (const make of steps) {
          step++;
          const now = new Date(START + step * STEP_MS).toISOString();
          const today = now.slice(0, 10);
          let ctx: WorkflowContext = { now, today, actor: as('s_coord1'), staff: STAFF, settings: DEFAULT_CASEWORK_SETTINGS, consentElements: elements, riskFactors: factors };
          for (const cmd of make(today)) {
            if (cmd !== null && typeof cmd === 'object' && 'signIn' in cmd && typeof cmd.signIn === 'string') {
              ctx = { ...ctx, actor: as(cmd.signIn) };
              continue;
            }
            const prev = c;
            const r = applyCommand(prev, cmd, ctx);
            if (!r.ok) {
              expect(r.reason.trim().length).toBeGreaterThan(0);
              if (ended(prev)) reached.refusedWhileEnded++;
              continue;
            }
            const next = r.value;
            const type = (cmd as { type: string }).type;
            // One timeline event more, in time order. (applyCommand returns only what
            // CaseSchema accepts; the final state of each run is re-checked below.)
            expect(next.timeline.length).toBe(prev.timeline.length + 1);
            expect(isPrefix(prev.timeline, next.timeline)).toBe(true);
            expect(next.timeline.at(-1)!.at >= prev.timeline.at(-1)!.at).toBe(true);
            // Ended cases accept nothing but reopening.
            if (ended(prev)) expect(type).toBe('reopen');
            // Stages move one step forward, or back to monitoring on reopening a closed case.
            const from = STAGES.indexOf(prev.stage);
            const to = STAGES.indexOf(next.stage);
            if (to !== from) {
              if (type === 'reopen') expect([prev.stage, next.stage]).toEqual(['closed', 'monitoring']);
              else if (type === 'close') expect([from >= STAGES.indexOf('process'), next.stage]).toEqual([true, 'closed']);
              else expect(to).toBe(from + 1);
            }
            // Never into the process without consent and signed-off risk for everyone in it.
            if (next.stage === 'process' && prev.stage !== 'process') {
              expect(readyForProcess(next, today)).toBe(true);
              sawProcess = true;
            }
            if (next.stage === 'closed') sawClosed = true;
            // Every exit has a reason; a withdrawal names who withdrew.
            if (next.exit) {
              expect(next.exit.reason.trim().length).toBeGreaterThan(0);
              if (next.exit.kind === 'withdrawn') expect(next.participants.some((p) => p.id === next.exit!.withdrawnBy)).toBe(true);
              if (!prev.exit) expect(next.timeline.at(-1)!.text).toMatch(/Reason: \S/);
            }
            // Records are append-only; participants are never removed. (Plain comparisons
            // here: this loop runs for every accepted command.)
            for (const p of prev.participants) {
              const q = next.participants.find((x) => x.id === p.id);
              if (!q) throw new Error(`participant ${p.id} was removed by ${type}`);
              if (!isPrefix(p.consent, q.consent)) throw new Error(`consent history of ${p.id} rewritten by ${type}`);
              if (!isPrefix(p.contacts, q.contacts)) throw new Error(`contacts of ${p.id} rewritten by ${type}`);
              const unsigned = (xs: Participant['risk']) => (xs ?? []).map((a) => ({ ...a, signOff: undefined }));
              if (!isPrefix(unsigned(p.risk), unsigned(q.risk))) throw new Error(`risk assessments of ${p.id} rewritten by ${type}`);
            }
            c = next;
          }
        }
        expect(CaseSchema.safeParse(c).success).toBe(true);
        if (sawProcess) reached.process++;
        if (sawClosed) reached.closed++;
      }),
      { numRuns: 250 },
    );
    console.info(`workflow model: ${JSON.stringify(reached)}`);
    // The generator must actually exercise the interesting transitions.
    expect(reached.process).toBeGreaterThan(reached.runs / 40);
    expect(reached.closed).toBeGreaterThan(0);
    expect(reached.refusedWhileEnded).toBeGreaterThan(0);
  });
});
