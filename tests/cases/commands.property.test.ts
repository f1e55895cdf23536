import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ERROR_CODES } from '../../src-main/domain/shared/errors';
import { diffSnapshots, snapshotDir } from '../support/fault/fixtures';
import { caseworkWorld, people, referral } from '../support/casebook';
import { steps } from '../support/steps';

/**
 * Random workflow commands, most of them nearly right, sent through the registry against a
 * real case. Whatever comes in: a typed error that is not INTERNAL (and then nothing written),
 * or a saved change whose revision is one more than before.
 */
describe('applyCaseCommand fed random commands', () => {
  it('answers with a typed error and writes nothing, or saves exactly one revision', async () => {
    const w = await caseworkWorld();
    const v = await w.call('createReferral', { referral: referral(), duplicatesSeen: false });
    const s = steps(await w.call('getCaseworkReference', {}));
    const p = people(v);
    const staffIds = Object.values(w.staff);
    const date = fc.oneof(fc.constantFrom('2026-03-10', '2026-03-16', '2026-03-17', '2026-02-31', '1899-12-31', '2026-03-01', 'yesterday'), fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)));
    const participant = fc.constantFrom(p.harmed, p.responsible, 'p_unknown000', 'not-an-id');
    const staff = fc.constantFrom(...staffIds, 's_unknown000');
    const onBehalf = fc.option(staff.map((id) => ({ onBehalfOf: id })), { nil: {} });
    const base = fc.oneof(
      fc.constant({ type: 'advance' } as Record<string, unknown>),
      fc.record({ type: fc.constant('advance'), processKind: fc.constantFrom('direct', 'indirect', 'both') }),
      fc.record({ type: fc.constant('exit'), kind: fc.constantFrom('withdrawn', 'declined', 'no-contact', 'lost'), reason: fc.string(), withdrawnBy: participant, on: date }, { requiredKeys: ['type', 'kind'] }),
      fc.record({ type: fc.constant('reopen'), reason: fc.string() }),
      fc.record({ type: fc.constant('close') }),
      fc.record({ type: fc.constant('assign-team'), leadId: fc.oneof(staff, fc.constant(null)), coFacilitatorId: fc.oneof(staff, fc.constant(null)) }, { requiredKeys: ['type'] }),
      // Who signs is the signed-in administrator, or whom they record it for (onBehalfOf), known or not.
      fc.tuple(participant, onBehalf, date).map(([pid, them, on]) => ({ ...s.contact(pid), ...them, entry: { ...(s.contact(pid) as { entry: object }).entry, on } })),
      fc.tuple(participant, onBehalf).map(([pid, them]) => ({ ...s.assess(pid, 'harmed'), ...them }) as Record<string, unknown>),
      fc.tuple(participant, onBehalf, date).map(([pid, them, on]) => ({ ...(s.consentAll(pid)[0] as object), ...them, on })),
      fc.tuple(participant, onBehalf, date).map(([pid, them, on]) => ({ type: 'withdraw-consent', participantId: pid, ...them, on })),
      fc.tuple(participant, onBehalf).map(([pid, them]) => ({ ...s.signOff(pid), ...them }) as Record<string, unknown>),
      fc.record({ type: fc.constant('update-referral'), changes: fc.record({ receivedOn: date, offenceDate: date, priority: fc.constantFrom('routine', 'urgent', 'whenever') }, { requiredKeys: [] }) }),
      fc.record({ type: fc.constant('set-notes'), notes: fc.string({ maxLength: 50 }) }),
      fc.record({ type: fc.constant('set-participation'), participantId: participant, takesPart: fc.boolean(), reason: fc.string({ maxLength: 20 }) }),
    );
    const command = fc.tuple(base, fc.option(fc.tuple(fc.constantFrom('type', 'participantId', 'reason', 'extra', 'on'), fc.anything()), { freq: 4 })).map(([c, m]) => (m ? { ...c, [m[0]]: m[1] } : c));
    const tally: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(command, fc.boolean(), async (cmd, stale) => {
        const current = await w.call('getCaseView', { id: v.case.id });
        const before = await snapshotDir(w.dir);
        const r = await w.registry.invoke('applyCaseCommand', { caseId: v.case.id, revision: stale ? Math.max(1, current.case.revision - 1) : current.case.revision, command: cmd });
        if (r.ok) {
          tally.ok = (tally.ok ?? 0) + 1;
          expect((r.value as { case: { revision: number } }).case.revision).toBe(current.case.revision + 1);
          return;
        }
        tally[r.error.code] = (tally[r.error.code] ?? 0) + 1;
        expect(Object.keys(ERROR_CODES)).toContain(r.error.code);
        expect(r.error.code, r.error.message).not.toBe('INTERNAL');
        expect(r.error.message).not.toMatch(/\n\s+at |\.ts:\d+/);
        expect(diffSnapshots(before, await snapshotDir(w.dir))).toEqual([]);
      }),
      { numRuns: Number(process.env.CASEBOOK_FUZZ_RUNS ?? 80), seed: 20260316 },
    );
    expect(tally.ok ?? 0).toBeGreaterThan(0);
  }, 120_000);
});
