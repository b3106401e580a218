/**
 * Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And
 * Jitter"): a uniform wait in [0, min(cap, base · 2^attempt)], so retrying clients spread
 * out instead of arriving together.
 * @example backoffDelay(3, { baseMs: 500, capMs: 30_000 }, () => 0.5) // 2000
 */
export function backoffDelay(
  attempt: number,
  options: { baseMs: number; capMs: number },
  random: () => number = Math.random,
): number {
  if (!Number.isInteger(attempt) || attempt < 0)
    throw new Error(`backoffDelay needs attempt ≥ 0 (got ${attempt})`);
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}
