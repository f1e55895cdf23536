import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canConfirmConference, type Readiness } from '../../src-main/domain/conferences/confirmation';
import { findConflicts } from '../../src-main/domain/conferences/conflicts';
import { londonToUtc, utcToLondon } from '../../src-main/domain/time/london-time';
import { MEETING_KINDS, MEETING_STATUSES, type Meeting } from '../../src-main/domain/conferences/meeting';
import type { Venue } from '../../src-main/domain/conferences/venue';

/**
 * Property tests for scheduling. The oracle converts local time with the host's own time-zone
 * database (Intl, Europe/London) rather than our rule, and checks every pair of meetings by
 * brute force, so it shares no code with the functions under test.
 */
const london = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
function intlLocal(ms: number): string {
  const p = Object.fromEntries(london.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}
/** The earliest instant whose London wall-clock reading is date + time, or undefined. */
function oracleUtc(date: string, time: string): number | undefined {
  const asUtc = Date.parse(`${date}T${time}:00Z`);
  for (const candidate of [asUtc - 3_600_000, asUtc]) if (intlLocal(candidate) === `${date} ${time}`) return candidate;
  return undefined;
}

const STAFF = ['s_staff0001', 's_staff0002', 's_staff0003'];
const PEOPLE = ['p_person001', 'p_person002', 'p_person003', 'p_person004'];
/** Names in one group are the same interpreter however they are typed. */
const INTERPRETERS = [
  { group: 'a', name: 'Şükrü Yılmaz' },
  { group: 'a', name: 'ŞÜKRÜ YILMAZ' },
  { group: 'b', name: 'Ana Silva' },
];
const VENUES: Venue[] = [
  { id: 'v_venue0001', name: 'Room 1', address: '', active: true },
  { id: 'v_venue0002', name: 'Room 2', address: '', active: true },
];
const DATES = ['2026-03-29', '2026-10-25', '2027-03-28', '2027-10-31', '2026-05-12', '2026-05-13', '2028-02-29'];

const meetingArb = (id: string) =>
  fc
    .record({
      date: fc.constantFrom(...DATES),
      hour: fc.integer({ min: 0, max: 23 }),
      minute: fc.constantFrom(0, 15, 30, 45),
      durationMinutes: fc.constantFrom(15, 30, 60, 90, 120, 150, 600),
      status: fc.constantFrom(...MEETING_STATUSES),
      staff: fc.uniqueArray(fc.constantFrom(...STAFF), { minLength: 1, maxLength: 2 }),
      roles: fc.array(fc.constantFrom('none', 'participant', 'supporter'), { minLength: PEOPLE.length, maxLength: PEOPLE.length }),
      interpreter: fc.option(fc.constantFrom(...INTERPRETERS), { nil: undefined }),
      venueId: fc.option(fc.constantFrom(...VENUES.map((v) => v.id)), { nil: undefined }),
    })
    .map(
      (r): Meeting => ({
        id,
        caseId: 'c_case000001',
        kind: 'conference',
        format: r.venueId ? 'in-person' : 'video',
        date: r.date,
        start: `${String(r.hour).padStart(2, '0')}:${String(r.minute).padStart(2, '0')}`,
        durationMinutes: r.durationMinutes,
        ...(r.venueId ? { venueId: r.venueId } : {}),
        leadFacilitatorId: r.staff[0] as string,
        ...(r.staff[1] ? { coFacilitatorId: r.staff[1] } : {}),
        participantIds: PEOPLE.filter((_, i) => r.roles[i] === 'participant'),
        supporterIds: PEOPLE.filter((_, i) => r.roles[i] === 'supporter'),
        ...(r.interpreter ? { interpreter: { name: r.interpreter.name, language: 'Turkish' } } : {}),
        status: r.status,
        ...(r.status === 'postponed' || r.status === 'cancelled' ? { statusReason: 'x' } : {}),
      }),
    );

const scheduleArb = fc.integer({ min: 0, max: 12 }).chain((n) => fc.tuple(meetingArb('m_candidate'), fc.tuple(...Array.from({ length: n }, (_, i) => meetingArb(`m_exist${String(i).padStart(4, '0')}`)))));

const groupOf = (name: string | undefined) => INTERPRETERS.find((x) => x.name === name)?.group;
const active = (m: Meeting) => m.status !== 'cancelled' && m.status !== 'postponed';

function oracle(c: Meeting, existing: readonly Meeting[]): string[] {
  const out: string[] = [];
  const cs = oracleUtc(c.date, c.start);
  if (!active(c) || cs === undefined) return out;
  const ce = cs + c.durationMinutes * 60_000;
  for (const e of existing) {
    const es = oracleUtc(e.date, e.start);
    if (!active(e) || es === undefined) continue;
    const ee = es + e.durationMinutes * 60_000;
    if (!(cs < ee && es < ce)) continue;
    const cStaff = [c.leadFacilitatorId, c.coFacilitatorId];
    for (const s of [e.leadFacilitatorId, e.coFacilitatorId]) if (s && cStaff.includes(s)) out.push(`${e.id} facilitator ${s}`);
    for (const p of [...e.participantIds, ...e.supporterIds]) {
      if (c.participantIds.includes(p)) out.push(`${e.id} participant ${p}`);
      else if (c.supporterIds.includes(p)) out.push(`${e.id} supporter ${p}`);
    }
    if (c.interpreter && groupOf(c.interpreter.name) === groupOf(e.interpreter?.name)) out.push(`${e.id} interpreter`);
    if (c.venueId && c.venueId === e.venueId) out.push(`${e.id} venue ${c.venueId}`);
  }
  return out.sort();
}

describe('findConflicts against a brute-force oracle', () => {
  it('reports a clash exactly when two active meetings overlap and share a person, interpreter or venue', () => {
    fc.assert(
      fc.property(scheduleArb, ([candidate, existing]) => {
        const got = findConflicts(candidate, existing, VENUES)
          .map((x) => `${x.meetingId} ${x.kind}${x.kind === 'interpreter' ? '' : ` ${x.id}`}`)
          .sort();
        expect(got).toEqual(oracle(candidate, existing));
      }),
      { numRuns: 1_000 },
    );
  });

  it('is symmetric in whether two meetings clash', () => {
    fc.assert(
      fc.property(meetingArb('m_first0001'), meetingArb('m_second001'), (a, b) => {
        expect(findConflicts(a, [b], VENUES).length > 0).toBe(findConflicts(b, [a], VENUES).length > 0);
      }),
      { numRuns: 1_000 },
    );
  });
});

describe('local time against the host time-zone database', () => {
  it('agrees with Intl for any local time from 2000 to 2099', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:00Z'), noInvalidDate: true }), (d) => {
        const date = d.toISOString().slice(0, 10);
        const time = d.toISOString().slice(11, 16);
        const r = londonToUtc(date, time);
        const expected = oracleUtc(date, time);
        if (expected === undefined) expect(r.ok).toBe(false);
        else expect(r).toMatchObject({ ok: true, utcMs: expected });
      }),
      { numRuns: 2_000 },
    );
  });

  it('round-trips every instant, except the second pass through the repeated hour', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('2000-01-01T00:00:00Z') / 60_000, max: Date.parse('2099-12-31T00:00:00Z') / 60_000 }), (minute) => {
        const ms = minute * 60_000;
        const local = utcToLondon(ms);
        expect(`${local.date} ${local.time}`).toBe(intlLocal(ms));
        const back = londonToUtc(local.date, local.time);
        expect(back.ok).toBe(true);
        if (back.ok) expect(back.utcMs === ms || (back.ambiguous && back.utcMs === ms - 3_600_000)).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });

  it('checks every minute of each clock-change day', () => {
    for (const date of ['2026-03-29', '2026-10-25', '2027-03-28', '2027-10-31']) {
      for (let m = 0; m < 1440; m++) {
        const time = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
        const r = londonToUtc(date, time);
        const expected = oracleUtc(date, time);
        expect(r.ok ? r.utcMs : undefined).toBe(expected);
      }
    }
  });
});

