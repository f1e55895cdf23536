/**
 * A tiny seeded random number generator for synthetic data. Demo stores and benchmarks must be
 * reproducible from a seed, so nothing here touches Math.random or the clock.
 */

import { mulberry32, seedFrom } from '../domain/shared/prng';

export { mulberry32, seedFrom };

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
