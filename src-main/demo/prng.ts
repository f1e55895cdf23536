/**
 * A tiny seeded random number generator for synthetic data. Demo stores and benchmarks must be
 * reproducible from a seed, so nothing here touches Math.random or the clock.
 */

/** mulberry32: 32 bits of state, good enough spread for test data, and trivially portable. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Turn any seed a person might type ("42", "demo") into 32 bits (FNV-1a over UTF-16 units). */
export function seedFrom(seed: string | number): number {
  if (typeof seed === 'number' && Number.isSafeInteger(seed)) return seed >>> 0;
  const s = String(seed);
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Convenience helpers over one generator, so call sites read as intent rather than arithmetic. */
export class Random {
  private readonly next: () => number;
  constructor(seed: string | number) {
    this.next = mulberry32(seedFrom(seed));
  }
  float(): number {
    return this.next();
  }
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }
  /** Pick by weight: [[value, weight], ...]. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [v, w] of items) {
      r -= w;
      if (r < 0) return v;
    }
    return (items[items.length - 1] as readonly [T, number])[0];
  }
  alnum(length: number): string {
    let s = '';
    for (let i = 0; i < length; i++) s += ALNUM[Math.floor(this.next() * ALNUM.length)];
    return s;
  }
}