describe('the confirmation rule', () => {
  const personArb = fc.record({
    invited: fc.constantFrom('no', 'participant', 'supporter'),
    known: fc.boolean(),
    consentComplete: fc.boolean(),
    riskSignedOff: fc.boolean(),
    name: fc.constantFrom('Siân Williams', 'Łukasz Nowak', 'Nguyễn Văn An', 'Αλέξανδρος Π.', 'Алексей Иванов', "Seán O'Brien"),
  });

  it('confirms a conference if and only if everyone invited has consented and is signed off', () => {
    fc.assert(
      fc.property(
        fc.array(personArb, { minLength: 4, maxLength: 4 }),
        fc.constantFrom(...MEETING_KINDS),
        fc.constantFrom(...MEETING_STATUSES),
        fc.boolean(),
        fc.boolean(),
        (people, kind, status, hasCo, coRequired) => {
          const ids = people.map((_, i) => `p_ready${String(i).padStart(4, '0')}`);
          const readiness: Readiness = Object.fromEntries(
            people.flatMap((p, i) => (p.known ? [[ids[i], { name: `${p.name} ${i}`, consentComplete: p.consentComplete, riskSignedOff: p.riskSignedOff }]] : [])),
          );
          const meeting = {
            kind,
            status,
            participantIds: ids.filter((_, i) => people[i]?.invited === 'participant'),
            supporterIds: ids.filter((_, i) => people[i]?.invited === 'supporter'),
            ...(hasCo ? { coFacilitatorId: 's_cofac001' } : {}),
          };
          const r = canConfirmConference(meeting, readiness, { coFacilitatorRequired: coRequired });
          const invited = people.filter((p) => p.invited !== 'no');
          const everyoneReady = invited.every((p) => p.known && p.consentComplete && p.riskSignedOff);
          const expected = status !== 'held' && status !== 'cancelled' && (kind !== 'conference' || (everyoneReady && (!coRequired || hasCo)));
          expect(r.ok).toBe(expected);
          if (r.ok) expect(r.value.status).toBe('confirmed');
          else if (kind === 'conference') {
            // Every person not ready is named, and nobody who is ready.
            people.forEach((p, i) => {
              const named = r.problems.some((m) => m.includes(`${p.name} ${i}`));
              expect(named).toBe(p.invited !== 'no' && p.known && (!p.consentComplete || !p.riskSignedOff));
            });
          }
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
