/**
 * Ranking values for a proportion: each agent's rate shrunk toward the group by empirical
 * Bayes, beta-binomial by the method of moments (METRICS.md v2, "Ranking values"). Over
 * the N agents with window sums x_i, n_i > 0 and raw rates r_i = x_i/n_i:
 * - μ = mean of r_i; v = Σ(r_i − μ)²/(N − 1), the spread between agents;
 * - e = μ(1 − μ)·mean(1/n_i), the spread binomial chance alone would give;
 * - τ² = v − e, the spread left for real differences between agents;
 * - τ² ≤ 0: no evidence that agents differ beyond chance, so every value is μ (all tie);
 * - τ² > 0: κ = max(0, μ(1 − μ)/τ² − 1), a prior worth κ answers at μ, and each value is
 *   (x_i + μκ)/(n_i + κ): an agent with few answers moves most of the way to μ, one with
 *   many barely moves;
 * - N < 3: the raw rates (too few agents to estimate a spread).
 * An agent with 12 answers at 75% and one with 400 at 75% then rank apart: the first is
 * pulled toward the group, the second stays near 75%.
 */

export interface ProportionCounts {
  id: string;
  /** Successes (e.g. positive survey answers). */
  x: number;
  /** Trials (e.g. survey answers); must be above 0. */
  n: number;
}

export interface Shrinkage {
  /** How the values were found: raw rates (N < 3), all at μ (τ² ≤ 0), or shrunk. */
  method: 'raw' | 'tied' | 'shrunk';
  mu: number | null;
  tau2: number | null;
  kappa: number | null;
  /** Agent id → ranking value. */
  values: Map<string, number>;
}

/** The fewest agents from which a spread between agents is estimated. */
export const MIN_AGENTS_TO_SHRINK = 3;

/**
 * @param agents each agent's successes and trials (n > 0)
 * @returns the method, μ, τ², κ and each agent's ranking value
 * @throws Error when an agent has n ≤ 0 or x outside [0, n], or an id repeats
 * @example shrinkRates([{ id: 'a', x: 9, n: 10 }, { id: 'b', x: 50, n: 100 }, { id: 'c', x: 20, n: 20 }])
 *   // r = 0.9, 0.5, 1; μ = 0.8; v = 0.07; e = 0.16·0.05333 = 0.008533; τ² = 0.061467;
 *   // κ = 0.16/0.061467 − 1 = 1.60304; a → (9 + 1.28243)/11.60304 = 0.88618
 */
export function shrinkRates(agents: readonly ProportionCounts[]): Shrinkage {
  const seen = new Set<string>();
  for (const a of agents) {
    if (!(a.n > 0))
      throw new Error(`shrinkRates requires n > 0 for every agent, got ${a.n} for ${a.id}`);
    if (!(a.x >= 0 && a.x <= a.n))
      throw new Error(`shrinkRates requires 0 ≤ x ≤ n, got x = ${a.x}, n = ${a.n} for ${a.id}`);
    if (seen.has(a.id)) throw new Error(`shrinkRates: agent ${a.id} appears twice`);
    seen.add(a.id);
  }
  const count = agents.length;
  const rates = agents.map((a) => a.x / a.n);
  if (count < MIN_AGENTS_TO_SHRINK) {
    return {
      method: 'raw',
      mu: null,
      tau2: null,
      kappa: null,
      values: new Map(agents.map((a, i) => [a.id, rates[i] as number])),
    };
  }
  const mu = rates.reduce((s, r) => s + r, 0) / count;
  const v = rates.reduce((s, r) => s + (r - mu) ** 2, 0) / (count - 1);
  const e = (mu * (1 - mu) * agents.reduce((s, a) => s + 1 / a.n, 0)) / count;
  const tau2 = v - e;
  if (tau2 <= 0) {
    return {
      method: 'tied',
      mu,
      tau2,
      kappa: null,
      values: new Map(agents.map((a) => [a.id, mu])),
    };
  }
  const kappa = Math.max(0, (mu * (1 - mu)) / tau2 - 1);
  return {
    method: 'shrunk',
    mu,
    tau2,
    kappa,
    values: new Map(agents.map((a) => [a.id, (a.x + mu * kappa) / (a.n + kappa)])),
  };
}
