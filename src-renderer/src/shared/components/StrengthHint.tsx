import { passphraseStrength } from '../../../../src-main/domain/casebook/passphrase';

/**
 * Live advice while a new passphrase is typed. The words carry the meaning (the bars are
 * decoration), and it is a polite live region so screen readers hear it without being cut off.
 */
export function StrengthHint({ id, value }: { id: string; value: string }) {
  const { score, hint } = passphraseStrength(value);
  return (
    <div id={id} className="cb-strength" aria-live="polite">
      <span className="cb-strength__meter" aria-hidden="true">
        {[1, 2, 3, 4].map((n) => (
          <span key={n} className={`cb-strength__bar${n <= score ? ' cb-strength__bar--on' : ''}`} />
        ))}
      </span>
      <span>{value ? `Passphrase strength: ${hint}` : 'Use at least 12 characters. Several unrelated words are easy to remember and hard to guess.'}</span>
    </div>
  );
}
