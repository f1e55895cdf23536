import type { Status } from '../../../../src-main/ipc/contract';
import { holderWords } from '../../../../src-main/domain/casebook/session';
import { formatDateTime } from '../lib/dates';
import { WarningText } from './WarningText';

/** Another copy of the app holds the store: this one can only read, and says who has it. */
export function HeldByWarning({ heldBy }: { heldBy: Status['heldBy'] }) {
  if (!heldBy) return null;
  return (
    <WarningText>
      Open read-only: in use by {holderWords(heldBy)} since {formatDateTime(heldBy.since)}. You can look at
      cases but not change anything until they close the casebook.
    </WarningText>
  );
}
