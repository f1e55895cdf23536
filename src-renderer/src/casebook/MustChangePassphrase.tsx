import { ChangePassphraseForm } from '../settings/ChangePassphraseForm';
import { PublicLayout } from '../shared/components/PublicLayout';
import { lockNow } from '../app/lock';
import { useSession } from '../app/session';

/**
 * An administrator asked this person to choose a new passphrase (issue 13): nothing else opens
 * until they do (the main process refuses every other command meanwhile).
 */
export function MustChangePassphrase() {
  const name = useSession((s) => s.session?.user.name);
  const serviceName = useSession((s) => s.session?.settings.serviceName);
  return (
    <PublicLayout serviceName={serviceName}>
      <h1 className="govuk-heading-l">Choose a new passphrase</h1>
      <p className="govuk-body">
        {name ? `${name}, an` : 'An'} administrator has asked you to choose a new passphrase before you use the casebook. Type the passphrase you unlocked with, then the one you will use from now on. Only you will know it.
      </p>
      <ChangePassphraseForm title="Your new passphrase" onChanged={() => void useSession.getState().refresh()} />
      <button type="button" className="govuk-button govuk-button--secondary" onClick={() => void lockNow('manual')}>
        Lock without changing it
      </button>
    </PublicLayout>
  );
}
