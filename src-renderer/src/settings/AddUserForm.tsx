import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { ROLES, ROLE_LABELS } from '../../../src-main/domain/access/roles';
import { personName } from '../../../src-main/domain/shared/text';
import { call } from '../shared/api/client';
import { Banner } from '../shared/components/Banner';
import { ErrorSummary } from '../shared/components/ErrorSummary';
import { NewPassphraseFields } from '../shared/components/NewPassphraseFields';
import { TextField } from '../shared/components/TextField';
import { useFormErrors } from '../shared/hooks/useFormErrors';
import { applyServerError } from '../shared/lib/form-errors';
import { NewPassphrase, withConfirmation } from '../shared/lib/schemas';

const Schema = withConfirmation(
  z.object({
    name: personName('Name'),
    role: z.enum(ROLES, { error: 'Choose a role' }),
    passphrase: NewPassphrase,
    confirm: z.string(),
  }),
);
type Values = z.input<typeof Schema>;
const FIELDS = ['name', 'role', 'passphrase', 'confirm'] as const;
/** Settings also holds the change-passphrase form; this prefix keeps the two forms' ids apart. */
const PREFIX = 'new-user-';
const EMPTY: Values = { name: '', role: 'facilitator', passphrase: '', confirm: '' };

/** Add a person with a first passphrase to give them in person; they can change it later. */
export function AddUserForm({ onAdded }: { onAdded: () => Promise<void> }) {
  const [focusKey, setFocusKey] = useState(0);
  const [added, setAdded] = useState<string>();
  const { register, handleSubmit, setError, reset, watch, formState } = useForm<Values>({
    resolver: zodResolver(Schema),
    shouldFocusError: false,
    defaultValues: EMPTY,
  });
  const { summary, messageFor } = useFormErrors(formState.errors, FIELDS, PREFIX);
  const roleError = messageFor('role');

  const onValid = async (v: Values) => {
    setAdded(undefined);
    try {
      const user = await call('addUser', { name: v.name, role: v.role, passphrase: v.passphrase });
      reset(EMPTY);
      setAdded(user.name);
      await onAdded();
    } catch (e) {
      applyServerError(e, FIELDS, setError, {});
      setFocusKey((k) => k + 1);
    }
  };

  return (
    <>
      <h3 className="govuk-heading-s">Add a person</h3>
      {added && (
        <Banner title="Success" success>
          <p className="govuk-notification-banner__heading">{added} can now unlock this casebook</p>
        </Banner>
      )}
      <ErrorSummary errors={summary} focusKey={focusKey} />
      <form noValidate onSubmit={handleSubmit(onValid, () => setFocusKey((k) => k + 1))}>
        <TextField id={`${PREFIX}name`} label="Name" error={messageFor('name')} registration={register('name')} autoComplete="off" spellCheck={false} widthClass="govuk-!-width-two-thirds" />
        <div className={`govuk-form-group${roleError ? ' govuk-form-group--error' : ''}`}>
          <label className="govuk-label govuk-label--s" htmlFor={`${PREFIX}role`}>
            Role
          </label>
          {roleError && (
            <p id={`${PREFIX}role-error`} className="govuk-error-message">
              <span className="govuk-visually-hidden">Error:</span> {roleError}
            </p>
          )}
          <select id={`${PREFIX}role`} className="govuk-select" aria-describedby={roleError ? `${PREFIX}role-error` : undefined} {...register('role')}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
        <NewPassphraseFields
          label="Their first passphrase"
          confirmLabel="Type it again"
          passphrase={{ error: messageFor('passphrase'), registration: register('passphrase'), value: watch('passphrase') }}
          confirm={{ error: messageFor('confirm'), registration: register('confirm') }}
          idPrefix={PREFIX}
        />
        <button type="submit" className="govuk-button govuk-button--secondary" disabled={formState.isSubmitting}>
          Add person
        </button>
      </form>
    </>
  );
}
