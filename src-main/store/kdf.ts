import { argon2id } from 'hash-wasm';
import { randomBytes } from 'node:crypto';

/**
 * Passphrase → key-encryption key with Argon2id. The parameters are stored beside each wrap so
 * they can be raised later without breaking old wraps. OWASP's minimum for Argon2id is
 * m = 19 MiB, t = 2, p = 1; nothing here ever goes below it, tests included.
 */
export interface KdfParams {
  alg: 'argon2id';
  memoryKiB: number;
  iterations: number;
  parallelism: number;
  salt: string; // base64, 16 bytes
}

export const OWASP_MIN = { memoryKiB: 19_456, iterations: 2, parallelism: 1 } as const;
const TARGET_MS = 500;
const CALIBRATION_MEMORY_KIB = 65_536;

export function isAtLeastMinimum(p: Omit<KdfParams, 'salt' | 'alg'>): boolean {
  return p.memoryKiB >= OWASP_MIN.memoryKiB && p.iterations >= OWASP_MIN.iterations && p.parallelism >= OWASP_MIN.parallelism;
}

export async function deriveKey(passphrase: string, p: KdfParams): Promise<Buffer> {
  if (p.alg !== 'argon2id' || !isAtLeastMinimum(p)) throw new Error('kdf parameters below the minimum');
  const out = await argon2id({
    password: passphrase.normalize('NFC'),
    salt: Buffer.from(p.salt, 'base64'),
    memorySize: p.memoryKiB,
    iterations: p.iterations,
    parallelism: p.parallelism,
    hashLength: 32,
    outputType: 'binary',
  });
  return Buffer.from(out);
}

export type KdfProfile = 'calibrate' | 'minimum';

/**
 * Choose parameters: 'calibrate' times one pass at 64 MiB and picks the number of passes that
 * takes about half a second on this machine; 'minimum' (tests, benchmarks) uses OWASP's floor.
 */
export async function chooseKdfParams(profile: KdfProfile): Promise<KdfParams> {
  const salt = randomBytes(16).toString('base64');
  if (profile === 'minimum') return { alg: 'argon2id', ...OWASP_MIN, salt };
  const probe: KdfParams = { alg: 'argon2id', memoryKiB: CALIBRATION_MEMORY_KIB, iterations: 2, parallelism: 1, salt };
  const start = performance.now();
  await deriveKey('calibration', probe);
  const perPass = (performance.now() - start) / 2;
  const iterations = Math.max(2, Math.min(20, Math.round(TARGET_MS / Math.max(perPass, 1))));
  return { ...probe, iterations };
}
