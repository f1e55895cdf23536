import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { call } from '../shared/api/client';
import { useSession } from '../app/session';
import { ErrorSummary } from '../shared/components/ErrorSummary';
import { TextField } from '../shared/components/TextField';
import { NewPassphraseFields } from '../shared/components/NewPassphraseFields';
import { PublicLayout } from '../shared/components/PublicLayout';
import { UserRadios } from '../shared/components/UserRadios';
import { NewPassphrase, withConfirmation } from '../shared/lib/schemas';
import { applyServerError } from '../shared/lib/form-errors';
import { useFormErrors } from '../shared/hooks/useFormErrors';
import { usePageTitle } from '../shared/hooks/usePageTitle';
import { BackLink } from '../shared/components/BackLink';

const Schema = withConfirmation(
  z.object({
    userId: z.string({ error: 'Choose who you are' }).min(1, { error: 'Choose who you are' }),
    recoveryKey: z.string().trim().min(1, { error: 'Enter the recovery key' }),
    passphrase: NewPassphrase,
    confirm: z.string(),
  }),
);
type Values = z.input<typeof Schema>;
const FIELDS = ['userId', 'recoveryKey', 'passphrase', 'confirm'] as const;

/** Set a new passphrase with the recovery key shown when the casebook was created. */
export function Recover() {
  const h1 = usePageTitle('Set a new passphrase with the recovery key');
  const { status, unlocked, showUnlock } = useSession();
  const users = status?.users ?? [];
  const [focusKey, setFocusKey] = useState(0);
  const { register, handleSubmit, setError, watch, formState } = useForm<Values>({
    resolver: zodResolver(Schema),
    // GOV.UK pattern: focus goes to the error summary, not the first field.
    shouldFocusError: false,
    defaultValues: { userId: users.length === 1 ? users[0]!.id : '', recoveryKey: '', passphrase: '', confirm: '' },
  });
  const { summary, messageFor } = useFormErrors(formState.errors, FIELDS);

  const onValid = async (v: Values) => {
    try {
      unlocked(await call('recoverWithKey', { userId: v.userId, recoveryKey: v.recoveryKey, newPassphrase: v.passphrase }));
    } catch (e) {
      applyServerError(e, FIELDS, setError, { newPassphrase: 'passphrase' });
      setFocusKey((k) => k + 1);
    }
  };

  return (
    <PublicLayout>
      <BackLink onClick={showUnlock}>Back to unlock</BackLink>
      <ErrorSummary errors={summary} focusKey={focusKey} />
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        Set a new passphrase with the recovery key
      </h1>
      <p className="govuk-body">
        Use the recovery key that was shown when the casebook was created. It is 13 groups of 4 letters and digits.
      </p>
      <form noValidate onSubmit={handleSubmit(onValid, () => setFocusKey((k) => k + 1))}>
        <UserRadios users={users} error={messageFor('userId')} registration={register('userId')} />
        <TextField
          id="recoveryKey"
          label="Recovery key"
          hint="For example, ABCD-EFGH-2345-…  Capital or small letters both work."
          error={messageFor('recoveryKey')}
          registration={register('recoveryKey')}
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="characters"
          className="cb-mono"
        />
        <NewPassphraseFields
          label="New passphrase"
          confirmLabel="Type the new passphrase again"
          passphrase={{ error: messageFor('passphrase'), registration: register('passphrase'), value: watch('passphrase') }}
          confirm={{ error: messageFor('confirm'), registration: register('confirm') }}
        />
        <button type="submit" className="govuk-button" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? 'Checking the recovery key…' : 'Set new passphrase and unlock'}
        </button>
      </form>
    </PublicLayout>
  );
}
