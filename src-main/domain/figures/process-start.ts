import type { FiguresCase, Period } from './figures';

/** Whether a day falls in the period (both ends counted). */
export const within =
  (p: Period) =>
  (d: string | undefined): d is string =>
    d !== undefined && d >= p.from && d <= p.to;

/** The day of the case's first conference recorded as held, if any. */
export function firstConferenceHeld(c: FiguresCase): string | undefined {
  let first: string | undefined;
  for (const m of c.meetings) if (m.kind === 'conference' && m.status === 'held' && (first === undefined || m.date < first)) first = m.date;
  return first;
}

/**
 * The day the case's restorative process started: its first conference held or the start of
 * its indirect process, whichever came first. A case is counted once, on that day, however many
 * conferences it has.
 */
export function processStartedOn(c: FiguresCase): string | undefined {
  const conference = firstConferenceHeld(c);
  const indirect = c.indirectProcess?.startedOn;
  if (conference === undefined) return indirect;
  return indirect !== undefined && indirect < conference ? indirect : conference;
}

export const PROCESS_TYPES = ['conference', 'community', 'indirect', 'none'] as const;
export type ProcessType = (typeof PROCESS_TYPES)[number];
export const PROCESS_TYPE_LABELS: Record<ProcessType, string> = {
  conference: 'Conference (face to face)',
  community: 'Community conference',
  indirect: 'Indirect process',
  none: 'No restorative process',
};

/** The process the case chose, or, where none was recorded, the one it had. */
export function processTypeOf(c: FiguresCase): ProcessType {
  if (c.processKind === 'direct') return 'conference';
  if (c.processKind) return c.processKind;
  if (c.indirectProcess) return 'indirect';
  return firstConferenceHeld(c) !== undefined ? 'conference' : 'none';
}

/**
 * People who took part in the case's process: those marked as taking part (not supporters or
 * parents) or, in a case saved before that was kept, everyone at a conference held.
 */
export function peopleTakingPart(c: FiguresCase): number {
  if (c.takingPart !== undefined) return c.takingPart;
  const ids = new Set<string>();
  for (const m of c.meetings) if (m.kind === 'conference' && m.status === 'held') for (const id of m.participantIds ?? []) ids.add(id);
  return ids.size;
}
