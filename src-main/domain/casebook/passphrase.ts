import { z } from 'zod';
import { COMMON_PASSPHRASES } from './common-passphrases';

export const PASSPHRASE_MIN = 12;
export const PASSPHRASE_MAX = 1024;
/** Fewer different characters than this is a pattern (aaaaaaaaaaaa, abababababab), not a passphrase. */
export const PASSPHRASE_MIN_DISTINCT = 5;

/** Look-alike digits and symbols read as the letters they stand for. */
const LOOK_ALIKES: Record<string, string> = { '@': 'a', '4': 'a', $: 's', '5': 's', '0': 'o', '3': 'e', '1': 'i', '!': 'i', '|': 'i', '7': 't' };

/**
 * The forms in which passphrases are compared with the common ones: lower case, without spaces
 * or punctuation, look-alikes read as letters, and without digits and symbols added at either
 * end ("Password2026!"). Which end characters were added and which are look-alikes cannot be
 * told apart ("h3ll0" is "hello", "password1234" is "password"), so every split of the first
 * and last few is tried. A passphrase without letters is compared by its digits.
 */
export function guessKeys(p: string): string[] {
  const s = p.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
  if (!/\p{L}/u.test(s)) return [s.replace(/\D+/g, '')];
  const [, lead = '', core = '', trail = ''] = /^([^\p{L}]*)([\s\S]*?)([^\p{L}]*)$/u.exec(s) ?? [];
  const key = (x: string) => x.replace(/[@4$5031!|7]/g, (c) => LOOK_ALIKES[c] ?? c).replace(/[^\p{L}\p{N}]/gu, '');
  const out = new Set<string>();
  for (let i = 0; i <= Math.min(lead.length, 8); i++) {
    for (let j = 0; j <= Math.min(trail.length, 8); j++) out.add(key(lead.slice(lead.length - i) + core + trail.slice(0, j)));
  }
  return [...out];
}

const COMMON = new Set(COMMON_PASSPHRASES.flatMap(guessKeys));

/** The shortest piece that the key repeats ("passwordpassword" → "password"). */
function repeatedUnit(key: string): string {
  const period = (key + key).indexOf(key, 1);
  return period > 0 && period < key.length ? key.slice(0, period) : key;
}

/** Why a passphrase of a good length is still easy to guess, or undefined when it is not. */
export function passphraseWeakness(p: string): string | undefined {
  if (p.trim() === '') return 'Passphrase cannot be only spaces: use a few words you will remember, with spaces between them';
  if (new Set(p).size < PASSPHRASE_MIN_DISTINCT) return `Passphrase must use at least ${PASSPHRASE_MIN_DISTINCT} different characters: use a few words you will remember`;
  if (guessKeys(p).some((key) => COMMON.has(key) || COMMON.has(repeatedUnit(key)))) return 'That passphrase is on the list of common passphrases that are guessed first: choose words of your own';
  return undefined;
}

/**
 * The rule for choosing a passphrase, the same in the app's forms, the CLI and the store: long
 * enough, and not a pattern or a common passphrase. Unlocking takes any text (TypedPassphraseSchema),
 * so a passphrase chosen before these rules still opens the casebook.
 */
export const PassphraseSchema = z
  .string({ error: 'Passphrase must be text' })
  .min(PASSPHRASE_MIN, { error: `Passphrase must be at least ${PASSPHRASE_MIN} characters` })
  .max(PASSPHRASE_MAX, { error: `Passphrase must be at most ${PASSPHRASE_MAX} characters` })
  .superRefine((p, ctx) => {
    if (p.length < PASSPHRASE_MIN || p.length > PASSPHRASE_MAX) return;
    const weak = passphraseWeakness(p);
    if (weak) ctx.addIssue({ code: 'custom', message: weak });
  });

export type Strength = { score: 0 | 1 | 2 | 3 | 4; hint: string };

/**
 * A rough strength hint shown while typing. It rewards length and variety and penalises
 * repetition; it is advice only, the hard rules are PassphraseSchema's.
 */
export function passphraseStrength(p: string): Strength {
  if (p.length < PASSPHRASE_MIN) {
    return { score: 0, hint: `Too short: use at least ${PASSPHRASE_MIN} characters` };
  }
  const weak = passphraseWeakness(p);
  if (weak) return { score: 0, hint: weak };
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
