import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { EnableTeamInputSchema, type EnableTeamInput, type SyncResult } from '../../../src-main/domain/sync/status';
import { call } from '../shared/api/client';
import { ErrorSummary } from '../shared/components/ErrorSummary';
import { applyServerError } from '../shared/lib/form-errors';
import { useFormErrors } from '../shared/hooks/useFormErrors';
import { ServerFields } from './ServerFields';
import { SubmitWithProgress } from './SubmitWithProgress';

const FIELDS = ['remote', 'serverUser', 'serverPassword'] as const;

/** Team use is off: what it means, what the server sees, and the server to use. */
export function TurnOnTeam({ onDone }: { onDone(r: SyncResult): void }) {
  const [focusKey, setFocusKey] = useState(0);
  const { register, handleSubmit, setError, formState } = useForm<EnableTeamInput>({
    resolver: zodResolver(EnableTeamInputSchema),
    shouldFocusError: false,
    defaultValues: { remote: '', serverUser: '', serverPassword: '' },
  });
  const { summary, messageFor } = useFormErrors(formState.errors, FIELDS);
  const onValid = async (v: EnableTeamInput) => {
    try {
      onDone(await call('enableTeam', { remote: v.remote, ...(v.serverUser ? { serverUser: v.serverUser } : {}), ...(v.serverPassword ? { serverPassword: v.serverPassword } : {}) }));
    } catch (e) {
      applyServerError(e, FIELDS, setError);
      setFocusKey((k) => k + 1);
    }
  };
  return (
    <section aria-labelledby="team-off-title">
      <h2 className="govuk-heading-m" id="team-off-title">
        Share this casebook with your team
      </h2>
      <p className="govuk-body">
        Team use keeps one casebook on several computers: each works offline and syncs through a server your service runs or rents (Apache CouchDB). Changes to different parts of a case
        merge by themselves; the same thing changed two ways on two computers waits for someone to choose, so nothing is lost.
      </p>
      <h3 className="govuk-heading-s">What the server can and cannot see</h3>
      <ul className="govuk-list govuk-list--bullet">
        <li>It holds only encrypted documents, with ids that mean nothing outside the casebook, and their sizes.</li>
        <li>It cannot see names, case references, stages, dates or notes, and cannot tell which document is which case.</li>
        <li>It can see when a computer syncs and roughly how much changed. Keep the server&rsquo;s own backups: the setup guide (docs/team.md) says how.</li>
      </ul>
      <p className="govuk-body">The connection must be encrypted (an address starting https://) unless the server is on this computer. The server account is kept encrypted inside the casebook.</p>
      <ErrorSummary errors={summary} focusKey={focusKey} />
      <form noValidate onSubmit={handleSubmit(onValid, () => setFocusKey((k) => k + 1))}>
        <ServerFields register={register} messageFor={messageFor} />
        <SubmitWithProgress busy={formState.isSubmitting} label="Turn on team use" busyLabel="Sending the casebook…" waiting="Checking the server and sending the casebook to it. A large casebook can take a few minutes." />
      </form>
    </section>
  );
}
