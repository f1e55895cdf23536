import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMON_PASSPHRASES } from '../../src-main/domain/casebook/common-passphrases';
import { PassphraseSchema, passphraseStrength, PASSPHRASE_MIN } from '../../src-main/domain/casebook/passphrase';
import { NewPassphrase } from '../../src-renderer/src/shared/lib/schemas';
import { FAC_PASS, PASS, QL_PASS, freshService } from '../support/casebook';
import { createRegistry } from '../../src-main/ipc/registry';

/**
 * Passphrases that are long enough but easy to guess: all spaces, a handful of characters
 * repeated, or a common passphrase dressed up with case, spaces, digits and symbols. The same
 * PassphraseSchema is the rule in the app's forms, the CLI's init and the store.
 */
const refused = (p: string) => {
  const r = PassphraseSchema.safeParse(p);
  expect(r.success, JSON.stringify(p)).toBe(false);
  const message = r.error!.issues.map((i) => i.message).join(' ');
  // Never the passphrase itself in the message.
  if (p.trim().length > 3) expect(message).not.toContain(p.trim());
  return message;
};

const space = fc.constantFrom(' ', '\t', '\u00a0', '\u3000', '\n');
/** A common passphrase as someone might type it, in either case, spaces between letters, digits or symbols at either end, look-alike digits. */
const dressed = fc
  .tuple(
    fc.constantFrom(...COMMON_PASSPHRASES.filter((p) => /[a-z]/.test(p))),
    fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
    fc.string({ unit: fc.constantFrom(...'0123456789!?*#_.'), maxLength: 6 }),
    fc.string({ unit: fc.constantFrom(...'0123456789!?*#'), maxLength: 8 }),
    fc.boolean(),
  )
  .map(([base, flags, before, after, leet]) => {
    const swapped = leet ? base.replace(/a/g, '@').replace(/o/g, '0').replace(/e/g, '3') : base;
    const cased = [...swapped].map((c, i) => (flags[i % flags.length] ? c.toUpperCase() : c)).join(flags[39] ? ' ' : '');
    const p = `${before}${cased}${after}`;
    return p.length >= PASSPHRASE_MIN ? p : `${p}${'2'.repeat(PASSPHRASE_MIN - p.length)}`;
  });

describe('PassphraseSchema refuses easy guesses', () => {
  it('all spaces, of any kind', () => {
    fc.assert(
      fc.property(fc.array(space, { minLength: PASSPHRASE_MIN, maxLength: 60 }), (s) => {
        expect(refused(s.join(''))).toMatch(/only spaces/);
      }),
    );
  });

  it('fewer than 5 different characters, however long', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 1 }), { minLength: 1, maxLength: 4 }), fc.array(fc.nat(), { minLength: PASSPHRASE_MIN, maxLength: 80 }), (chars, picks) => {
        const p = picks.map((n) => chars[n % chars.length]).join('');
        fc.pre(p.trim() !== '');
        expect(refused(p)).toMatch(/at least 5 different characters/);
      }),
    );
    expect(refused('aaaaaaaaaaaa')).toMatch(/5 different/);
    expect(refused('abababababababab')).toMatch(/5 different/);
  });

  it('a common passphrase, however it is dressed up', () => {
    fc.assert(
      fc.property(dressed, (p) => {
        // A short common word padded with one repeated digit (abc222222222) is refused first for
        // having too few different characters: refused either way, with a reason that is true.
        expect(refused(p)).toMatch(/list of common passphrases|at least 5 different characters/);
      }),
      { numRuns: 500 },
    );
    for (const p of ['passwordpassword', 'P@ssw0rd 2026!', 'Qwertyuiop123', '123456789012', 'iloveyou2024!!', 'Restorative Justice 1', 'LetMeIn LetMeIn 1']) expect(refused(p)).toMatch(/common/);
  });

  it('says so in the strength hint as it is typed, and in the forms that use the schema', () => {
    expect(passphraseStrength('aaaaaaaaaaaa')).toEqual({ score: 0, hint: expect.stringMatching(/5 different/) });
    expect(NewPassphrase.safeParse('            ').error?.issues[0]?.message).toMatch(/only spaces/);
    expect(NewPassphrase.safeParse('Password1234').error?.issues[0]?.message).toMatch(/common/);
  });
});

describe('PassphraseSchema accepts passphrases of their own', () => {
  it('every passphrase the tests, the e2e runs and the benchmarks use', () => {
    const used = [PASS, FAC_PASS, QL_PASS, 'benchmark passphrase 2026', 'a real passphrase for tests', 'a real passphrase for document tests', 'another passphrase 1', 'another passphrase 2', 'another passphrase 3', 'a brand new passphrase here', 'another long passphrase', 'bobs long passphrase', 'mallorys passphrase', 'coordinator passphrase 5', 'copper willow harbour 2026', 'lantern orchard pebble 9', 'saffron meadow kettle 5', 'unused passphrase', 'Łukasz Nowak passphrase', 'facilitator passphrase', 'not the passphrase at all'];
    expect(used.filter((p) => !PassphraseSchema.safeParse(p).success)).toEqual([]);
  });

  it('a few words of any script', () => {
    const word = fc.constantFrom('copper', 'willow', 'harbour', 'lantern', 'orchard', 'pebble', 'saffron', 'meadow', 'kettle', 'ddraig', 'cwtch', 'żółw', 'δέντρο', 'чайник', 'باران', '花火', 'ভোর');
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 3, maxLength: 5 }), fc.nat(99), (words, n) => {
        expect(PassphraseSchema.safeParse(`${words.join(' ')} ${n}`).success).toBe(true);
      }),
    );
  });
});

describe('the casebook refuses a weak passphrase and creates nothing', () => {
  it('when it is set up, through the contract the app and the CLI use', async () => {
    const { service, cleanup } = await freshService();
    try {
      const registry = createRegistry(service);
      for (const passphrase of ['aaaaaaaaaaaa', ' '.repeat(12), 'Password1234']) {
        const r = await registry.invoke('createCasebook', { serviceName: 'Northshire RJ', userName: 'Siân Williams', passphrase });
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error).toMatchObject({ code: 'INVALID_INPUT', details: { issues: [{ path: 'passphrase' }] } });
      }
      expect((await service.status()).state).toBe('uninitialised');
    } finally {
      await service.close();
      await cleanup();
    }
  });
});
