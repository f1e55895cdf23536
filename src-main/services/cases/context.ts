import { londonDate } from '../../domain/time/dates';
import type { GateContext } from '../../domain/cases/workflow-gates';
import type { WorkflowContext } from '../../domain/cases/workflow';
import type { Store } from '../../store/store';
import { meetingsOutside } from './facts';
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

/** With `bookingsOutside`, the meetings of every other case, for a command that books time. */
export function workflowContext(cw: Casework, bookingsOutside?: string): WorkflowContext {
  return {
    venues: cw.s.index.venues,
    ...(bookingsOutside ? { otherMeetings: meetingsOutside(cw.s.summaries.all(), bookingsOutside) } : {}),
    ...gateContext(cw),
    now: cw.now,
    // The timeline names the person who was signed in.
    actor: cw.s.user.name,
    riskFactors: cw.t.riskFactors,
  };
}
