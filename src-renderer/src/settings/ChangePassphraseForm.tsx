import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { ApiError, call } from '../shared/api/client';
import { ErrorSummary } from '../shared/components/ErrorSummary';
import { TextField } from '../shared/components/TextField';
import { NewPassphraseFields } from '../shared/components/NewPassphraseFields';
import { Banner } from '../shared/components/Banner';
import { NewPassphrase, withConfirmation } from '../shared/lib/schemas';
import { applyServerError } from '../shared/lib/form-errors';
import { useFormErrors } from '../shared/hooks/useFormErrors';

const Schema = withConfirmation(
  z.object({
    current: z.string().min(1, { error: 'Enter your current passphrase' }),
    passphrase: NewPassphrase,
    confirm: z.string(),
  }),
);
type Values = z.input<typeof Schema>;
const FIELDS = ['current', 'passphrase', 'confirm'] as const;
const EMPTY: Values = { current: '', passphrase: '', confirm: '' };

/**
 * Change your own passphrase. The data is not re-encrypted, so this is quick. `onChanged` is
 * for the screen that asks for a new passphrase before anything else (MustChangePassphrase).
 */
export function ChangePassphraseForm({ onChanged, title = 'Change your passphrase' }: { onChanged?: () => void; title?: string } = {}) {
  const [focusKey, setFocusKey] = useState(0);
  const [changed, setChanged] = useState(false);
  const { register, handleSubmit, setError, reset, watch, formState } = useForm<Values>({
    resolver: zodResolver(Schema),
    // GOV.UK pattern: focus goes to the error summary, not the first field.
    shouldFocusError: false,
    defaultValues: EMPTY,
  });
  const { summary, messageFor } = useFormErrors(formState.errors, FIELDS);

  const onValid = async (v: Values) => {
    setChanged(false);
    try {
      await call('changePassphrase', { current: v.current, next: v.passphrase });
      reset(EMPTY);
      setChanged(true);
      onChanged?.();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'AUTH_FAILED') setError('current', { type: 'server', message: e.message });
      else applyServerError(e, FIELDS, setError, { next: 'passphrase' });
      setFocusKey((k) => k + 1);
    }
  };

  return (
    <section aria-labelledby="change-passphrase-title" className="govuk-!-margin-top-9">
      <h2 className="govuk-heading-m" id="change-passphrase-title">
        {title}
      </h2>
      {changed && (
        <Banner title="Success" success>
          <p className="govuk-notification-banner__heading">Your passphrase has been changed</p>
        </Banner>
      )}
      <ErrorSummary errors={summary} focusKey={focusKey} />
      <form
        noValidate
        onSubmit={handleSubmit(onValid, () => {
          setChanged(false);
          setFocusKey((k) => k + 1);
        })}
      >
        <TextField
          id="current"
          type="password"
          label="Current passphrase"
          error={messageFor('current')}
          registration={register('current')}
          autoComplete="current-password"
          spellCheck={false}
          widthClass="govuk-!-width-two-thirds"
        />
        <NewPassphraseFields
          label="New passphrase"
          confirmLabel="Type the new passphrase again"
          passphrase={{ error: messageFor('passphrase'), registration: register('passphrase'), value: watch('passphrase') }}
          confirm={{ error: messageFor('confirm'), registration: register('confirm') }}
        />
        <button type="submit" className="govuk-button" disabled={formState.isSubmitting}>
          Change passphrase
        </button>
      </form>
    </section>
  );
}
