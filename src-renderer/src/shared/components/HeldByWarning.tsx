import type { Status } from '../../../../src-main/ipc/contract';
import { formatDateTime } from '../lib/dates';
import { WarningText } from './WarningText';

/** Another copy of the app holds the store: this one can only read, and says who has it. */
export function HeldByWarning({ heldBy }: { heldBy: Status['heldBy'] }) {
  if (!heldBy) return null;
  return (
    <WarningText>
      Open read-only: in use by {heldBy.user} on {heldBy.host} since {formatDateTime(heldBy.since)}. You can look at
      cases but not change anything until they close the casebook.
    </WarningText>
  );
}
