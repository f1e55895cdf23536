import type { Exit } from './case';
import { allow, refuse, type Decision } from '../shared/decision';

/**
 * Why a case ended early. A person who withdraws never has to say why (Victims' Code: taking
 * part is voluntary), so for a withdrawal the field records what they told the service, and
 * "No reason given" is a proper answer, never a gap to fill. Every other ending is the
 * service's own decision, and the service says why.
 */
export const NO_REASON_GIVEN = 'No reason given';

/** The label of the reason field for a withdrawal; the form and the CLI say the same. */
export const WITHDRAWN_REASON_LABEL = "What they told you, or 'No reason given'";

export const ENTER_EXIT_REASON = 'Enter the reason the case is ending';

/** The reason to record, or why it is refused: a withdrawal without one records "No reason given". */
export function exitReason(kind: Exit, reason: string | undefined): Decision<string> {
  const given = reason?.trim();
  if (given) return allow(given);
  return kind === 'withdrawn' ? allow(NO_REASON_GIVEN) : refuse(ENTER_EXIT_REASON);
}
