/**
 * The five KPIs and how each is computed from summed counts (METRICS.md, "Metrics").
 * A ratio over any group is the ratio of the sums over that group; a group whose
 * denominator is 0 has no value. Their names for people are words, so they live in
 * the catalogue (src/messages/metric-names.ts).
 */
export const METRICS = ['csat', 'fcr', 'aht', 'qa', 'answer_rate'] as const;
export type Metric = (typeof METRICS)[number];

/**
 * Proportions (a count of successes over a count of trials): charted on a Laney p′ chart,
 * ranked on shrunk rates, shown with a Wilson interval (METRICS.md v2). The others (`qa`,
 * `aht`) are means.
 */
export const PROPORTION_METRICS = ['csat', 'fcr', 'answer_rate'] as const;
export type ProportionMetric = (typeof PROPORTION_METRICS)[number];

export function isProportion(metric: Metric): metric is ProportionMetric {
  return (PROPORTION_METRICS as readonly string[]).includes(metric);
}

/** Quality metrics and efficiency metrics, for the balance rule (METRICS.md, "Efficiency against quality"). */
export const QUALITY_METRICS: readonly Metric[] = ['csat', 'fcr', 'qa'];
export const EFFICIENCY_METRICS: readonly Metric[] = ['aht', 'answer_rate'];

/**
 * Summable fields as stored. `fcr_contacts` and `aht_contacts` are contacts_handled
 * counted only on rows where the metric's numerator was measured, so that a source
 * lacking a column yields "no value", never a ratio against contacts it did not measure.
 */
export const SUM_FIELDS = [
  'contacts_handled',
  'csat_positive',
  'csat_responses',
  'first_contact_resolved',
  'fcr_contacts',
  'handle_time_sec',
  'aht_contacts',
  'qa_score_total',
  'qa_evaluations',
  'answered_in_sla',
  'assigned',
] as const;
export type SumField = (typeof SUM_FIELDS)[number];
export type Sums = Record<SumField, number>;

export type Polarity = 'higher' | 'lower';
export type Unit = 'percent' | 'seconds' | 'score';

export interface MetricDef {
  key: Metric;
  numerator: SumField;
  denominator: SumField;
  /** Whether a higher value is better. */
  polarity: Polarity;
  unit: Unit;
  /** The lowest value the metric can take (LCL is clipped here). */
  floor: number;
  /** The highest value the metric can take, if bounded. */
  ceiling?: number;
}

export const METRIC_DEFS: Readonly<Record<Metric, MetricDef>> = {
  csat: {
    key: 'csat',
    numerator: 'csat_positive',
    denominator: 'csat_responses',
    polarity: 'higher',
    unit: 'percent',
    floor: 0,
    ceiling: 1,
  },
  fcr: {
    key: 'fcr',
    numerator: 'first_contact_resolved',
    denominator: 'fcr_contacts',
    polarity: 'higher',
    unit: 'percent',
    floor: 0,
    ceiling: 1,
  },
  aht: {
    key: 'aht',
    numerator: 'handle_time_sec',
    denominator: 'aht_contacts',
    polarity: 'lower',
    unit: 'seconds',
    floor: 0,
  },
  qa: {
    key: 'qa',
    numerator: 'qa_score_total',
    denominator: 'qa_evaluations',
    polarity: 'higher',
    unit: 'score',
    floor: 0,
    ceiling: 100,
  },
  answer_rate: {
    key: 'answer_rate',
    numerator: 'answered_in_sla',
    denominator: 'assigned',
    polarity: 'higher',
    unit: 'percent',
    floor: 0,
    ceiling: 1,
  },
};

export function isMetric(value: string): value is Metric {
  return (METRICS as readonly string[]).includes(value);
}

export function emptySums(): Sums {
  const sums = {} as Sums;
  for (const field of SUM_FIELDS) sums[field] = 0;
  return sums;
}

/** Adds b into a, field by field. Missing fields count as 0 (not measured contributes nothing). */
export function addSums(a: Sums, b: Partial<Sums>): Sums {
  for (const field of SUM_FIELDS) a[field] += b[field] ?? 0;
  return a;
}

/**
 * The metric's value over a group, as the ratio of its sums, or null when the
 * denominator is 0 (METRICS.md: "a group whose denominator is 0 has no value").
 * @example metricValue({ csat_positive: 45, csat_responses: 50, ... }, 'csat') // 0.9
 */
export function metricValue(sums: Partial<Sums>, metric: Metric): number | null {
  const def = METRIC_DEFS[metric];
  const den = sums[def.denominator] ?? 0;
  if (den <= 0) return null;
  return (sums[def.numerator] ?? 0) / den;
}

/** The count the metric's value rests on (its denominator), for "n = …". */
export function metricN(sums: Partial<Sums>, metric: Metric): number {
  return sums[METRIC_DEFS[metric].denominator] ?? 0;
}

/** +1 when higher is better, −1 when lower is better. */
export function polaritySign(metric: Metric): 1 | -1 {
  return METRIC_DEFS[metric].polarity === 'higher' ? 1 : -1;
}
