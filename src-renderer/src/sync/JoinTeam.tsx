import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { JoinTeamInputSchema, type JoinTeamInput } from '../../../src-main/domain/sync/status';
import { ApiError, call } from '../shared/api/client';
import { useSession } from '../app/session';
import { ErrorSummary } from '../shared/components/ErrorSummary';
import { PassphraseField } from '../shared/components/PassphraseField';
import { PublicLayout } from '../shared/components/PublicLayout';
import { TextField } from '../shared/components/TextField';
import { applyServerError } from '../shared/lib/form-errors';
import { useFormErrors } from '../shared/hooks/useFormErrors';
import { usePageTitle } from '../shared/hooks/usePageTitle';
import { ServerFields } from './ServerFields';
import { SubmitWithProgress } from './SubmitWithProgress';

type Values = JoinTeamInput;
const FIELDS = ['remote', 'serverUser', 'serverPassword', 'userName', 'passphrase'] as const;

/**
 * First run on a computer joining a team (issue 16): the server, who you are and your
 * passphrase. The main process fetches the keyring, opens it with the passphrase (the server
 * holds only wrapped keys) and fetches the cases; then the app opens as after unlocking.
 */
export function JoinTeam() {
  const h1 = usePageTitle('Join a team casebook');
  const { unlocked, showCreate } = useSession();
  const [focusKey, setFocusKey] = useState(0);
  const { register, handleSubmit, setError, setValue, formState } = useForm<Values>({
    resolver: zodResolver(JoinTeamInputSchema),
    // GOV.UK pattern: focus goes to the error summary, not the first field.
    shouldFocusError: false,
    defaultValues: { remote: '', serverUser: '', serverPassword: '', userName: '', passphrase: '' },
  });
  const { summary, messageFor } = useFormErrors(formState.errors, FIELDS);

  const onValid = async (v: Values) => {
    try {
      // An empty account box means the server needs none: not sent at all.
      unlocked(await call('joinTeam', { remote: v.remote, userName: v.userName, passphrase: v.passphrase, ...(v.serverUser ? { serverUser: v.serverUser } : {}), ...(v.serverPassword ? { serverPassword: v.serverPassword } : {}) }));
    } catch (e) {
      setValue('passphrase', '');
      // A passphrase that does not open the keyring is about that box, as on the unlock screen;
      // a name nobody on the team has is about the name (the engine says "No one called …").
      if (e instanceof ApiError && e.code === 'AUTH_FAILED') setError(/^No one called /.test(e.message) ? 'userName' : 'passphrase', { type: 'server', message: e.message });
      else applyServerError(e, FIELDS, setError);
      setFocusKey((k) => k + 1);
    }
  };

  return (
    <PublicLayout>
      <ErrorSummary errors={summary} focusKey={focusKey} />
      <h1 className="govuk-heading-l" ref={h1} tabIndex={-1}>
        Join a team casebook
      </h1>
      <p className="govuk-body">
        This computer fetches your team&rsquo;s casebook from the server, opens it with your passphrase and keeps a copy here, encrypted as on every other computer in the team. You can then work
        offline; your changes are sent, and everyone else&rsquo;s fetched, whenever this computer can reach the server. The server only ever holds encrypted documents: it cannot read names,
        references or notes.
      </p>
      <form noValidate onSubmit={handleSubmit(onValid, () => setFocusKey((k) => k + 1))}>
        <ServerFields register={register} messageFor={messageFor} />
        <TextField
          id="userName"
          label="Your name"
          hint="As the casebook knows you: the name your administrator added you under."
          error={messageFor('userName')}
          registration={register('userName')}
          autoComplete="name"
          spellCheck={false}
          widthClass="govuk-!-width-two-thirds"
        />
        <PassphraseField id="passphrase" label="Your passphrase" hint="The one you use to unlock the casebook on the team’s other computers." error={messageFor('passphrase')} registration={register('passphrase')} autoComplete="current-password" />
        <SubmitWithProgress busy={formState.isSubmitting} label="Join the team casebook" busyLabel="Joining…" waiting="Fetching the casebook from the server. A large casebook can take a few minutes; keep RJ Casebook open." />
      </form>
      <p className="govuk-body">
        <button type="button" className="cb-link-button" onClick={showCreate}>
          Create a new casebook instead
        </button>
      </p>
    </PublicLayout>
  );
}
