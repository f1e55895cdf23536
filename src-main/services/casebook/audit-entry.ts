import type { Store } from '../../store/store';

/**
 * An audit entry on its own (no data changed with it): an unlock, an export, a backup taken.
 * A read-only session has no writer's lock, so it cannot append to the trail and records
 * nothing here.
 */
export function audit(s: Store, action: string, entity: { type: string; id: string }, fields: string[] = []): Promise<void> {
  return s.readOnly ? Promise.resolve() : s.commit([], [s.draft(action, entity, fields)]);
}
