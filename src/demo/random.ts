/**
 * A seeded random source for the demo (seedrandom's Alea: fast, and the same seed gives
 * the same sequence on every platform). Each concern draws from its own named stream
 * (`createRandom(seed, 'kpis:TM03')`) so that changing one generator does not reshuffle
 * the others.
 */
import seedrandom from 'seedrandom';

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Whole number in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** Normal with the given mean and sd (Box–Muller). */
  normal(mean?: number, sd?: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** Successes in n trials of probability p. */
  binomial(n: number, p: number): number;
  pick<T>(items: readonly T[]): T;
  /** A new array in random order (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** `length` characters from A–Z and 0–9, for Slack-style ids. */
  code(length: number): string;
}

const CODE_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/**
 * @param seed any whole number; the same seed and stream name give the same sequence
 * @param stream names the concern drawing, so streams are independent
 * @throws Error when seed is not a whole number
 */
export function createRandom(seed: number, stream: string): Random {
  if (!Number.isInteger(seed))
    throw new Error(`createRandom needs a whole-number seed, got ${seed}`);
  const prng = seedrandom.alea(`${seed}:${stream}`);
  const next = () => prng();
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const normal = (mean = 0, sd = 1) => {
    // 1 − u keeps the logarithm's argument in (0, 1].
    const u = 1 - next();
    const v = next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  const binomial = (n: number, p: number) => {
    if (n <= 0 || p <= 0) return 0;
    if (p >= 1) return n;
    if (n <= 200) {
      let k = 0;
      for (let i = 0; i < n; i++) if (next() < p) k++;
      return k;
    }
    // Large n: the normal approximation, rounded and kept inside [0, n].
    const k = Math.round(normal(n * p, Math.sqrt(n * p * (1 - p))));
    return Math.min(n, Math.max(0, k));
  };
  return {
    next,
    int,
    normal,
    chance: (p) => next() < p,
    binomial,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick needs at least one item');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    shuffle: (items) => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j] as (typeof out)[number], out[i] as (typeof out)[number]];
      }
      return out;
    },
    code: (length) => {
      let s = '';
      for (let i = 0; i < length; i++) s += CODE_CHARS[Math.floor(next() * CODE_CHARS.length)];
      return s;
    },
  };
}
