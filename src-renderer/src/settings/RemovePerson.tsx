import type { User } from '../../../src-main/domain/casebook/user';
import { call } from '../shared/api/client';
import { useAction } from '../shared/hooks/useAction';
import { ActionError } from '../shared/components/ActionError';
import { ConfirmAction } from '../shared/components/ConfirmAction';

/** The question before someone is taken off the casebook: what it does, and what it does not. */
export function RemovePerson({ person, onDone }: { person: User; onDone(left?: User[]): void }) {
  const { busy, error, run } = useAction();
  const remove = () => run(async () => onDone(await call('removeUser', { userId: person.id })));
  return (
    <ConfirmAction title={`Remove ${person.name}?`} confirmLabel={`Yes, remove ${person.name}`} busy={busy} onCancel={() => onDone()} onConfirm={() => void remove()}>
      <ActionError message={error} />
      <p className="govuk-body">
        Their passphrase will no longer open this casebook, and they will not be on the unlock screen. Their staff record, and their name on cases and
        signatures, stay. The change is recorded in the audit trail.
      </p>
      <p className="govuk-body">
        If they may have kept a copy of the casebook folder, removing them does not stop that copy opening with their old passphrase.
      </p>
    </ConfirmAction>
  );
}
