import { requireCapability } from '../../domain/access/capabilities';
import type { Role } from '../../domain/access/roles';
import type { Case, CaseSummary } from '../../domain/cases/case';
import type { Venue } from '../../domain/conferences/venue';
import { CasebookError } from '../../domain/shared/errors';
import type { StaffMember } from '../../domain/staff/staff';
import { generateDemoCases } from '../../demo/demo-cases';
import { demoStaffRegister } from '../../demo/staff-register';
import type { StaffRegister } from '../../domain/staff/register';
import { londonDate } from '../../domain/time/dates';
import { DEMO_COORDINATOR, demoFacilitatorNames, demoStaff, demoVenues, leftOf, type DemoResources } from '../../demo/resources';
import type { CasesApi } from '../cases/api';
import type { ConferencesApi } from '../conferences/api';
import type { CallContext } from '../shared/call-context';
import type { StaffApi } from '../staff/api';
import { addDemoQualityRecords, type DemoQualityApi } from '../quality/demo-records';

/** Cases per import: big enough to be quick, small enough to show progress and bound memory per write. */
export const DEMO_BATCH = 500;

/** What adding the demo staff and venues needs: a casebook service (an administrator's or coordinator's session). */
export interface DemoResourceDeps {
  cases: Pick<CasesApi, 'getCaseworkReference'>;
  staff: Pick<StaffApi, 'saveStaffMember'>;
  conferences: Pick<ConferencesApi, 'saveVenue'>;
}

/** What filling a casebook needs besides the staff and venues: who is signed in, what is there, the clock, and an import. */
export interface DemoDeps extends DemoResourceDeps {
  role(): Role;
  existing(): readonly Pick<CaseSummary, 'id' | 'reference'>[];
  now(): Date;
  importCases(cases: Case[]): Promise<{ imported: number }>;
  /** Save a register for the staff who have none yet (services/staff/demo-register.ts); left out where there is no register. */
  fillRegister?(build: (staff: readonly StaffMember[]) => StaffRegister): Promise<void>;
  /** The policies register and complaints log, filled after the cases (a complaint names one). */
  quality?: DemoQualityApi;
}

/**
 * Add the demo staff and venues for a demo of `count` cases that the casebook does not have
 * yet (matched by name, so running the demo twice adds nobody twice) and return the
 * casebook's ids for them.
 */
export async function ensureDemoResources(d: DemoResourceDeps, count: number): Promise<DemoResources> {
  const ref = d.cases.getCaseworkReference();
  let staff: readonly StaffMember[] = ref.staff;
  let venues: readonly Venue[] = ref.venues;
  const wantVenues = demoVenues(count);
  for (const s of demoStaff(count)) if (!staff.some((m) => m.name === s.name)) staff = await d.staff.saveStaffMember(s);
  for (const v of wantVenues) if (!venues.some((x) => x.name === v.name)) venues = await d.conferences.saveVenue(v);
  const member = (name: string) => {
    const m = staff.find((x) => x.name === name);
    if (!m) throw new CasebookError('INTERNAL', `The demo staff member ${name} was not saved`);
    return { id: m.id, name: m.name };
  };
  const facilitators = demoFacilitatorNames(count).map(member);
  return {
    facilitators,
    left: leftOf(facilitators),
    coordinator: member(DEMO_COORDINATOR),
    venues: wantVenues.map((spec) => {
      const v = venues.find((x) => x.name === spec.name);
      if (!v) throw new CasebookError('INTERNAL', `The demo venue ${spec.name} was not saved`);
      return { id: v.id, name: v.name, separateWaitingAreas: v.separateWaitingAreas ?? false };
    }),
  };
}

/**
 * Fill a practice casebook with made-up cases, for training, demonstrations and benchmarks.
 * It refuses a casebook that already has cases unless asked to append: demo cases belong in
 * a separate practice casebook.
 */
export async function addDemoCases(d: DemoDeps, i: { count: number; seed: string; append?: boolean | undefined }, context: CallContext = {}) {
  requireCapability(d.role(), 'add-demo-cases');
  const existing = d.existing();
  if (existing.length > 0 && !i.append) {
    throw new CasebookError(
      'CONFLICT',
      `This casebook already has ${existing.length === 1 ? '1 case' : `${existing.length} cases`}. Demo cases belong in a separate practice casebook (use --store DIR); add --append to mix them in anyway.`,
    );
  }
  // The demo's facilitators and rooms, so its cases come with meetings, agreements and feedback.
  const resources = await ensureDemoResources(d, i.count);
  // Their register too, so compliance has something true to show; only the demo's own people.
  const demoIds = new Set([...resources.facilitators, resources.coordinator].map((m) => m.id));
  await d.fillRegister?.((staff) => demoStaffRegister(staff.filter((m) => demoIds.has(m.id)), londonDate(d.now().toISOString()), i.seed));
  const cases = generateDemoCases({
    count: i.count,
    seed: i.seed,
    resources,
    now: d.now(),
    takenReferences: existing.map((c) => c.reference),
    takenIds: existing.map((c) => c.id),
  });
  let imported = 0;
  for (let k = 0; k < cases.length; k += DEMO_BATCH) {
    if (context.signal?.aborted) break;
    imported += (await d.importCases(cases.slice(k, k + DEMO_BATCH))).imported;
    context.progress?.(imported, i.count);
  }
  if (d.quality && !context.signal?.aborted) await addDemoQualityRecords(d.quality, { now: d.now(), owners: { coordinator: resources.coordinator.id, facilitator: resources.facilitators[0]!.id }, caseReference: d.existing()[0]?.reference });
  return { imported, seed: i.seed };
}
