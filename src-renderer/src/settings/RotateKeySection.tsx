import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { PassphraseSchema } from '../../../src-main/domain/casebook/passphrase';
import type { User } from '../../../src-main/domain/casebook/user';
import { useSession } from '../app/session';
import { call, messageOf } from '../shared/api/client';
import { ActionError } from '../shared/components/ActionError';
import { ConfirmAction } from '../shared/components/ConfirmAction';
import { ErrorSummary, type SummaryError } from '../shared/components/ErrorSummary';
import { TextField } from '../shared/components/TextField';
import { useAction } from '../shared/hooks/useAction';

type Values = { passphrase: string; others: Record<string, string> };

/**
 * After a suspected leak (a laptop lost, someone gone who may have kept a copy of the casebook
 * folder), an administrator changes the casebook's key: every file is re-encrypted, everyone
 * else gets a new passphrase from them here, and a new recovery key is shown once (the same
 * screen as at creation). Anyone given no passphrase is taken off; the question says who.
 */
export function RotateKeySection() {
  const me = useSession((s) => s.session?.user.id);
  const shown = useSession((s) => s.created);
  const [others, setOthers] = useState<User[]>([]);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [focusKey, setFocusKey] = useState(0);
  const [asking, setAsking] = useState<Values>();
  const { busy, error, run } = useAction();
  const { register, handleSubmit } = useForm<Values>({ defaultValues: { passphrase: '', others: {} } });
  // Read again whenever the session is replaced (a deactivation changes the key and the people with it).
  const session = useSession((s) => s.session);
  useEffect(() => {
    call('listUsers').then((all) => setOthers(all.filter((u) => u.id !== me && !u.deactivatedAt)), () => setOthers([]));
  }, [me, session]);

  const fieldId = (u: User) => `rotate-${u.id}`;
  const onSubmit = (v: Values) => {
    const found: SummaryError[] = [];
    if (!v.passphrase) found.push({ fieldId: 'rotate-passphrase', message: 'Enter your passphrase' });
    for (const u of others) {
      const typed = v.others[u.id] ?? '';
      const checked = typed ? PassphraseSchema.safeParse(typed) : undefined;
      if (checked && !checked.success) found.push({ fieldId: fieldId(u), message: `${u.name}: ${checked.error.issues[0]?.message ?? 'Choose a longer passphrase'}` });
    }
    setErrors(found);
    if (found.length > 0) setFocusKey((k) => k + 1);
    else setAsking(v);
  };
  const removed = asking ? others.filter((u) => !asking.others[u.id]) : [];
  const rotate = () =>
    run(async () => {
      if (!asking) return;
      const given = others.filter((u) => asking.others[u.id]).map((u) => ({ userId: u.id, passphrase: asking.others[u.id]! }));
      const done = await call('rotateDataKey', { passphrase: asking.passphrase, others: given });
      // The new recovery key, once, on the same screen as when the casebook was created.
      shown(done.recoveryKey, done.session, true);
    }).catch((e: unknown) => setErrors([{ message: messageOf(e) }]));
  const messageFor = (id: string) => errors.find((e) => e.fieldId === id)?.message;

  return (
    <section aria-labelledby="rotate-key-title" className="govuk-!-margin-top-9">
      <h2 className="govuk-heading-m" id="rotate-key-title">
        After a suspected leak
      </h2>
      <p className="govuk-body">
        If a laptop with the casebook on it is lost, or someone who may have kept a copy of the casebook folder has left, change the casebook&rsquo;s key.
        Every file is encrypted again with a new key, so old copies of the key, old passphrases and the old recovery key open nothing of the casebook as it is now.
      </p>
      <p className="govuk-body">
        Give everyone else a new temporary passphrase below and tell them it in person; they can change it once they are in. Anyone you leave blank is taken off the people who can unlock.
        You keep your own passphrase. A new recovery key is shown once at the end: the old recovery key will no longer work, so the new one must be stored in its place.
      </p>
      <ErrorSummary errors={errors} focusKey={focusKey} />
      <form noValidate onSubmit={handleSubmit(onSubmit)}>
        <TextField id="rotate-passphrase" type="password" label="Your passphrase" error={messageFor('rotate-passphrase')} registration={register('passphrase')} autoComplete="current-password" spellCheck={false} widthClass="govuk-!-width-two-thirds" />
        {others.map((u) => (
          <TextField
            key={u.id}
            id={fieldId(u)}
            type="password"
            label={`New passphrase for ${u.name}`}
            hint="Leave blank to take them off the people who can unlock"
            error={messageFor(fieldId(u))}
            registration={register(`others.${u.id}`)}
            autoComplete="new-password"
            spellCheck={false}
            widthClass="govuk-!-width-two-thirds"
          />
        ))}
        <button type="submit" className="govuk-button govuk-button--warning" disabled={busy || asking !== undefined}>
          Change the casebook&rsquo;s key
        </button>
      </form>
      {asking && (
        <ConfirmAction title="Change the casebook’s key now?" confirmLabel="Yes, change the key" busy={busy} onCancel={() => setAsking(undefined)} onConfirm={() => void rotate()}>
          <ActionError message={error} />
          <p className="govuk-body">Every file and every backup in the casebook folder is encrypted again. This may take a while for a large casebook; do not close RJ Casebook meanwhile.</p>
          {removed.length > 0 && <p className="govuk-body">These people will be taken off the people who can unlock: {removed.map((u) => u.name).join(', ')}.</p>}
          <p className="govuk-body">Backup files saved elsewhere keep the old key: restoring one needs a passphrase from before, and afterwards the key should be changed again.</p>
        </ConfirmAction>
      )}
    </section>
  );
}
