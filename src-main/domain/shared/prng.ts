/**
 * A tiny seeded random number generator: demo stores, benchmarks and the case-file audit's
 * sample must come out the same from the same seed on every machine, so nothing here touches
 * Math.random or the clock.
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
