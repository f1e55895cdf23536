import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { requiredText, personName } from '../../../src-main/domain/shared/text';
import { call } from '../shared/api/client';
import { useSession } from '../app/session';
import { ErrorSummary } from '../shared/components/ErrorSummary';
import { TextField } from '../shared/components/TextField';
import { NewPassphraseFields } from '../shared/components/NewPassphraseFields';
import { PublicLayout } from '../shared/components/PublicLayout';
import { NewPassphrase, withConfirmation } from '../shared/lib/schemas';
import { applyServerError } from '../shared/lib/form-errors';
import { useFormErrors } from '../shared/hooks/useFormErrors';
import { usePageTitle } from '../shared/hooks/usePageTitle';

// The same rules the main process applies (shared from domain), so most mistakes are caught
// before the slow key derivation starts.
const Schema = withConfirmation(
  z.object({
    serviceName: requiredText('Service name', 120),
    userName: personName('Your name'),
    passphrase: NewPassphrase,
    confirm: z.string(),
  }),
);
type Values = z.input<typeof Schema>;
const FIELDS = ['serviceName', 'userName', 'passphrase', 'confirm'] as const;

/** First run: name the service, name the first administrator, choose a passphrase. */
export function CreateCasebook() {
  const h1 = usePageTitle('Create a casebook');
  const created = useSession((s) => s.created);
  const showJoin = useSession((s) => s.showJoin);
  const [focusKey, setFocusKey] = useState(0);
  const { register, handleSubmit, watch, setError, formState } = useForm<Values>({
    resolver: zodResolver(Schema),
    // GOV.UK pattern: focus goes to the error summary, not the first field.
    shouldFocusError: false,
    defaultValues: { serviceName: '', userName: '', passphrase: '', confirm: '' },
  });
  const { summary, messageFor } = useFormErrors(formState.errors, FIELDS);

  const onValid = async (v: Values) => {
    try {
      const out = await call('createCasebook', { serviceName: v.serviceName, userName: v.userName, passphrase: v.passphrase });
      created(out.recoveryKey, out.session);
    } catch (e) {
      applyServerError(e, FIELDS, setError);
      setFocusKey((k) => k + 1);
    }
  };

  return (
    <PublicLayout>
      <ErrorSummary errors={summary} focusKey={focusKey} />
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        Create a casebook
      </h1>
      <p className="govuk-body">
        Your casebook keeps every case on this computer, encrypted. Nobody can read it without a passphrase or the
        recovery key.
      </p>
      <p className="govuk-body">
        If your team already shares a casebook through a server,{' '}
        <button type="button" className="cb-link-button" onClick={showJoin}>
          join a team casebook
        </button>{' '}
        instead.
      </p>
      <form noValidate onSubmit={handleSubmit(onValid, () => setFocusKey((k) => k + 1))}>
        <TextField
          id="serviceName"
          label="Name of your service"
          hint="For example, Northshire Restorative Justice Service. You can change this later."
          error={messageFor('serviceName')}
          registration={register('serviceName')}
          autoComplete="organization"
        />
        <TextField
          id="userName"
          label="Your name"
          hint="You will be the administrator: you can add other people and change settings."
          error={messageFor('userName')}
          registration={register('userName')}
          autoComplete="name"
          spellCheck={false}
          widthClass="govuk-!-width-two-thirds"
        />
        <NewPassphraseFields
          label="Choose a passphrase"
          confirmLabel="Type the passphrase again"
          passphrase={{ error: messageFor('passphrase'), registration: register('passphrase'), value: watch('passphrase') }}
          confirm={{ error: messageFor('confirm'), registration: register('confirm') }}
        />
        <button type="submit" className="govuk-button" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? 'Creating your casebook…' : 'Create casebook'}
        </button>
      </form>
    </PublicLayout>
  );
}
