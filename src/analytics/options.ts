/**
 * ReportOptions with the METRICS.md defaults (window 28 days, eligibility floor 30
 * contacts, top and lagging shares 0.2, equal weights, organisation-wide peer group, 6
 * months of monthly series, QA ranked from 5 evaluations), and their validation with messages that name the option.
 */
import { isMetric, METRICS, type Metric } from '../domain/metrics.ts';
import type { ReportOptions } from '../domain/report-types.ts';

export function defaultReportOptions(): ReportOptions {
  return {
    windowDays: 28,
    eligibilityFloor: 30,
    topShare: 0.2,
    laggingShare: 0.2,
    weights: { csat: 1, fcr: 1, aht: 1, qa: 1, answer_rate: 1 },
    peerGroup: 'organisation',
    monthlyMonths: 6,
    qaMinEvaluations: 5,
  };
}

/**
 * Fills in defaults and checks every option; all problems are reported at once.
 * @param partial options to override (weights may be partial: others keep weight 1)
 * @returns complete, valid options
 * @throws Error naming each bad option, e.g. "topShare must be between 0 and 1, got 1.5"
 * @example resolveReportOptions({ windowDays: 14 }).eligibilityFloor // 30
 */
export function resolveReportOptions(
  partial: Partial<Omit<ReportOptions, 'weights'>> & {
    weights?: Partial<Record<Metric, number>>;
  } = {},
): ReportOptions {
  const defaults = defaultReportOptions();
  const defined = Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined));
  const options: ReportOptions = { ...defaults, ...defined, weights: { ...defaults.weights } };
  for (const [key, w] of Object.entries(partial.weights ?? {})) {
    if (w !== undefined) options.weights[key as Metric] = w;
  }
  const problems: string[] = [];
  if (!Number.isInteger(options.windowDays) || options.windowDays < 2) {
    problems.push(`windowDays must be a whole number of at least 2, got ${options.windowDays}`);
  }
  if (!Number.isFinite(options.eligibilityFloor) || options.eligibilityFloor < 0) {
    problems.push(`eligibilityFloor must be a number ≥ 0, got ${options.eligibilityFloor}`);
  }
  for (const key of ['topShare', 'laggingShare'] as const) {
    const v = options[key];
    if (!Number.isFinite(v) || v < 0 || v > 1)
      problems.push(`${key} must be between 0 and 1, got ${v}`);
  }
  if (options.topShare + options.laggingShare > 1) {
    problems.push(
      `topShare + laggingShare must be at most 1, got ${options.topShare + options.laggingShare}`,
    );
  }
  for (const key of Object.keys(options.weights)) {
    if (!isMetric(key))
      problems.push(`weights: unknown metric "${key}" (known: ${METRICS.join(', ')})`);
  }
  for (const metric of METRICS) {
    const w = options.weights[metric];
    if (!Number.isFinite(w) || w < 0)
      problems.push(`weights.${metric} must be a number ≥ 0, got ${w}`);
  }
  if (METRICS.every((m) => options.weights[m] === 0)) problems.push('weights must not all be 0');
  if (options.peerGroup !== 'organisation' && options.peerGroup !== 'site') {
    problems.push(`peerGroup must be "organisation" or "site", got "${options.peerGroup}"`);
  }
  if (!Number.isInteger(options.monthlyMonths) || options.monthlyMonths < 1) {
    problems.push(
      `monthlyMonths must be a whole number of at least 1, got ${options.monthlyMonths}`,
    );
  }
  if (!Number.isInteger(options.qaMinEvaluations) || options.qaMinEvaluations < 1) {
    problems.push(
      `qaMinEvaluations must be a whole number of at least 1, got ${options.qaMinEvaluations}`,
    );
  }
  if (problems.length > 0) throw new Error(`Invalid report options: ${problems.join('; ')}`);
  return options;
}

/**
 * Parses a weights list as typed on the command line. Metrics not named keep weight 1.
 * @throws Error naming the bad entry
 * @example parseWeights('csat=2,fcr=0.5') // { csat: 2, fcr: 0.5 }
 */
export function parseWeights(text: string): Partial<Record<Metric, number>> {
  const weights: Partial<Record<Metric, number>> = {};
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^([a-z_]+)\s*=\s*(\S+)$/.exec(part);
    if (!match) throw new Error(`weights: "${part}" must look like metric=number, e.g. csat=2`);
    const [, key = '', raw = ''] = match;
    if (!isMetric(key))
      throw new Error(`weights: unknown metric "${key}" (known: ${METRICS.join(', ')})`);
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0)
      throw new Error(`weights: ${key} must be a number ≥ 0, got "${raw}"`);
    weights[key] = value;
  }
  return weights;
}
