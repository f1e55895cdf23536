import type { UseFormRegisterReturn } from 'react-hook-form';
import { PassphraseField } from './PassphraseField';
import { TextField } from './TextField';

interface Props {
  /** "Choose a passphrase" on first run, "New passphrase" when replacing one. */
  label: string;
  confirmLabel: string;
  passphrase: { error?: string; registration: UseFormRegisterReturn; value: string };
  confirm: { error?: string; registration: UseFormRegisterReturn };
  /** Needed when another form on the same page also sets a passphrase, so ids stay unique. */
  idPrefix?: string;
}

/**
 * A new passphrase with its strength hint and the box to type it again. Used wherever a
 * passphrase is set (creating a casebook, recovering, changing), so the fields, their ids and
 * their accessibility wiring are the same everywhere.
 */
export function NewPassphraseFields({ label, confirmLabel, passphrase, confirm, idPrefix = '' }: Props) {
  return (
    <>
      <PassphraseField
        id={`${idPrefix}passphrase`}
        label={label}
        error={passphrase.error}
        registration={passphrase.registration}
        autoComplete="new-password"
        value={passphrase.value}
      />
      <TextField
        id={`${idPrefix}confirm`}
        type="password"
        label={confirmLabel}
        error={confirm.error}
        registration={confirm.registration}
        autoComplete="new-password"
        spellCheck={false}
        widthClass="govuk-!-width-two-thirds"
      />
    </>
  );
}
