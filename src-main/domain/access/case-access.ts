import type { Role } from './roles';
import { can } from './capabilities';

/**
 * Who may see a case. A sensitive case (domestic abuse, sexual offences, hate crime…) is seen
 * only by its team — the lead facilitator and the co-facilitator — and by those who may see
 * every case (coordinators, administrators, quality leads: capability 'see-every-case'),
 * whatever the setting. A service that wants it (the casework setting, off by default: in a
 * small team everyone covers for everyone) also keeps every other case to its own team.
 *
 * Decided from the case's summary row, so a list is filtered without opening a case file.
 */
export interface CaseTeamRow {
  readonly leadFacilitatorId?: string | undefined;
  readonly coFacilitatorId?: string | undefined;
  readonly sensitive: boolean;
}

/** The signed-in person: their login role and the staff record their login is linked to. */
export interface CaseViewer {
  readonly role: Role;
  readonly staffId?: string | undefined;
}

export interface CaseAccessSettings {
  readonly facilitatorsSeeOwnCasesOnly?: boolean | undefined;
}

/** Why a case is kept from someone: it is sensitive, or the service keeps cases to their teams. */
export type CaseAccess = { ok: true } | { ok: false; reason: 'sensitive' | 'not-on-team' };

export function onTeam(viewer: CaseViewer, row: CaseTeamRow): boolean {
  return viewer.staffId !== undefined && (row.leadFacilitatorId === viewer.staffId || row.coFacilitatorId === viewer.staffId);
}

export function caseAccess(viewer: CaseViewer, row: CaseTeamRow, settings: CaseAccessSettings): CaseAccess {
  if (can(viewer.role, 'see-every-case') || onTeam(viewer, row)) return { ok: true };
  if (row.sensitive) return { ok: false, reason: 'sensitive' };
  if (settings.facilitatorsSeeOwnCasesOnly === true) return { ok: false, reason: 'not-on-team' };
  return { ok: true };
}

export function maySeeCase(viewer: CaseViewer, row: CaseTeamRow, settings: CaseAccessSettings): boolean {
  return caseAccess(viewer, row, settings).ok;
}

/** True when the rule can leave nothing out for this person (no row needs looking at). */
export function seesEveryCase(viewer: CaseViewer): boolean {
  return can(viewer.role, 'see-every-case');
}

/** The refusal in plain words, saying who can help. */
export function caseRefusal(reason: 'sensitive' | 'not-on-team'): string {
  return reason === 'sensitive'
    ? 'This case is sensitive and not one of yours: only its lead facilitator, its co-facilitator, coordinators, quality leads and administrators may open it. Ask a coordinator to add you to its team if you need to work on it.'
    : 'This case is not one of yours: ask a coordinator to add you to its team if you need to work on it.';
}
