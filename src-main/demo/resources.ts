import type { Venue } from '../domain/conferences/venue';
import type { StaffMember } from '../domain/staff/staff';
import { FACILITATORS, NAME_POOLS } from './names';

/**
 * The staff and venues demo cases refer to. Meetings, consent, agreements and closures name
 * staff and venues by id, and those ids must be on the casebook's own lists, so a caller with a
 * store first makes sure the people and rooms exist (services/casebook/demo.ts) and passes the
 * store's ids to the generator. `demoResources` gives fixed ids for callers without a store
 * (tests, fixtures): cases made with them name staff and venues no casebook has.
 *
 * A service's staff grows with its caseload: a facilitator carries about 130 cases a year, so
 * the ten named facilitators suffice up to about 4,000 cases over the demo's three years, and a
 * larger demo gets more (and more rooms), or its diary could not fit the meetings between
 * 09:00 and 17:00.
 */
export interface DemoResources {
  /** Facilitators: each case's lead is one of them. */
  facilitators: readonly Pick<StaffMember, 'id' | 'name'>[];
  /** Closes cases and enters feedback. */
  coordinator: Pick<StaffMember, 'id' | 'name'>;
  venues: readonly Pick<Venue, 'id' | 'name' | 'separateWaitingAreas'>[];
  /**
   * Facilitators who have left (ids): they led and co-facilitated cases that have ended, but no
   * open case names them, as if each had been handed on when they left (services/staff/leaver.ts).
   */
  left?: readonly string[];
}

export const DEMO_COORDINATOR = 'Jo Whitfield';
/** The demo's leaver: her register record has a leaving date (staff-register.ts), so the staff list has her inactive. */
export const DEMO_LEAVER = 'Bethan Hughes';

type VenueSpec = Omit<Venue, 'id'>;

/** Rooms where the demo service meets people; each is one bookable space. */
const BASE_VENUES: readonly VenueSpec[] = [
  { name: 'Coventry RJ Hub, Room 1', address: '14 Priory Street, Coventry CV1 5FB', separateWaitingAreas: true, stepFreeAccess: true, active: true, accessibilityNotes: 'Hearing loop; two waiting rooms on different floors.' },
  { name: 'Coventry RJ Hub, Room 2', address: '14 Priory Street, Coventry CV1 5FB', separateWaitingAreas: true, stepFreeAccess: true, active: true },
  { name: 'Leamington Community Centre, Meeting Room', address: '3 Warwick Street, Leamington Spa CV32 4QG', separateWaitingAreas: false, stepFreeAccess: true, active: true },
  { name: 'Swansea Civic Centre, Room 4', address: 'Oystermouth Road, Swansea SA1 3SN', separateWaitingAreas: true, stepFreeAccess: true, active: true },
  { name: 'Cardiff Probation Office, Interview Room', address: '33 Westgate Street, Cardiff CF10 1JE', separateWaitingAreas: false, stepFreeAccess: false, active: true, accessibilityNotes: 'Stairs to the first floor; no lift.' },
  { name: 'Birmingham Victim and Witness Hub, Quiet Room', address: '1 Newhall Street, Birmingham B15 3SR', separateWaitingAreas: true, stepFreeAccess: true, active: true },
  { name: 'Leeds Friends Meeting House, Small Hall', address: '188 Woodhouse Lane, Leeds LS6 2AB', separateWaitingAreas: true, stepFreeAccess: true, active: true },
  { name: 'Nuneaton Library, Community Room', address: 'Church Street, Nuneaton CV11 4DR', separateWaitingAreas: false, stepFreeAccess: true, active: true },
];

/** Demo cases one facilitator can carry over the demo's three years. */
const CASES_PER_FACILITATOR = 400;
/** Demo cases one room serves over three years. */
const CASES_PER_ROOM = 700;

/** The named facilitators, then more made from English and Welsh names for a large demo. */
export function demoFacilitatorNames(count: number): string[] {
  const want = Math.max(FACILITATORS.length, Math.ceil(count / CASES_PER_FACILITATOR));
  const out: string[] = [...FACILITATORS];
  const taken = new Set<string>([...out, DEMO_COORDINATOR]);
  for (const pool of NAME_POOLS.filter((p) => p.language === undefined || p.language === 'Welsh')) {
    // Walk the given × family pairs diagonally, so consecutive names share neither part.
    const g = pool.given.length;
    for (let k = 0; k < g * pool.family.length && out.length < want; k++) {
      const name = `${pool.given[k % g]} ${pool.family[(k + Math.floor(k / g)) % pool.family.length]}`;
      if (taken.has(name)) continue;
      taken.add(name);
      out.push(name);
    }
  }
  return out;
}

/** The base rooms, then annexe rooms at the centres with separate waiting areas. */
export function demoVenues(count: number): VenueSpec[] {
  const want = Math.max(BASE_VENUES.length, Math.ceil(count / CASES_PER_ROOM));
  const out = [...BASE_VENUES];
  const hubs = new Map(BASE_VENUES.filter((v) => v.separateWaitingAreas).map((v) => [v.name.split(',')[0] as string, v.address]));
  for (let n = 1; out.length < want; n++) {
    for (const [centre, address] of [...hubs].slice(0, want - out.length)) {
      out.push({ name: `${centre}, Annexe ${n}`, address, separateWaitingAreas: true, stepFreeAccess: true, active: true });
    }
  }
  return out;
}

const LEVELS = ['advanced', 'intermediate', 'foundation'] as const;

/** The demo staff list for a demo of `count` cases: the facilitators and the coordinator. */
export function demoStaff(count: number): Omit<StaffMember, 'id'>[] {
  return [
    ...demoFacilitatorNames(count).map((name, i) => ({ name, role: 'facilitator' as const, level: LEVELS[i % LEVELS.length], active: name !== DEMO_LEAVER })),
    { name: DEMO_COORDINATOR, role: 'coordinator', level: 'advanced', active: true },
  ];
}

/** The ids of the demo's leavers among `facilitators`. */
export function leftOf(facilitators: readonly Pick<StaffMember, 'id' | 'name'>[]): string[] {
  return facilitators.filter((f) => f.name === DEMO_LEAVER).map((f) => f.id);
}

const fixedId = (prefix: 's' | 'v', i: number) => `${prefix}_demo${String(i + 1).padStart(4, '0')}`;

/** Fixed ids, for generating cases without a store. */
export function demoResources(count: number): DemoResources {
  const names = demoFacilitatorNames(count);
  const facilitators = names.map((name, i) => ({ id: fixedId('s', i), name }));
  return {
    facilitators,
    left: leftOf(facilitators),
    coordinator: { id: fixedId('s', names.length), name: DEMO_COORDINATOR },
    venues: demoVenues(count).map((v, i) => ({ id: fixedId('v', i), name: v.name, separateWaitingAreas: v.separateWaitingAreas ?? false })),
  };
}
