import type { PractitionerLevel, StaffMember } from '../domain/staff/staff';
import type { CpdEntry, StaffRegister, StaffRegisterRecord, SupervisionEntry, ObservedPractice, TrainingEntry } from '../domain/staff/register';
import { addDays, addMonths } from '../domain/time/dates';
import { FACILITATORS } from './names';
import { Random } from './prng';
import { DEMO_COORDINATOR } from './resources';

/**
 * The quality lead's register for the demo staff, so the compliance screens and `casebook staff
 * compliance` have something true to show: a mix of levels, paid, sessional and volunteer, RJC
 * registrations and DBS checks, and the things a quality lead chases — supervision overdue, CPD
 * short, an observed practice a year late, a renewal coming up, a DBS check to redo, a leaver and
 * a volunteer not yet counted for the registered share. Each named facilitator has a fixed
 * situation (so the demo always shows each one); dates and hours come from the seed.
 */
type Situation = 'all-met' | 'supervision-overdue' | 'new-volunteer' | 'cpd-short' | 'leaver' | 'volunteer' | 'renewal-soon' | 'approved-short' | 'dbs-overdue' | 'observed-overdue';

/** In the order of FACILITATORS (Priya Sharma first); the coordinator and any further facilitators are 'all-met'. */
const SITUATIONS: readonly Situation[] = ['all-met', 'supervision-overdue', 'new-volunteer', 'cpd-short', 'leaver', 'volunteer', 'renewal-soon', 'approved-short', 'dbs-overdue', 'observed-overdue'];
const UNREGISTERED = new Set<Situation>(['new-volunteer', 'dbs-overdue']);
/** The shipped rules' yearly hours (templates/quality/rules.yaml): the demo is made without reading templates. */
const CPD_HOURS: Record<PractitionerLevel, number> = { foundation: 6, intermediate: 12, advanced: 16 };
const ACTIVITIES = ['RJC webinar: working with young people', 'Reading: restorative practice in prisons', 'Shadowing a conference', 'Peer learning circle', 'RJC conference workshop', 'Trauma-informed practice course', 'Safeguarding refresher'];
const HOURS = [1, 1.5, 2, 2.5, 3, 3.5];

/** Every `stepDays` (give or take `jitter`) from `from` up to `until`, each date a seed's choice. */
function every(rng: Random, from: string, until: string, stepDays: number, jitter: number): string[] {
  const out: string[] = [];
  for (let d = addDays(from, rng.int(7, stepDays)); d <= until; d = addDays(d, stepDays + rng.int(-jitter, jitter))) out.push(d);
  return out;
}

