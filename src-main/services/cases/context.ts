import { londonDate } from '../../domain/time/dates';
import type { GateContext } from '../../domain/cases/workflow-gates';
import type { WorkflowContext } from '../../domain/cases/workflow';
import type { Actor } from '../../domain/staff/signer';
import { staffOf } from '../../domain/staff/people';
import type { Store } from '../../store/store';
import { meetingsOutside } from './facts';
import { mayOpenRow } from './case-access';
import type { CaseworkTemplates } from '../templates/loader';

/**
 * The facts every casework decision is made against, gathered from the store (staff and
 * settings in the index, the user, the clock) and the data files loaded at start-up.
 */
export interface Casework {
  readonly s: Store;
  readonly t: CaseworkTemplates;
  /** The current instant, ISO. */
  readonly now: string;
  /** Today in England and Wales (dates.londonDate), against which dates are checked. */
  readonly today: string;
}

export function caseworkOf(s: Store, t: CaseworkTemplates): Casework {
  const now = s.opts.now().toISOString();
  return { s, t, now, today: londonDate(now) };
}

export function gateContext(cw: Casework): GateContext {
  return { today: cw.today, staff: cw.s.index.staff, settings: cw.s.index.casework, consentElements: cw.t.consentElements };
}

/** The signed-in person: their name, login role and staff record. */
export function actorOf(cw: Casework): Actor {
  const u = cw.s.user;
  const staff = staffOf(u, cw.s.index.staff);
  return { name: u.name, role: u.role, ...(staff ? { staff } : {}) };
}

/** With `bookingsOutside`, the meetings of every other case, for a command that books time. */
export function workflowContext(cw: Casework, bookingsOutside?: string): WorkflowContext {
  return {
    venues: cw.s.index.venues,
    ...(bookingsOutside ? { otherMeetings: meetingsOutside(cw.s.summaries.all(), bookingsOutside, (r) => mayOpenRow(cw.s, r)), holidays: cw.t.holidays } : {}),
    ...gateContext(cw),
    now: cw.now,
    // The timeline names the person who is signed in, and every record that says who did
    // something names their staff record: who signs is who is signed in.
    actor: actorOf(cw),
    riskFactors: cw.t.riskFactors,
  };
}
