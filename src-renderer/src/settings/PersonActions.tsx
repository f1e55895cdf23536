import { useState } from 'react';
import { ROLES, ROLE_LABELS, type Role } from '../../../src-main/domain/access/roles';
import type { User } from '../../../src-main/domain/casebook/user';
import { PassphraseSchema } from '../../../src-main/domain/casebook/passphrase';
import { call } from '../shared/api/client';
import { useAction } from '../shared/hooks/useAction';
import { ActionError } from '../shared/components/ActionError';
import { ConfirmAction } from '../shared/components/ConfirmAction';
import { InputField, SelectField } from '../shared/components/Fields';
import { SaveOrCancel } from '../shared/components/SaveOrCancel';
import { useSync } from '../sync/sync-state';
import { useSession } from '../app/session';

/**
 * What an administrator can do to someone who can unlock (issue 13): deactivate them, let them
 * back in, change their role, ask them for a new passphrase. Each says what it does first; the
 * main process refuses what would leave the casebook without an administrator.
 */
export type PersonAction = 'deactivate' | 'reactivate' | 'role' | 'passphrase';

export function PersonActionPanel({ action, person, onDone }: { action: PersonAction; person: User; onDone(changed: boolean, message?: string): void }) {
  if (action === 'deactivate') return <DeactivatePerson person={person} onDone={onDone} />;
  if (action === 'reactivate') return <ReactivatePerson person={person} onDone={onDone} />;
  if (action === 'role') return <ChangeRole person={person} onDone={onDone} />;
  return <RequireNewPassphrase person={person} onDone={onDone} />;
}

/** What the administrator is told once a deactivation (and the key change with it) is done. */
function deactivatedWords(name: string, done: { alsoDeactivated: string[]; backupsLeft: number }): string {
  const also = done.alsoDeactivated.length
    ? ` Also deactivated, because the new key could not be sealed to them (they have not unlocked since this version was installed): ${done.alsoDeactivated.join(', ')}. Reactivate them with a new passphrase to let them back in.`
    : '';
  const backups = done.backupsLeft ? ` ${done.backupsLeft} backup(s) kept here could not be encrypted again: they open only with the old key.` : '';
  return `${name} was deactivated and the casebook’s key was changed.${also}${backups}`;
}

function DeactivatePerson({ person, onDone }: { person: User; onDone(changed: boolean, message?: string): void }) {
  const { busy, error, run } = useAction();
  const teamOn = useSync((s) => s.status?.enabled === true);
  const showRecoveryKey = useSession((s) => s.created);
  const unlocked = useSession((s) => s.unlocked);
  const deactivate = () =>
    run(async () => {
      const done = await call('deactivateUser', { userId: person.id });
      // A recovery wrap from before key pairs cannot be sealed to: the new recovery key is shown once, as at creation.
      if (done.recoveryKey) showRecoveryKey(done.recoveryKey, done.session, true);
      else unlocked(done.session);
      onDone(true, deactivatedWords(person.name, done));
    });
  return (
    <ConfirmAction
      title={`Deactivate ${person.name}?`}
      confirmLabel={busy ? 'Deactivating and changing the key…' : `Yes, deactivate ${person.name}`}
      busy={busy}
      onCancel={() => onDone(false)}
      onConfirm={() => void deactivate()}
    >
      <ActionError message={error} />
      <p className="govuk-body">
        Their passphrase will no longer open this casebook, and they will not be on the unlock screen. They stay listed here as deactivated; their staff record, and their name on
        cases and signatures, stay. You can let them back in later by giving them a new passphrase. The change is recorded in the audit trail.
      </p>
      <p className="govuk-body" data-testid="deactivate-key">
        The casebook&rsquo;s key changes too: every file and backup is encrypted again with a new key, sealed to everyone who stays, so they keep their passphrases and your recovery key
        still works. A copy of the casebook folder they may have kept can read nothing written from now on, but it still opens, with their old passphrase, everything it held already.
        With many cases this takes a minute or two.
      </p>
      {teamOn && (
        <p className="govuk-body" data-testid="deactivate-team">
          This casebook is shared with other computers. It is sent to them under the new key, and each takes the key by itself at its next sync. Their computer stops syncing, and
          what anyone writes from now on does not reach it.
        </p>
      )}
    </ConfirmAction>
  );
}

function RequireNewPassphrase({ person, onDone }: { person: User; onDone(changed: boolean): void }) {
  const { busy, error, run } = useAction();
  return (
    <ConfirmAction
      title={`Ask ${person.name} for a new passphrase?`}
      confirmLabel="Yes, ask for a new passphrase"
      busy={busy}
      onCancel={() => onDone(false)}
      onConfirm={() => void run(async () => (await call('requirePassphraseChange', { userId: person.id }), onDone(true)))}
    >
      <ActionError message={error} />
      <p className="govuk-body">The next time they unlock the casebook they must choose a new passphrase before they can do anything else. Their current one works until then.</p>
    </ConfirmAction>
  );
}

function ChangeRole({ person, onDone }: { person: User; onDone(changed: boolean): void }) {
  const { busy, error, run } = useAction();
  const [role, setRole] = useState<Role>(person.role);
  return (
    <div className="cb-confirm" role="group" aria-labelledby="change-role-title">
      <h3 className="govuk-heading-s" id="change-role-title">
        Change the role of {person.name}
      </h3>
      <ActionError message={error} />
      <form noValidate onSubmit={(e) => (e.preventDefault(), void run(async () => (await call('changeUserRole', { userId: person.id, role }), onDone(true))))}>
      <SelectField
        id="change-role"
        label="Role"
        hint="What they may do in the casebook. It takes effect straight away, and is recorded in the audit trail."
        value={role}
        onValue={(x) => setRole(x as Role)}
        choices={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
      />
      <SaveOrCancel saving={busy} onCancel={() => onDone(false)}>
        Save role
      </SaveOrCancel>
      </form>
    </div>
  );
}

function ReactivatePerson({ person, onDone }: { person: User; onDone(changed: boolean): void }) {
  const { busy, error, run } = useAction();
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<{ passphrase?: string; confirm?: string }>({});
  const submit = () => {
    const checked = PassphraseSchema.safeParse(passphrase);
    if (!checked.success) return setProblem({ passphrase: checked.error.issues[0]?.message ?? 'Choose a longer passphrase' });
    if (confirm !== passphrase) return setProblem({ confirm: 'The two passphrases are not the same' });
    setProblem({});
    void run(async () => (await call('reactivateUser', { userId: person.id, passphrase }), onDone(true)));
  };
  return (
    <div className="cb-confirm" role="group" aria-labelledby="reactivate-title">
      <h3 className="govuk-heading-s" id="reactivate-title">
        Let {person.name} unlock again
      </h3>
      <ActionError message={error} />
      <p className="govuk-body">Give them a passphrase in person. The first time they unlock with it they must choose their own.</p>
      <form noValidate onSubmit={(e) => (e.preventDefault(), submit())}>
      <InputField id="reactivate-passphrase" type="password" label="Passphrase for them" error={problem.passphrase} value={passphrase} onValue={setPassphrase} autoComplete="new-password" spellCheck={false} widthClass="govuk-!-width-two-thirds" />
      <InputField id="reactivate-confirm" type="password" label="Type it again" error={problem.confirm} value={confirm} onValue={setConfirm} autoComplete="new-password" spellCheck={false} widthClass="govuk-!-width-two-thirds" />
      <SaveOrCancel saving={busy} onCancel={() => onDone(false)}>
        Reactivate with this passphrase
      </SaveOrCancel>
      </form>
    </div>
  );
}
