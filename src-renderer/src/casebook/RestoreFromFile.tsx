import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { ApiError, call } from '../shared/api/client';
import { ErrorSummary } from '../shared/components/ErrorSummary';
import { TextField } from '../shared/components/TextField';
import { PassphraseField } from '../shared/components/PassphraseField';
import { applyServerError } from '../shared/lib/form-errors';
import { useFormErrors } from '../shared/hooks/useFormErrors';
import { lostCasesOf, RecoverWhatOpens } from './RecoverWhatOpens';

const Schema = z.object({
  user: z.string().trim().min(1, { error: 'Enter your name' }),
  passphrase: z.string().min(1, { error: 'Enter your passphrase' }),
});
type Values = z.infer<typeof Schema>;
const FIELDS = ['user', 'passphrase'] as const;
// Two forms share the unlock screen: the prefix keeps these ids (and summary links) apart.
const PREFIX = 'restore-file-';

/**
 * Restore a copy saved elsewhere while the casebook is locked and will not open. The passphrase
 * is the one that unlocks the casebook now (the people who can unlock are kept as they are, so a
 * passphrase changed or removed since the copy cannot bring it back); only when the keyring
 * itself is damaged is it the one from when the copy was saved. The person must be an
 * administrator. The main process shows the dialog to choose the file.
 */
export function RestoreFromFile({ userName, onRestored }: { userName: string; onRestored: () => void }) {
  const [focusKey, setFocusKey] = useState(0);
  const [lost, setLost] = useState<string[]>();
  const { register, handleSubmit, setError, setValue, getValues, formState } = useForm<Values>({
    resolver: zodResolver(Schema),
    // GOV.UK pattern: focus goes to the error summary, not the first field.
    shouldFocusError: false,
    defaultValues: { user: userName, passphrase: '' },
  });
  const { summary, messageFor } = useFormErrors(formState.errors, FIELDS, PREFIX);
  const field = (name: (typeof FIELDS)[number]) => ({ id: PREFIX + name, error: messageFor(name), registration: register(name) });

  const onValid = async (v: Values, partial = false) => {
    setLost(undefined);
    try {
      // Cancelled in the dialog: nothing changed, so nothing is said.
      if ((await call('restoreFileWhileLocked', { ...v, partial })).restored) onRestored();
    } catch (e) {
      // Only some cases in the file do not open: the person decides, with the passphrase kept for the second go.
      const references = lostCasesOf(e);
      if (references) return setLost(references);
      // A passphrase that does not open the backup is about that box.
      if (e instanceof ApiError && e.code === 'AUTH_FAILED') setError('passphrase', { type: 'server', message: e.message });
      else applyServerError(e, FIELDS, setError);
      setValue('passphrase', '');
      setFocusKey((k) => k + 1);
    }
  };

  return (
    <section aria-labelledby={`${PREFIX}title`} className="govuk-!-margin-top-6" data-testid="restore-from-file">
      <h3 className="govuk-heading-s" id={`${PREFIX}title`}>
        Restore from a backup file
      </h3>
      <p className="govuk-body">
        Use a copy saved with “Save a copy of the casebook”, for example on an encrypted USB stick or in your service’s secure file store. Give the name and passphrase
        of an administrator. You choose the file next; it is checked before anything is replaced.
      </p>
      <ErrorSummary errors={summary} focusKey={focusKey} level={4} />
      {lost && <RecoverWhatOpens lost={lost} busy={formState.isSubmitting} chooseFileAgain onRestore={() => void onValid(getValues(), true)} onCancel={() => setLost(undefined)} />}
      <form noValidate onSubmit={handleSubmit((v) => onValid(v), () => setFocusKey((k) => k + 1))}>
        <TextField {...field('user')} label="Your name" autoComplete="off" spellCheck={false} widthClass="govuk-!-width-two-thirds" />
        <PassphraseField {...field('passphrase')} label="Your passphrase" hint="The one you unlock the casebook with. Only if the casebook’s list of people is damaged too, the one you had when the copy was saved." autoComplete="current-password" />
        <button type="submit" className="govuk-button govuk-button--warning" disabled={formState.isSubmitting}>
          Restore from a backup file
        </button>
      </form>
    </section>
  );
}
