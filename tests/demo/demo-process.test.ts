import { describe, expect, it } from 'vitest';
import { CaseSchema, STAGES, type Case } from '../../src-main/domain/cases/case';
import { FEEDBACK_CONSENT_ELEMENT } from '../../src-main/domain/outcomes/outcome-steps';
import { currentConsent } from '../../src-main/domain/consent/consent';
import { standardBankHolidays } from '../../src-main/domain/time/bank-holidays';
import { dayOfWeek } from '../../src-main/domain/time/dates';
import { overdueActions } from '../../src-main/domain/outcomes/agreement';
import { closureProblems } from '../../src-main/domain/outcomes/closure';
import { recordProblems } from '../../src-main/domain/conferences/conference-record';
import { findConflicts } from '../../src-main/domain/conferences/conflicts';
import { feedbackProblems } from '../../src-main/domain/outcomes/feedback';
import { isActive, meetingInterval, type Meeting } from '../../src-main/domain/conferences/meeting';
import type { Venue } from '../../src-main/domain/conferences/venue';
import type { StaffMember } from '../../src-main/domain/staff/staff';
import { demoResources, generateDemoCases } from '../../src-main/demo/demo-cases';
import { demoFacilitatorNames, demoVenues } from '../../src-main/demo/resources';
import { ensureDemoResources, type DemoResourceDeps } from '../../src-main/services/casebook/demo';

const NOW = new Date('2026-03-01T12:00:00Z');
const TODAY = '2026-03-01';
const COUNT = 500;
const resources = demoResources(COUNT);
const gen = (count: number, seed: string | number) => generateDemoCases({ count, seed, now: NOW, resources: demoResources(count) });
const cases = gen(COUNT, 'process');
const at = (c: Case) => STAGES.indexOf(c.stage);
const PREPARATION = STAGES.indexOf('preparation');
const venues: Venue[] = resources.venues.map((v) => ({ id: v.id, name: v.name, address: '', active: true }));
const staffIds = new Set([...resources.facilitators, resources.coordinator].map((s) => s.id));
const venueIds = new Set(resources.venues.map((v) => v.id));
const meetings = (cs: Case[]) => cs.flatMap((c) => c.schedule ?? []);
/** The last day anything in the case can have happened. */
const lastDayOf = (c: Case) => c.exit?.on ?? TODAY;