function cpd(rng: Random, level: PractitionerLevel, started: string, today: string, s: Situation): CpdEntry[] {
  const out: CpdEntry[] = [];
  const lastYear = addMonths(today, -12);
  for (let d = addDays(started, rng.int(20, 60)); d <= today; d = addDays(d, rng.int(45, 75))) {
    const recent = d > lastYear;
    if (recent && s === 'cpd-short' && out.filter((e) => e.date > lastYear).length >= 2) continue;
    const hours = rng.pick(HOURS) + (level === 'advanced' ? 1 : 0);
    out.push({ date: d, activity: rng.pick(ACTIVITIES), hours, rjcApproved: recent && s === 'approved-short' ? false : rng.chance(0.7) });
  }
  // Enough over the last 12 months for the level, unless this person's situation is to be short.
  const yearHours = out.filter((e) => e.date > lastYear).reduce((n, e) => n + e.hours, 0);
  if (s !== 'cpd-short' && s !== 'leaver' && yearHours < CPD_HOURS[level]) {
    out.push({ date: addDays(today, -rng.int(10, 40)), activity: 'RJC practitioner refresher day', hours: CPD_HOURS[level] - yearHours + 1, rjcApproved: s !== 'approved-short' });
  }
  if (s !== 'approved-short' && s !== 'cpd-short' && s !== 'leaver') out.push({ date: addDays(today, -rng.int(41, 90)), activity: 'RJC-approved online module', hours: CPD_HOURS[level] / 2, rjcApproved: true });
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

function recordFor(m: Pick<StaffMember, 'id' | 'level'>, s: Situation, rng: Random, today: string, supervisorId: string | undefined, senior: boolean): StaffRegisterRecord {
  const level = m.level ?? 'foundation';
  const volunteer = s === 'volunteer' || s === 'new-volunteer';
  // The two supervisors have been registered for longer than the three years of logs, so every
  // case supervision they are named in was given while they held Advanced registration.
  const started = s === 'new-volunteer' ? addMonths(today, -rng.int(6, 10)) : addMonths(today, senior ? -rng.int(60, 120) : -rng.int(30, 96));
  const ended = s === 'leaver' ? addMonths(today, -rng.int(2, 5)) : undefined;
  const until = ended ?? today;
  const since = started > addMonths(today, -36) ? started : addMonths(today, -36);
  const supervisionUntil = s === 'supervision-overdue' ? addDays(today, -7 * rng.int(15, 18)) : until;
  const supervision: SupervisionEntry[] = supervisorId
    ? [
        ...every(rng, since, supervisionUntil, 63, 10).map((date) => ({ date, supervisorId, kind: 'case' as const })),
        ...every(rng, since, until, 182, 20).map((date) => ({ date, supervisorId, kind: 'line' as const })),
      ].sort((a, b) => a.date.localeCompare(b.date))
    : [];
  const observedUntil = s === 'observed-overdue' ? addMonths(today, -14) : until;
  const observed: ObservedPractice[] = supervisorId ? every(rng, since, observedUntil, 330, 25).map((date) => ({ date, observerId: supervisorId })) : [];
  const training = ([
    { date: addDays(started, rng.int(10, 40)), course: 'Restorative justice facilitation (3 days)', provider: 'Restorative Justice Council', level: 'foundation' },
    ...(level !== 'foundation' ? [{ date: addMonths(started, rng.int(12, 24)), course: 'Working with complex and sensitive cases', provider: 'Restorative Justice Council', level }] : []),
    { date: addDays(started, rng.int(5, 30)), course: 'Safeguarding adults and children', provider: 'Local Safeguarding Partnership' },
  ] as TrainingEntry[])
    .filter((t) => t.date <= today)
    .sort((a, b) => a.date.localeCompare(b.date));
  const registeredOn = addMonths(started, rng.int(4, 9));
  // Registered once and renewed every year since: the renewal is the next anniversary after today.
  let renewalDue = addMonths(registeredOn, 12);
  while (renewalDue <= today) renewalDue = addMonths(renewalDue, 12);
  if (s === 'renewal-soon') renewalDue = addDays(today, rng.int(7, 20));
  const dbsOld = s === 'dbs-overdue';
  return {
    employment: volunteer ? 'volunteer' : s === 'cpd-short' ? 'sessional' : 'paid',
    started,
    ...(ended ? { ended } : {}),
    ...(!UNREGISTERED.has(s) && registeredOn <= today ? { registration: { level, number: `RJC-${String(rng.int(10_000, 99_999))}`, registeredOn, renewalDue } } : {}),
    dbs: { level: 'enhanced', certificateDate: dbsOld ? addMonths(today, -rng.int(38, 44)) : addDays(started, -rng.int(14, 60)), updateService: !dbsOld },
    cpd: cpd(rng, level, started, until, s),
    supervision,
    observed,
    training,
    inductionCompletedOn: addDays(started, rng.int(10, 28)),
  };
}

/**
 * The register records of the demo staff on the list (`staff`: the facilitators and the
 * coordinator the demo made, with their casebook ids). The coordinator, an Advanced
 * practitioner, is everyone's case supervisor; the first facilitator (Advanced) supervises them.
 */
export function demoStaffRegister(staff: readonly Pick<StaffMember, 'id' | 'name' | 'level'>[], today: string, seed: string): StaffRegister {
  const rng = new Random(`${seed}:staff-register`);
  const coordinator = staff.find((m) => m.name === DEMO_COORDINATOR);
  const first = staff.find((m) => m.name === FACILITATORS[0]);
  const out: StaffRegister = {};
  for (const m of staff) {
    const i = (FACILITATORS as readonly string[]).indexOf(m.name);
    const situation = i >= 0 ? (SITUATIONS[i] ?? 'all-met') : 'all-met';
    const supervisorId = m.id === coordinator?.id ? first?.id : coordinator?.id;
    out[m.id] = recordFor(m, situation, rng, today, supervisorId, m.id === coordinator?.id || m.id === first?.id);
  }
  return out;
}
