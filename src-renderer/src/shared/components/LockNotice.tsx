import type { LockReason } from '../../app/session';

/** Why the person is looking at the unlock screen again, in plain, calm words. */
const MESSAGES: Record<string, string> = {
  manual: 'You locked the casebook. Everything you saved is safe.',
  idle: 'The casebook locked itself because nobody used it for a while. Everything you saved is safe.',
  system: 'The casebook locked because the computer went to sleep or was locked. Everything you saved is safe.',
  restore: 'The backup was restored. Unlock the casebook to carry on.',
};

export function LockNotice({ reason }: { reason?: LockReason }) {
  if (!reason) return null;
  return (
    <div className="govuk-inset-text" role="status">
      {MESSAGES[reason] ?? 'The casebook is locked. Everything you saved is safe.'}
    </div>
  );
}
