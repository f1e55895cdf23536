import type { ReactNode } from 'react';

export type TagColour = 'grey' | 'green' | 'turquoise' | 'teal' | 'blue' | 'purple' | 'magenta' | 'pink' | 'red' | 'orange' | 'yellow';

/** GOV.UK tag: a short status. The words carry the meaning; the colour only adds to them. */
export function Tag({ colour, children, className }: { colour?: TagColour; children: ReactNode; className?: string }) {
  return <strong className={['govuk-tag', colour && colour !== 'blue' && `govuk-tag--${colour}`, className].filter(Boolean).join(' ')}>{children}</strong>;
}
