export type Timing = { median: number; p95: number };

/**
 * Runs `once` a few times unmeasured (caches, JIT, the page cache), then
 * `runs` times one after another, and summarises the wall times in ms.
 */
export async function time(once: () => Promise<unknown>, runs: number): Promise<Timing> {
  for (let i = 0; i < 5; i++) await once();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await once();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { median: percentile(samples, 0.5), p95: percentile(samples, 0.95) };
}

/** Nearest-rank percentile of sorted samples. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}
