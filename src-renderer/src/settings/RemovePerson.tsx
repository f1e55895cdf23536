import { useState } from 'react';
import type { User } from '../../../src-main/domain/casebook/user';
import { call, messageOf } from '../shared/api/client';
import { ConfirmAction } from '../shared/components/ConfirmAction';

/** The question before someone is taken off the casebook: what it does, and what it does not. */
export function RemovePerson({ person, onDone }: { person: User; onDone(left?: User[]): void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const remove = async () => {
    setBusy(true);
    setError(undefined);
    try {
      onDone(await call('removeUser', { userId: person.id }));
    } catch (e) {
      setError(messageOf(e));
      setBusy(false);
    }
  };
  return (
    <ConfirmAction title={`Remove ${person.name}?`} confirmLabel={`Yes, remove ${person.name}`} busy={busy} onCancel={() => onDone()} onConfirm={() => void remove()}>
      {error && (
        <p className="govuk-error-message" role="alert">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      )}
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