describe('demo cases with their restorative process', () => {
  it('every one of 500 passes CaseSchema unchanged', () => {
    for (const c of cases) {
      const r = CaseSchema.safeParse(c);
      expect(r.success ? 'valid' : { reference: c.reference, issues: r.error.issues.slice(0, 3) }).toBe('valid');
      expect(r.success && r.data).toEqual(c);
    }
  });

  it('is deterministic for a seed, and adds no process without the casebook’s staff and venues', () => {
    expect(gen(80, 7)).toEqual(gen(80, 7));
    const plain = generateDemoCases({ count: 80, seed: 7, now: NOW });
    expect(plain.some((c) => c.schedule || c.agreement || c.closure || c.leadFacilitatorId)).toBe(false);
    // The people and referrals for a seed are the same with or without the process.
    expect(gen(80, 7).map((c) => [c.reference, c.stage, c.participants.map((p) => p.person.givenName)])).toEqual(plain.map((c) => [c.reference, c.stage, c.participants.map((p) => p.person.givenName)]));
  });

  it('books no facilitator, venue, interpreter or person twice at the same time', () => {
    const all = meetings(cases).filter(isActive);
    const byDay = new Map<string, Meeting[]>();
    for (const m of all) byDay.set(m.date, [...(byDay.get(m.date) ?? []), m]);
    let compared = 0;
    const clashes: string[] = [];
    for (const list of byDay.values()) {
      for (const m of list) {
        for (const x of findConflicts(m, list, venues)) clashes.push(`${m.id} vs ${x.meetingId}: ${x.kind}`);
        compared += list.length - 1;
      }
    }
    expect(clashes).toEqual([]);
    expect(compared).toBeGreaterThan(100);
    // The same, counted directly for facilitators and venues: overlapping intervals per key and day.
    const spans = new Map<string, { start: number; end: number }[]>();
    const overlaps: string[] = [];
    for (const m of all) {
      const span = meetingInterval(m) as { start: number; end: number };
      for (const key of [`s:${m.leadFacilitatorId}`, ...(m.coFacilitatorId ? [`s:${m.coFacilitatorId}`] : []), ...(m.venueId ? [`v:${m.venueId}`] : [])]) {
        const list = spans.get(`${key} ${m.date}`) ?? [];
        for (const other of list) if (span.start < other.end && other.start < span.end) overlaps.push(`${key} on ${m.date}`);
        list.push(span);
        spans.set(`${key} ${m.date}`, list);
      }
    }
    expect(overlaps).toEqual([]);
  });

  it('meets between 09:00 and 17:00 on working days, with staff and venues from the casebook’s lists', () => {
    const holidays = new Set([2023, 2024, 2025, 2026, 2027].flatMap((y) => standardBankHolidays(y).map((h) => h.date)));
    for (const m of meetings(cases)) {
      expect([0, 6]).not.toContain(dayOfWeek(m.date));
      expect(holidays.has(m.date), m.date).toBe(false);
      const [h, min] = m.start.split(':').map(Number) as [number, number];
      expect(h * 60 + min).toBeGreaterThanOrEqual(9 * 60);
      expect(h * 60 + min + m.durationMinutes).toBeLessThanOrEqual(17 * 60);
      expect(staffIds.has(m.leadFacilitatorId)).toBe(true);
      if (m.coFacilitatorId) expect(staffIds.has(m.coFacilitatorId)).toBe(true);
      if (m.venueId) expect(venueIds.has(m.venueId)).toBe(true);
      if (m.format === 'in-person') expect(m.venueId).toBeDefined();
    }
  });

  it('closes cases as closureProblems allows, with an outcome that fits the agreement', () => {
    const closed = cases.filter((c) => c.closure);
    expect(closed.length).toBeGreaterThan(100);
    for (const c of closed) {
      const k = c.closure as NonNullable<Case['closure']>;
      const problems = closureProblems(k, {
        today: TODAY,
        referralReceivedOn: c.referral.receivedOn,
        ...(c.agreement ? { agreement: c.agreement } : {}),
        meetings: c.schedule ?? [],
        participantIds: c.participants.map((p) => p.id),
      });
      expect(problems, c.reference).toEqual([]);
      if (c.exit) expect([k.outcome, k.closedOn]).toEqual([c.exit.kind, c.exit.on]);
      else expect(c.stage).toBe('closed');
      expect(staffIds.has(k.closedBy)).toBe(true);
    }
    const outcomes = new Set(closed.map((c) => c.closure?.outcome));
    for (const o of ['agreement-completed', 'agreement-partly-completed', 'completed-without-agreement', 'withdrawn']) expect(outcomes).toContain(o);
  });

  it('keeps meeting statuses in step with the stage: held in the past, booked ahead only while open', () => {
    for (const c of cases) {
      const ended = c.stage === 'closed' || c.exit !== undefined;
      for (const m of c.schedule ?? []) {
        if (m.status === 'held') expect(m.date <= lastDayOf(c) && m.date < TODAY, c.reference).toBe(true);
        if (m.status === 'proposed' || m.status === 'confirmed') {
          expect(ended, c.reference).toBe(false);
          expect(m.date > TODAY).toBe(true);
        }
        if (m.status === 'postponed' || m.status === 'cancelled') expect(m.statusReason).toBeTruthy();
      }
      // Held conferences have their record, which fits the booking.
      for (const m of (c.schedule ?? []).filter((x) => x.kind === 'conference' && x.status === 'held')) {
        const rec = c.conferenceRecords?.find((r) => r.meetingId === m.id);
        expect(rec, c.reference).toBeDefined();
        expect(recordProblems(rec!, m, TODAY)).toEqual([]);
      }
      if (at(c) < PREPARATION) expect(c.schedule).toBeUndefined();
    }
  });

  it('gives feedback only from people who agreed to be asked, after the case closed', () => {
    let given = 0;
    for (const c of cases) {
      const ok = c.participants.filter((p) => currentConsent(p).get(FEEDBACK_CONSENT_ELEMENT)?.status === 'given').map((p) => p.id);
      c.feedback?.forEach((f, i) => {
        given++;
        const problems = feedbackProblems(f, { today: TODAY, participantIds: c.participants.map((p) => p.id), mayContactForFeedback: ok, existing: c.feedback?.slice(0, i) ?? [] });
        expect(problems, c.reference).toEqual([]);
        expect(f.givenOn >= (c.closure?.closedOn ?? '9999')).toBe(true);
      });
    }
    expect(given).toBeGreaterThan(50);
  });

  it('has a realistic mix: most cases past preparation have a process, of every kind, with agreements in every state', () => {
    const past = cases.filter((c) => at(c) > PREPARATION);
    expect(past.filter((c) => c.processKind).length / past.length).toBeGreaterThan(0.9);
    const forms = new Set(past.map((c) => c.processForm));
    for (const f of ['face-to-face', 'letter-exchange', 'shuttle', 'community-conference']) expect(forms).toContain(f);
    expect(cases.some((c) => c.processKind === 'indirect' && (c.indirectLog?.length ?? 0) >= 2)).toBe(true);
    const statuses = new Set(meetings(cases).map((m) => m.status));
    for (const s of ['held', 'confirmed', 'proposed', 'postponed', 'cancelled']) expect(statuses).toContain(s);
    const actions = cases.flatMap((c) => (c.agreement?.signedOn ? c.agreement.actions : []));
    expect(new Set(actions.map((a) => a.status))).toEqual(new Set(['pending', 'in-progress', 'done', 'not-done']));
    expect(new Set(actions.map((a) => a.kind)).size).toBeGreaterThanOrEqual(6);
    expect(cases.some((c) => c.agreement?.signedOn && !c.closure && overdueActions(c.agreement, TODAY).length > 0)).toBe(true);
    const sizes = cases.flatMap((c) => (c.agreement ? [c.agreement.actions.length] : []));
    expect(Math.min(...sizes)).toBe(1);
    expect(Math.max(...sizes)).toBe(4);
  });
});

