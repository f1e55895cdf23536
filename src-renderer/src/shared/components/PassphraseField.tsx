import type { UseFormRegisterReturn } from 'react-hook-form';
import { TextField } from './TextField';
import { StrengthHint } from './StrengthHint';

interface Props {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  registration: UseFormRegisterReturn;
  /** 'new-password' fields show the live strength hint; 'current-password' fields do not. */
  autoComplete: 'new-password' | 'current-password';
  value?: string;
}

/** A passphrase box: never spell-checked or auto-capitalised, with a live strength hint when new. */
export function PassphraseField({ id, label, hint, error, registration, autoComplete, value }: Props) {
  const isNew = autoComplete === 'new-password';
  return (
    <TextField
      id={id}
      type="password"
      label={label}
      hint={hint}
      error={error}
      registration={registration}
      autoComplete={autoComplete}
      spellCheck={false}
      autoCapitalize="off"
      widthClass="govuk-!-width-two-thirds"
      afterId={isNew ? `${id}-strength` : undefined}
      after={isNew ? <StrengthHint id={`${id}-strength`} value={value ?? ''} /> : undefined}
    />
  );
}
