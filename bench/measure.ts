/** Small timing helpers for the benchmarks: medians over several runs, and peak memory. */
export async function median(runs: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return medianOf(times);
}

export function medianOf(times: readonly number[]): number {
  const t = [...times].sort((a, b) => a - b);
  const mid = Math.floor(t.length / 2);
  return t.length % 2 ? t[mid]! : (t[mid - 1]! + t[mid]!) / 2;
}

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);
sampler.unref();

export function peakMemoryMiB(): number {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  return Math.round(peakRss / 1024 / 1024);
}

export const round = (ms: number) => Math.round(ms * 100) / 100;
