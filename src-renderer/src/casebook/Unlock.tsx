import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { ApiError, call } from '../shared/api/client';
import { useSession } from '../app/session';
import { ErrorSummary } from '../shared/components/ErrorSummary';
import { PassphraseField } from '../shared/components/PassphraseField';
import { PublicLayout } from '../shared/components/PublicLayout';
import { UserRadios } from '../shared/components/UserRadios';
import { LockNotice } from '../shared/components/LockNotice';
import { HeldByWarning } from '../shared/components/HeldByWarning';
import { applyServerError } from '../shared/lib/form-errors';
import { useFormErrors } from '../shared/hooks/useFormErrors';
import { usePageTitle } from '../shared/hooks/usePageTitle';
import { RestoreDamaged, type Damage } from './RestoreDamaged';

const Schema = z.object({
  userId: z.string({ error: 'Choose who you are' }).min(1, { error: 'Choose who you are' }),
  passphrase: z.string().min(1, { error: 'Enter your passphrase' }),
});
type Values = z.infer<typeof Schema>;
const FIELDS = ['userId', 'passphrase'] as const;

/** Choose who you are, type your passphrase. A wrong passphrase shows the main process's words. */
export function Unlock() {
  const h1 = usePageTitle('Unlock the casebook');
  const { status, lockReason, unlocked, showRecover } = useSession();
  const users = status?.users ?? [];
  const [focusKey, setFocusKey] = useState(0);
  const [damage, setDamage] = useState<Damage>();
  const [restored, setRestored] = useState(false);
  const { register, handleSubmit, setError, setValue, getValues, formState } = useForm<Values>({
    resolver: zodResolver(Schema),
    // GOV.UK pattern: focus goes to the error summary, not the first field.
    shouldFocusError: false,
    // With one person there is nothing to choose.
    defaultValues: { userId: users.length === 1 ? users[0]!.id : '', passphrase: '' },
  });
  const { summary, messageFor } = useFormErrors(formState.errors, FIELDS);
  // The list of people can arrive after the form (it is fetched again after a lock).
  const only = users.length === 1 ? users[0]!.id : undefined;
  useEffect(() => {
    if (only && !getValues('userId')) setValue('userId', only);
  }, [only, getValues, setValue]);

  const onValid = async (v: Values) => {
    setRestored(false);
    try {
      unlocked(await call('unlock', v));
    } catch (e) {
      // A damaged casebook: offer the backup that opens cleanly, if any, and a copy saved elsewhere.
      if (e instanceof ApiError && e.code === 'CORRUPT') {
        const userName = users.find((u) => u.id === v.userId)?.name ?? '';
        setDamage({ ...(e.details.cleanBackup ? { backupId: e.details.cleanBackup } : {}), userId: v.userId, userName, passphrase: v.passphrase, technical: e.message });
        // Said in plain words by the damaged panel, which takes focus; the file and the
        // reason are kept behind its "Technical details".
        setValue('passphrase', '');
        return;
      }
      setValue('passphrase', '');
      // A wrong passphrase is about that box: show the message there as well as in the summary.
      if (e instanceof ApiError && e.code === 'AUTH_FAILED') setError('passphrase', { type: 'server', message: e.message });
      else applyServerError(e, FIELDS, setError);
      setFocusKey((k) => k + 1);
    }
  };

  return (
    <PublicLayout>
      <ErrorSummary errors={summary} focusKey={focusKey} />
      <HeldByWarning heldBy={status?.heldBy} />
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        Unlock the casebook
      </h1>
      <LockNotice reason={lockReason} />
      {restored && <p className="govuk-inset-text">The backup was restored. Unlock the casebook again.</p>}
      {damage && (
        <RestoreDamaged
          damage={damage}
          onRestored={() => {
            setDamage(undefined);
            setRestored(true);
          }}
        />
      )}
      <form noValidate onSubmit={handleSubmit(onValid, () => setFocusKey((k) => k + 1))}>
        <UserRadios users={users} error={messageFor('userId')} registration={register('userId')} />
        <PassphraseField
          id="passphrase"
          label="Passphrase"
          error={messageFor('passphrase')}
          registration={register('passphrase')}
          autoComplete="current-password"
        />
        <button type="submit" className="govuk-button" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? 'Unlocking…' : 'Unlock'}
        </button>
      </form>
      <p className="govuk-body">
        <button type="button" className="cb-link-button" onClick={showRecover}>
          Forgotten your passphrase?
        </button>
      </p>
    </PublicLayout>
  );
}
