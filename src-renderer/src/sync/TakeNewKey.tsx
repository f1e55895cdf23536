import { useId, useRef, useState } from 'react';
import { call, messageOf } from '../shared/api/client';
import { useSync } from './sync-state';
import { useLatestMessage } from '../shared/hooks/useLatestMessage';

/**
 * The casebook's key was changed on another computer (someone was removed from the team): this
 * computer syncs again once its person enters the new passphrase the administrator gave them.
 * Shown to everyone signed in, under the sync status line, since anyone may be the one at this
 * computer when it happens.
 */
export function TakeNewKey() {
  const id = useId();
  const refresh = useSync((s) => s.refresh);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  // One message at a time: a success banner from before (a change resolved, say) gives way to this question.
  useLatestMessage(true);
  const take = async () => {
    if (!value) {
      setError('Enter the new passphrase you were given');
      input.current?.focus();
      return;
    }
    setBusy(true);
    try {
      await call('adoptTeamKey', { passphrase: value });
      setValue('');
      setError(undefined);
      // The refusal from before the key was taken no longer stands.
      useSync.setState({ error: undefined });
      await refresh();
    } catch (e) {
      setError(messageOf(e));
      input.current?.focus();
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="cb-width cb-take-key"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void take();
      }}
    >
      <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
        <label className="govuk-label govuk-label--s" htmlFor={`${id}-pass`}>
          The casebook&rsquo;s key was changed on another computer. Enter the new passphrase you were given
        </label>
        <div className="govuk-hint" id={`${id}-hint`}>
          When someone is deactivated, computers take the new key by themselves; this is for a key changed after a suspected leak, when everyone was given a new passphrase. If you
          were not given one, enter your usual passphrase. This computer re-encrypts its copy under the new key and fetches everything again.
        </div>
        {error && (
          <p className="govuk-error-message" id={`${id}-error`}>
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        )}
        <input
          ref={input}
          id={`${id}-pass`}
          className={`govuk-input govuk-!-width-one-half${error ? ' govuk-input--error' : ''}`}
          type="password"
          autoComplete="current-password"
          spellCheck={false}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
      </div>
      <button type="submit" className="govuk-button" disabled={busy}>
        {busy ? 'Taking the new key…' : 'Take the new key'}
      </button>
    </form>
  );
}
