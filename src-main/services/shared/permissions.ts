import { CasebookError } from '../../domain/shared/errors';
import type { Role } from '../../domain/access/roles';
import type { Store } from '../../store/store';

/**
 * Who may do what in casework. The IPC contract checks the command as a whole; these checks
 * are repeated here because the CLI and tests call the service directly, and because some
 * rules depend on what a command does (any caseworker may record a contact, only
 * coordinators and administrators choose who works on a case).
 */
export const CASEWORKERS: readonly Role[] = ['administrator', 'coordinator', 'facilitator'];
export const MANAGERS: readonly Role[] = ['administrator', 'coordinator'];
export const ADMINISTRATORS: readonly Role[] = ['administrator'];

const PLURAL: Record<Role, string> = {
  administrator: 'administrators',
  coordinator: 'coordinators',
  facilitator: 'facilitators',
  'quality-lead': 'quality leads',
};

export function requireRole(s: Store, roles: readonly Role[], doing: string): void {
  if (roles.includes(s.user.role)) return;
  const who = roles.map((r) => PLURAL[r]);
  const list = who.length > 1 ? `${who.slice(0, -1).join(', ')} and ${who[who.length - 1]}` : who[0];
  throw new CasebookError('FORBIDDEN', `Only ${list} may ${doing}.`);
}
