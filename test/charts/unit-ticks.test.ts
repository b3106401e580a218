/**
 * One table of y-axis tick formatters (src/charts/specs/unit-ticks.ts), used by the trend,
 * monthly and dashboard charts alike. Handle time is in minutes: bare ticks under an axis
 * title that says "minutes", "8 min" on a dashboard panel, which has no axis title.
 */
import { describe, expect, it } from 'vitest';
import { FORMATTERS } from '../../src/charts/formatters.ts';
import type { ChartSpec } from '../../src/charts/spec.ts';
import { monthlyTrendSpec } from '../../src/charts/specs/monthly-trend.ts';
import { DASHBOARD_LAYOUT, teamDashboardSpec } from '../../src/charts/specs/team-dashboard.ts';
import { trendStabilitySpec } from '../../src/charts/specs/trend-stability.ts';
import { yTickFormat } from '../../src/charts/specs/unit-ticks.ts';
import type { Metric } from '../../src/domain/metrics.ts';
import { dashboardTeam, WINDOW } from '../../support/charts/fixtures.ts';

describe('yTickFormat: each unit to its formatter', () => {
  it.each([
    ['percent', 'titled', 'percent'],
    ['percent', 'untitled', 'percent'],
    ['seconds', 'titled', 'minutes'],
    ['seconds', 'untitled', 'minutes_unit'],
    ['score', 'titled', 'score'],
    ['score', 'untitled', 'score'],
  ] as const)('%s on a %s axis → %s', (unit, axis, format) => {
    expect(yTickFormat(unit, axis)).toEqual({ scale: 'y', format });
  });

  it('writes each tick as the chart means it: 87.5%, 5.3 under "minutes", 5.3 min alone, 86', () => {
    const tick = (unit: 'percent' | 'seconds' | 'score', axis: 'titled' | 'untitled', v: number) =>
      FORMATTERS[yTickFormat(unit, axis).format](v);
    expect(tick('percent', 'titled', 87.5)).toBe('87.5%');
    expect(tick('seconds', 'titled', 5.25)).toBe('5.3');
    expect(tick('seconds', 'untitled', 5.25)).toBe('5.3 min');
    expect(tick('score', 'untitled', 86)).toBe('86');
  });
});

describe('the three metric charts use it', () => {
  const monthly = [
    { month: '2026-09', value: 300, n: 1000 },
    { month: '2026-10', value: 330, n: 1100 },
  ];
  const base = dashboardTeam();
  const team = { ...base, metrics: { ...base.metrics, aht: { ...base.metrics.aht, monthly } } };
  const yFormat = (spec: ChartSpec | undefined) => spec?.tickFormats;

  it('the trend chart, whose y axis is titled: handle time in bare minutes, CSAT in percent', () => {
    const aht = trendStabilitySpec({ teamName: 'A', metric: 'aht', report: team.metrics.aht });
    const csat = trendStabilitySpec({ teamName: 'A', metric: 'csat', report: team.metrics.csat });
    expect(yFormat(aht)).toEqual([{ scale: 'y', format: 'minutes' }]);
    expect(yFormat(csat)).toEqual([{ scale: 'y', format: 'percent' }]);
  });

  it('the monthly chart, whose y axis is titled: handle time in bare minutes', () => {
    const spec = monthlyTrendSpec({ teamName: 'A', metric: 'aht', monthly });
    expect(yFormat(spec)).toEqual([{ scale: 'y', format: 'minutes' }]);
  });

  it('the dashboard panels, which have no y-axis title: handle time says "min"', () => {
    const spec = teamDashboardSpec({ team, window: WINDOW, monthly: 'aht' });
    const panels = spec.composite?.panels ?? [];
    const byMetric = new Map(DASHBOARD_LAYOUT.map((m, i) => [m, panels[i]] as [Metric, ChartSpec]));
    expect(yFormat(byMetric.get('aht'))).toEqual([{ scale: 'y', format: 'minutes_unit' }]);
    expect(yFormat(byMetric.get('csat'))).toEqual([{ scale: 'y', format: 'percent' }]);
    expect(yFormat(byMetric.get('qa'))).toEqual([{ scale: 'y', format: 'score' }]);
    // The sixth panel: handle time by month.
    expect(yFormat(panels[DASHBOARD_LAYOUT.length])).toEqual([
      { scale: 'y', format: 'minutes_unit' },
    ]);
  });
});
