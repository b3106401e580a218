/**
 * The words for an agent's own lines, strength and focus (src/analytics/coaching.ts
 * gives the findings), shared by the coaching DM and the agent's view. The rules, also
 * in docs/metrics.md "Claims":
 * - "ahead of most of your peers" only at a percentile of 0.5 or more; below that, the
 *   strength is "your strongest area this month", which is true of any best metric;
 * - every metric sharing the best (or worst) percentile is named;
 * - QA under the review threshold says "not enough reviews yet";
 * - a proportion (CSAT, FCR, answer rate) carries its Wilson 95% interval.
 */
import type { CoachingLine, Standing, StandingFinding } from '../src/analytics/coaching.ts';
import { formatInterval, formatN, formatValue } from '../src/messages/format.ts';
import { metricLabel } from '../src/messages/metric-names.ts';
import { tn } from '../src/messages/plural.ts';
import { t } from '../src/messages/t.ts';
import { listJoin } from '../src/messages/words.ts';

/** The percentile from which a strength is "ahead of most of your peers". */
export const AHEAD_OF_MOST = 0.5;

const labels = (finding: StandingFinding) => listJoin(finding.metrics.map((m) => metricLabel(m)));

/**
 * "*CSAT*: 83.5% (77–89%, n = 176 survey responses) · team median 86.0%": a proportion
 * carries its Wilson 95% interval; QA under the threshold says "not enough reviews yet".
 */
export function agentMetricLine(line: CoachingLine, qaMin: number): string {
  const params = {
    label: metricLabel(line.metric),
    value: line.value === null ? t('common.no_value') : formatValue(line.metric, line.value),
    n: formatN(line.metric, line.n),
    median: formatValue(line.metric, line.teamMedian),
  };
  if (line.tooFewReviews) return t('agent.metric_line_few_reviews', { ...params, min: qaMin });
  if (line.interval && line.value !== null)
    return t('agent.metric_line_interval', { ...params, interval: formatInterval(line.interval) });
  return t('agent.metric_line', params);
}

/** The strength's sentence, chosen by its percentile. */
export function strengthSentence(strength: StandingFinding): string {
  return tn(
    strength.percentile >= AHEAD_OF_MOST ? 'agent.strength_ahead' : 'agent.strength_best',
    strength.metrics.length,
    { labels: labels(strength) },
  );
}

export function focusSentence(focus: StandingFinding): string {
  return tn('agent.focus', focus.metrics.length, { labels: labels(focus) });
}

/** The strength and focus sentences, or the one true sentence saying why there are none. */
export function standingSentences(standing: Standing): string[] {
  if (standing.strength && standing.focus)
    return [strengthSentence(standing.strength), focusSentence(standing.focus)];
  return [t(standing.none === 'even' ? 'agent.even' : 'agent.no_strength')];
}

/** The notification text: "Your numbers over 28 days: strength CSAT, focus FCR." */
export function standingFallback(standing: Standing, days: number): string {
  if (!standing.strength || !standing.focus) return t('agent.fallback_none', { days });
  return t('agent.fallback', {
    days,
    strength: labels(standing.strength),
    focus: labels(standing.focus),
  });
}