describe('demo staff and venues', () => {
  it('grow with the caseload so the diary can hold the meetings', () => {
    expect(demoFacilitatorNames(500)).toHaveLength(10);
    expect(demoFacilitatorNames(10_000).length).toBeGreaterThan(20);
    expect(new Set(demoFacilitatorNames(100_000)).size).toBe(demoFacilitatorNames(100_000).length);
    expect(new Set(demoVenues(100_000).map((v) => v.name)).size).toBe(demoVenues(100_000).length);
  });

  it('are added to a casebook once, and the casebook’s ids are returned', async () => {
    let staff: StaffMember[] = [];
    let rooms: Venue[] = [];
    let n = 0;
    const service: DemoResourceDeps = {
      cases: { getCaseworkReference: () => ({ staff, venues: rooms }) as unknown as ReturnType<DemoResourceDeps['cases']['getCaseworkReference']> },
      staff: { saveStaffMember: async (s) => (staff = [...staff, { ...s, id: `s_store${String(n++).padStart(4, '0')}` }]) },
      conferences: { saveVenue: async (v) => (rooms = [...rooms, { ...(v as Omit<Venue, 'id'>), id: `v_store${String(n++).padStart(4, '0')}` }]) },
    };
    const first = await ensureDemoResources(service, 500);
    expect(first.facilitators.every((f) => f.id.startsWith('s_store'))).toBe(true);
    expect(first.venues.map((v) => v.name)).toEqual(demoVenues(500).map((v) => v.name));
    const again = await ensureDemoResources(service, 500);
    expect(again).toEqual(first);
    expect(staff).toHaveLength(11);
  });
});
