/**
 * The shape of a team report: what analytics produce and what charts, blocks, jobs
 * and `teamhealth report --json` consume. Field names are fixed (issue #3).
 */
import type { Metric, ProportionMetric } from './metrics.ts';
import type { EnablementStage, LocalDate } from './records.ts';

export type Direction = 'improving' | 'declining' | 'flat' | 'insufficient_data';
export type StabilityStatus = 'stable' | 'volatile' | 'insufficient_data';
export type Health = 'healthy' | 'watch' | 'at_risk' | 'insufficient_data';
export type Tier = 'top' | 'average' | 'lagging';
export type TierOrInsufficient = Tier | 'insufficient_data';

export interface SeriesPoint {
  date: LocalDate;
  value: number;
  /** The denominator the value rests on. */
  n: number;
}

export interface MonthlyPoint {
  /** `YYYY-MM` */
  month: string;
  value: number;
  n: number;
}

export interface Trend {
  /** Theil–Sen slope in metric units per day; null with insufficient data. */
  slopePerDay: number | null;
  /** Intercept of the Theil–Sen line at day 0 (the window's first day), for drawing it. */
  intercept: number | null;
  /** Mann–Kendall S statistic. */
  s: number | null;
  z: number | null;
  /** Two-sided p from the normal approximation. */
  p: number | null;
  direction: Direction;
  /** Points the trend rests on. */
  points: number;
}

export type SignalRule = 'beyond_limits' | 'run' | 'drift';

export interface Signal {
  rule: SignalRule;
  /** First and last date the signal covers (a single date for a lone point). */
  dates: LocalDate[];
  /** Every date in the signal, for marking on charts. */
  points: LocalDate[];
  /** Which side: above/below CL (beyond_limits, run) or up/down (drift). */
  side: 'above' | 'below' | 'up' | 'down';
  /** True when this side is bad for the metric's polarity. */
  bad: boolean;
}

/** One day's control limits on a Laney p′ chart (each day has its own, from its n). */
export interface DayLimits {
  date: LocalDate;
  lcl: number;
  ucl: number;
}

/** What both control charts report (METRICS.md, "Stability"). */
interface StabilityCommon {
  /** Centre line: the mean of the daily values (XmR) or p̄ = Σx/Σn (p′). */
  mean: number | null;
  /** Mean moving range: of the daily values (XmR), of the daily z-scores (p′). */
  mrBar: number | null;
  /** Coefficient of variation of the daily values, population sd / mean. */
  cv: number | null;
  status: StabilityStatus;
  signals: Signal[];
}

/** XmR chart, for means (`qa`, `aht`): one pair of limits for the whole window. */
export interface XmrStability extends StabilityCommon {
  chart: 'xmr';
  ucl: number | null;
  lcl: number | null;
}

/**
 * Laney p′ chart, for proportions (`csat`, `fcr`, `answer_rate`): limits day by day,
 * wider on thin days, so there is no single `ucl`/`lcl` (both null).
 */
export interface PPrimeStability extends StabilityCommon {
  chart: 'p_prime';
  ucl: null;
  lcl: null;
  /** One entry per day of the series, in order (empty with fewer than 2 days). */
  limits: DayLimits[];
  /** σ_z = MR̄_z / 1.128: how much more (or less) the days vary than binomial chance. */
  sigmaZ: number | null;
}

export type Stability = XmrStability | PPrimeStability;

export interface MetricReport {
  /** Ratio of sums over the window; null if the denominator is 0. */
  value: number | null;
  /** Denominator over the window. */
  n: number;
  series: SeriesPoint[];
  monthly: MonthlyPoint[];
  trend: Trend;
  stability: Stability;
  health: Health;
  /** Why: which rule, which days, as facts (blocks/ and src/messages/ make the words). */
  reasons: HealthReason[];
}

/**
 * One reason for a metric's health, as data (ARCHITECTURE.md, "Words at the edge"):
 * - `too_few_points`: a value on `points` of the window's `days`; a trend needs `min`;
 * - `trend`: the window's trend direction, its Theil–Sen slope and Mann–Kendall p;
 * - `signal`: one control-chart signal with every date it covers, and the limit (for
 *   `beyond_limits`, when the chart has one value for it) or centre (for `run`) it crossed.
 */
export type HealthReason =
  | { kind: 'too_few_points'; points: number; days: number; min: number }
  | {
      kind: 'trend';
      direction: Direction;
      slopePerDay: number;
      p: number | null;
      days: number;
    }
  | {
      kind: 'signal';
      rule: SignalRule;
      side: Signal['side'];
      /** Every date in the signal. */
      dates: LocalDate[];
      /** The crossed limit (beyond_limits) or centre (run), when one value applies. */
      level: number | null;
    };

