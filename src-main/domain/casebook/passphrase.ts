import { z } from 'zod';

export const PASSPHRASE_MIN = 12;
export const PASSPHRASE_MAX = 1024;

export const PassphraseSchema = z
  .string({ error: 'Passphrase must be text' })
  .min(PASSPHRASE_MIN, { error: `Passphrase must be at least ${PASSPHRASE_MIN} characters` })
  .max(PASSPHRASE_MAX, { error: `Passphrase must be at most ${PASSPHRASE_MAX} characters` });

export type Strength = { score: 0 | 1 | 2 | 3 | 4; hint: string };

/**
 * A rough strength hint shown while typing. It rewards length and variety and penalises
 * repetition; it is advice only, the hard rule is the minimum length.
 */
export function passphraseStrength(p: string): Strength {
  if (p.length < PASSPHRASE_MIN) {
    return { score: 0, hint: `Too short: use at least ${PASSPHRASE_MIN} characters` };
  }
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(p)).length;
  const unique = new Set(p).size;
  const words = p.trim().split(/\s+/).length;
  let score = 1;
  if (p.length >= 16) score++;
  if (p.length >= 24 || words >= 4) score++;
  if (classes >= 3 && unique >= 8) score++;
  if (unique < 5) score = 1;
  const s = Math.min(score, 4) as Strength['score'];
  const hints = [
    '',
    'Weak: add more words or characters',
    'Fair: a few more words would make it strong',
    'Good',
    'Strong',
  ];
  return { score: s, hint: hints[s] ?? '' };
}