export interface TierMix {
  top: number;
  average: number;
  lagging: number;
  insufficient_data: number;
}

/** previous tier → current tier → count */
export type TierMovement = Record<Tier, Record<Tier, number>>;

export interface AgentReport {
  id: string;
  name: string;
  team_id: string;
  tier: TierOrInsufficient;
  composite: number | null;
  /** contacts_handled over the window */
  contacts: number;
  /**
   * Per-metric percentile among eligible agents of the peer group (0 worst … 1 best),
   * ranked on `rankingValues`.
   */
  percentiles: Partial<Record<Metric, number>>;
  /**
   * What each metric is ranked on (METRICS.md v2, "Ranking values"): proportions shrunk
   * toward the peer group by empirical Bayes, QA only with enough reviews, handle time raw.
   * Eligible agents only; a metric without a ranking value has no percentile.
   */
  rankingValues: Partial<Record<Metric, number>>;
  /** Wilson 95% interval [lo, hi] of each proportion with n > 0 (csat, fcr, answer_rate). */
  intervals: Partial<Record<ProportionMetric, [number, number]>>;
  /**
   * The summed numerator x of each proportion with n > 0 (its value is x/n): the counts
   * the funnel view rests on, carried rather than rebuilt from the value.
   */
  numerators: Partial<Record<ProportionMetric, number>>;
  /** Per-metric value over the window. */
  values: Partial<Record<Metric, number>>;
  /** Per-metric denominator over the window. */
  n: Partial<Record<Metric, number>>;
  previousTier: TierOrInsufficient | null;
  previousComposite: number | null;
}

export interface MixDriver {
  reason: string;
  /** Share of the team's contacts in the 28 baseline days. */
  before: number;
  /** Share in the last 7 days. */
  after: number;
  /** Adjusted standardised residual of the recent cell. */
  residual: number;
  countBefore: number;
  countAfter: number;
}

export interface ContactMix {
  shift: boolean;
  chiSquare: number | null;
  df: number | null;
  p: number | null;
  drivers: MixDriver[];
  /** Contacts in the baseline and recent periods. */
  nBefore: number;
  nAfter: number;
  baseline: { from: LocalDate; to: LocalDate };
  recent: { from: LocalDate; to: LocalDate };
}

export type EnablementDiagnosis =
  | 'not_learned'
  | 'not_understood'
  | 'cannot_apply'
  | 'not_yet_habit'
  | 'on_track';

export interface EnablementAgent {
  id: string;
  /** The root cause; its suggested action is words (`enablement.action.*`). */
  diagnosis: EnablementDiagnosis;
  /** Execution rate when known. */
  executionRate: number | null;
}

export interface EnablementReport {
  initiativeId: string;
  /** Agents who passed each checkpoint (execution: rate ≥ 80%). */
  stages: Record<EnablementStage, number>;
  agents: EnablementAgent[];
}

export interface BalanceFlag {
  kind: 'speed_over_quality' | 'quality_over_speed';
  improving: Metric | Metric[];
  declining: Metric[];
}

export interface PeerMatch {
  metric: Metric;
  /** Agent id of the team's best eligible agent on the metric. */
  leader: string;
  /** Every agent sharing the leader's ranking value (the leader included), sorted by id. */
  leaders: string[];
  /** Agents whose weakest metric (by percentile) this is. */
  learners: string[];
  /** Leader's ranking value minus the learners' mean ranking value, in metric units (polarity applied: positive = leader better). */
  gap: number;
}

export interface TeamReport {
  id: string;
  name: string;
  site: string;
  timezone: string;
  metrics: Record<Metric, MetricReport>;
  tierMix: TierMix;
  tierMovement: TierMovement;
  agents: AgentReport[];
  contactMix: ContactMix;
  enablement: EnablementReport[];
  balance: BalanceFlag[];
  peers: PeerMatch[];
}

export interface OrgReport {
  asOf: LocalDate;
  window: { from: LocalDate; to: LocalDate };
  previousWindow: { from: LocalDate; to: LocalDate };
  options: ReportOptions;
  teams: TeamReport[];
}

export interface ReportOptions {
  /** Analysis window length in days (default 28). */
  windowDays: number;
  /** Minimum contacts_handled in the window for an agent to be tiered (default 30). */
  eligibilityFloor: number;
  /** Share of eligible agents in the top and lagging tiers (default 0.2 each). */
  topShare: number;
  laggingShare: number;
  /** Composite weights per metric (default equal). */
  weights: Record<Metric, number>;
  /** Percentiles computed across the whole organisation or within each site. */
  peerGroup: 'organisation' | 'site';
  /** Months of monthly series (default 6). */
  monthlyMonths: number;
  /** QA is ranked only with at least this many evaluations in the window (default 5). */
  qaMinEvaluations: number;
}
