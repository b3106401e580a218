import { describe, expect, it } from 'vitest';
import { ALT_TEXT_LIMIT, type ChartSpec, clampAltText } from '../../src/charts/spec.ts';
import { contactMixSpec, MIX_COLORS } from '../../src/charts/specs/contact-mix.ts';
import { enablementFunnelSpec } from '../../src/charts/specs/enablement-funnel.ts';
import { monthlyTrendSpec } from '../../src/charts/specs/monthly-trend.ts';
import { tierMixTeamsSpec } from '../../src/charts/specs/tier-mix-teams.ts';
import { tierMixWindowsSpec } from '../../src/charts/specs/tier-mix-windows.ts';
import { SIGNAL_SHAPES, trendStabilitySpec } from '../../src/charts/specs/trend-stability.ts';
import { addDays } from '../../src/domain/dates.ts';
import type { ContactMix, MetricReport, Signal } from '../../src/domain/report-types.ts';
import {
  decliningCsat,
  ENABLEMENT_TEAMS,
  monthlyCsat,
  risingAht,
  shiftedContactMix,
  TEAM_TIER_MIXES,
  TIER_WINDOWS,
  WINDOW,
} from '../../support/charts/fixtures.ts';

const FROM = '2026-10-04';
const days = (idx: number[]) => idx.map((i) => addDays(FROM, i));

/** A hand-built report: the line and limits are given, not computed. */
function handReport(over: {
  values: number[];
  slope: number | null;
  intercept: number | null;
  direction: MetricReport['trend']['direction'];
  mean: number;
  ucl: number;
  lcl: number;
  signals: Signal[];
}): MetricReport {
  return {
    value: over.mean,
    n: over.values.length * 40,
    series: over.values.map((value, i) => ({ date: addDays(FROM, i), value, n: 40 })),
    monthly: [],
    trend: {
      slopePerDay: over.slope,
      intercept: over.intercept,
      s: -200,
      z: -3.1,
      p: 0.002,
      direction: over.direction,
      points: over.values.length,
    },
    stability: {
      chart: 'xmr',
      mean: over.mean,
      ucl: over.ucl,
      lcl: over.lcl,
      mrBar: 0.02,
      cv: 0.04,
      status: over.signals.length ? 'volatile' : 'stable',
      signals: over.signals,
    },
    health: 'at_risk',
    reasons: [],
  };
}

const datasets = (spec: ChartSpec) => spec.config?.data.datasets ?? [];
const dataOf = (spec: ChartSpec, prefix: string): unknown => {
  const found = byLabel(spec, prefix);
  if (!found) throw new Error(`no dataset labelled ${prefix}…`);
  return found.data;
};
const byLabel = (spec: ChartSpec, prefix: string) =>
  datasets(spec).find((d) => String(d.label).startsWith(prefix));

describe('trend and stability spec', () => {
  const csat = handReport({
    values: Array.from({ length: 28 }, (_, i) => 0.88 - 0.003 * i),
    slope: -0.003,
    intercept: 0.88,
    direction: 'declining',
    mean: 0.84,
    ucl: 0.9,
    lcl: 0.78,
    signals: [
      { rule: 'beyond_limits', dates: days([10]), points: days([10]), side: 'below', bad: true },
      {
        rule: 'beyond_limits',
        dates: days([20, 21]),
        points: days([20, 21]),
        side: 'below',
        bad: true,
      },
    ],
  });

  it('states the finding in the alt text: the trend line from 88.0% (day 0) to 79.9% (0.88 − 27 × 0.003) and 3 days below the LCL', () => {
    const spec = trendStabilitySpec({ teamName: 'Team A', metric: 'csat', report: csat });
    expect(spec.altText).toBe(
      'CSAT for Team A fell from 88.0% to 79.9% over 28 days; 3 days below the lower limit.',
    );
  });

  it('says handle time in minutes and seconds, names a run, and says lower is better', () => {
    const aht = handReport({
      values: Array.from({ length: 28 }, (_, i) => 300 + 2 * i),
      slope: 2,
      intercept: 300,
      direction: 'declining',
      mean: 327,
      ucl: 380,
      lcl: 274,
      signals: [
        {
          rule: 'run',
          dates: days([20, 27]),
          points: days([20, 21, 22, 23, 24, 25, 26, 27]),
          side: 'above',
          bad: true,
        },
      ],
    });
    const spec = trendStabilitySpec({ teamName: 'Team B', metric: 'aht', report: aht });
    // 300 s = 5m 00s; 300 + 27 × 2 = 354 s = 5m 54s
    expect(spec.altText).toBe(
      'Handle time for Team B rose from 5m 00s to 5m 54s over 28 days; a run of 8 days above the centre line. Lower is better.',
    );
    expect(spec.config?.options.scales).toMatchObject({
      y: { title: { text: 'Handle time (minutes), lower is better' } },
    });
    // Daily values in minutes: 300 s → 5, 354 s → 5.9
    const daily = byLabel(spec, 'Daily')?.data as number[];
    expect(daily[0]).toBeCloseTo(5, 9);
    expect(daily[27]).toBeCloseTo(5.9, 9);
    expect(spec.tickFormats).toEqual([{ scale: 'y', format: 'minutes' }]);
    expect(
      ((spec.config?.options.plugins ?? {}) as unknown as { title: { text: string } }).title.text,
    ).toBe('Handle time, Team B: volatile, rising (worse)');
  });

  it('says "held steady" for a flat trend and that no day broke the limits', () => {
    const flat = handReport({
      values: Array(28).fill(0.85),
      slope: 0,
      intercept: 0.85,
      direction: 'flat',
      mean: 0.85,
      ucl: 0.9,
      lcl: 0.8,
      signals: [],
    });
    expect(trendStabilitySpec({ teamName: 'Team A', metric: 'csat', report: flat }).altText).toBe(
      'CSAT for Team A held steady around 85.0% over 28 days; no days outside the control limits.',
    );
  });

  it('draws the Theil–Sen line from intercept + slope × day, in %', () => {
    const spec = trendStabilitySpec({ teamName: 'Team A', metric: 'csat', report: csat });
    const line = byLabel(spec, 'Trend')?.data as number[];
    expect(line).toHaveLength(28);
    expect(line[0]).toBeCloseTo(88, 9);
    expect(line[27]).toBeCloseTo(79.9, 9);
  });

  it('measures the trend line from the window start, not the first day with data', () => {
    const late = { ...csat, series: csat.series.slice(3) };
    const spec = trendStabilitySpec({
      teamName: 'Team A',
      metric: 'csat',
      report: late,
      window: { from: FROM, to: addDays(FROM, 27) },
    });
    expect(spec.config?.data.labels).toHaveLength(28);
    expect((dataOf(spec, 'Trend') as number[])[3]).toBeCloseTo(88 - 0.9, 9);
    expect((dataOf(spec, 'Daily') as (number | null)[]).slice(0, 4)).toEqual([
      null,
      null,
      null,
      expect.closeTo(87.1, 9),
    ]);
  });

  it('marks each signal rule with its own shape and only on its own days', () => {
    const spec = trendStabilitySpec({
      teamName: 'Team B',
      metric: 'aht',
      report: risingAht(),
      window: WINDOW,
    });
    const run = byLabel(spec, 'Run of 8 (worse)');
    const beyond = byLabel(spec, 'Beyond limits (worse)');
    expect(run?.pointStyle).toBe(SIGNAL_SHAPES.run);
    expect(beyond?.pointStyle).toBe(SIGNAL_SHAPES.beyond_limits);
    expect(SIGNAL_SHAPES.run).not.toBe(SIGNAL_SHAPES.beyond_limits);
    // risingAht's run covers days 18–26 of the window.
    const marked = ((run?.data ?? []) as (number | null)[]).flatMap((v, i) =>
      v === null ? [] : [i],
    );
    expect(marked).toEqual([18, 19, 20, 21, 22, 23, 24, 25, 26]);
  });

  it('gives better-side signals a hollow marker and a "(better)" legend entry', () => {
    const report = handReport({
      values: Array(28).fill(0.85),
      slope: 0,
      intercept: 0.85,
      direction: 'flat',
      mean: 0.85,
      ucl: 0.9,
      lcl: 0.8,
      signals: [
        { rule: 'beyond_limits', dates: days([3]), points: days([3]), side: 'above', bad: false },
      ],
    });
    const good = byLabel(
      trendStabilitySpec({ teamName: 'A', metric: 'csat', report }),
      'Beyond limits (better)',
    );
    expect(good?.pointBackgroundColor).toBe('#FFFFFF');
  });

  it('gives a "No data for …" spec for an empty series', () => {
    const empty = { ...csat, series: [] };
    const spec = trendStabilitySpec({ teamName: 'Team A', metric: 'csat', report: empty });
    expect(spec.empty?.message).toBe('No data for CSAT for Team A');
    expect(spec.config).toBeUndefined();
  });

  it('refuses a series that lies outside the window, naming the date', () => {
    expect(() =>
      trendStabilitySpec({
        teamName: 'Team A',
        metric: 'csat',
        report: csat,
        window: { from: '2026-10-05', to: '2026-10-31' },
      }),
    ).toThrow(
      /series date 2026-10-04 is outside the window 2026-10-05…2026-10-31 for CSAT, Team A/,
    );
  });
});

describe('monthly trend spec', () => {
  it('states first, last, best and worst month', () => {
    const monthly = [
      { month: '2026-08', value: 0.8, n: 100 },
      { month: '2026-09', value: 0.9, n: 120 },
      { month: '2026-10', value: 0.85, n: 90 },
    ];
    const spec = monthlyTrendSpec({ teamName: 'Team A', metric: 'csat', monthly });
    expect(spec.altText).toBe(
      'CSAT for Team A by month, Aug 2026 to Oct 2026: from 80.0% to 85.0% (+5.0 pts). Best month Sep 2026 (90.0%), worst Aug 2026 (80.0%).',
    );
    expect(spec.config?.data.labels[1]).toEqual(['Sep 2026', 'n = 120']);
  });

  it('ranks handle-time months with lower as better', () => {
    const monthly = [
      { month: '2026-09', value: 300, n: 100 },
      { month: '2026-10', value: 360, n: 100 },
    ];
    expect(monthlyTrendSpec({ teamName: 'B', metric: 'aht', monthly }).altText).toContain(
      'Best month Sep 2026 (5m 00s), worst Oct 2026 (6m 00s). Lower is better.',
    );
  });

  it('rejects a month that is not YYYY-MM', () => {
    expect(() =>
      monthlyTrendSpec({
        teamName: 'A',
        metric: 'csat',
        monthly: [{ month: '2026-9', value: 1, n: 1 }],
      }),
    ).toThrow(/"2026-9".*not YYYY-MM/);
  });
});

describe('tier mix across teams spec', () => {
  const teams = [
    { name: 'A', tierMix: { top: 2, average: 6, lagging: 2, insufficient_data: 0 } },
    { name: 'B', tierMix: { top: 1, average: 3, lagging: 6, insufficient_data: 1 } },
    { name: 'C', tierMix: { top: 3, average: 6, lagging: 1, insufficient_data: 0 } },
  ];

  it('puts the worst mix first and names it in the alt text (B: 60% lagging; others 20% and 10%, median 15%)', () => {
    const spec = tierMixTeamsSpec({ teams });
    expect(spec.config?.data.labels.map((l) => (l as string[])[0])).toEqual(['B', 'A', 'C']);
    expect(spec.altText).toBe(
      'Tier mix across 3 teams, as shares of tiered agents. B stands out: 60% lagging (6 of 10) against a median of 15% for the others. ' +
        'B: 1 top, 3 average, 6 lagging (1 not yet tiered); A: 2 top, 6 average, 2 lagging; C: 3 top, 6 average, 1 lagging.',
    );
  });

  it('stacks shares of tiered agents (insufficient_data apart) and labels counts with shares', () => {
    const spec = tierMixTeamsSpec({ teams });
    expect(byLabel(spec, 'Lagging')?.data).toEqual([60, 20, 10]);
    expect(spec.valueLabels?.labels[2]?.[0]).toBe('6 · 60%');
    expect(spec.config?.data.labels[0]).toEqual(['B', '10 tiered, +1 new']);
  });

  it('gives a no-data spec when no team has tiered agents', () => {
    expect(
      tierMixTeamsSpec({
        teams: [{ name: 'A', tierMix: { top: 0, average: 0, lagging: 0, insufficient_data: 4 } }],
      }).empty,
    ).toBeDefined();
  });

  it('rejects a negative count, naming the team and tier', () => {
    expect(() =>
      tierMixTeamsSpec({
        teams: [{ name: 'A', tierMix: { top: -1, average: 0, lagging: 0, insufficient_data: 0 } }],
      }),
    ).toThrow(/A's tierMix.top/);
  });
});

describe('tier mix over windows spec', () => {
  it('states how lagging and top moved from the first window to the last', () => {
    const spec = tierMixWindowsSpec({
      teamName: 'A',
      windows: [
        { label: 'W1', mix: { top: 2, average: 6, lagging: 2, insufficient_data: 0 } },
        { label: 'W2', mix: { top: 4, average: 5, lagging: 1, insufficient_data: 3 } },
      ],
    });
    expect(spec.altText).toBe(
      'Tier mix for A over the last 2 windows (W1 to W2): lagging went from 20% to 10% of tiered agents, top went from 20% to 40%.',
    );
  });

  it('keeps only the last 8 windows', () => {
    const ten = [...TIER_WINDOWS, ...TIER_WINDOWS.slice(0, 2)].map((w, i) => ({
      ...w,
      label: `W${i}`,
    }));
    const spec = tierMixWindowsSpec({ teamName: 'A', windows: ten });
    expect(spec.config?.data.labels.map((l) => (l as string[])[0])).toEqual([
      'W2',
      'W3',
      'W4',
      'W5',
      'W6',
      'W7',
      'W8',
      'W9',
    ]);
  });
});

describe('contact mix spec', () => {
  const mix: ContactMix = {
    shift: true,
    chiSquare: 30,
    df: 2,
    p: 0.0004,
    drivers: [
      {
        reason: 'Billing',
        before: 0.2,
        after: 0.35,
        residual: 4.1,
        countBefore: 200,
        countAfter: 70,
      },
      {
        reason: 'Password',
        before: 0.3,
        after: 0.2,
        residual: -2.5,
        countBefore: 300,
        countAfter: 40,
      },
      {
        reason: 'Other',
        before: 0.5,
        after: 0.45,
        residual: -0.9,
        countBefore: 500,
        countAfter: 90,
      },
    ],
    nBefore: 1000,
    nAfter: 200,
    baseline: { from: '2026-09-27', to: '2026-10-24' },
    recent: { from: '2026-10-25', to: '2026-10-31' },
  };

  it('names the drivers and how their shares moved', () => {
    expect(contactMixSpec({ teamName: 'A', mix }).altText).toBe(
      'Contact reasons for A shifted in the last 7 days (p < 0.001): Billing rose from 20.0% to 35.0% of contacts; Password fell from 30.0% to 20.0%.',
    );
  });

  it('highlights drivers (|residual| > 1.96) by colour and by ▲/▼ in the label, not the others', () => {
    const spec = contactMixSpec({ teamName: 'A', mix });
    expect(spec.config?.data.labels).toEqual(['▲ Billing', '▼ Password', 'Other']);
    const driver = byLabel(spec, '▲▼ Driver');
    expect(driver?.backgroundColor).toBe(MIX_COLORS.driver);
    expect(driver?.data).toEqual([35, 20, null]);
    expect(byLabel(spec, 'Last 7 days')?.data).toEqual([null, null, 45]);
  });

  it('highlights nothing when the chi-square test found no shift', () => {
    const steady = { ...mix, shift: false, p: 0.42 };
    const spec = contactMixSpec({ teamName: 'A', mix: steady });
    expect(spec.config?.data.labels).toEqual(['Billing', 'Password', 'Other']);
    expect(spec.altText).toBe(
      'Contact reasons for A held steady in the last 7 days against the 28 before (p = 0.420); largest change Billing +15.0 pts.',
    );
  });

  it('rejects a share outside 0…1, naming the reason', () => {
    const bad = {
      ...mix,
      drivers: [{ ...(mix.drivers[0] as ContactMix['drivers'][number]), after: 35 }],
    };
    expect(() => contactMixSpec({ teamName: 'A', mix: bad })).toThrow(
      /"Billing" has after share 35/,
    );
  });
});

describe('enablement funnel spec', () => {
  const agents = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      id: `a${i}`,
      diagnosis: 'on_track' as const,
      action: '',
      executionRate: null,
    }));

  it('names where each team loses the most agents', () => {
    const spec = enablementFunnelSpec({
      initiativeId: 'init',
      teams: [
        {
          name: 'X',
          report: {
            initiativeId: 'init',
            stages: { learned: 9, knowledge_check: 8, simulation: 7, execution: 2 },
            agents: agents(10),
          },
        },
        {
          name: 'Y',
          report: {
            initiativeId: 'init',
            stages: { learned: 5, knowledge_check: 5, simulation: 4, execution: 4 },
            agents: agents(10),
          },
        },
      ],
    });
    // X: 10 → 9 → 8 → 7 → 2, biggest drop 5 at execution; Y: 10 → 5 → 5 → 4 → 4, biggest drop 5 at learning.
    expect(spec.altText).toBe(
      'Enablement of init across 2 teams. X: 9 of 10 learned it, 7 passed the simulation, 2 apply it (biggest drop: 5 agents between the simulation and execution). ' +
        'Y: 5 of 10 learned it, 4 passed the simulation, 4 apply it (biggest drop: 5 agents between enrolment and learning).',
    );
    expect(byLabel(spec, 'Applies it')?.data).toEqual([20, 40]);
  });
});

describe('every spec', () => {
  const all: [string, ChartSpec][] = [
    [
      'trend',
      trendStabilitySpec({
        teamName: 'A',
        metric: 'csat',
        report: decliningCsat(),
        window: WINDOW,
      }),
    ],
    [
      'trend aht',
      trendStabilitySpec({ teamName: 'A', metric: 'aht', report: risingAht(), window: WINDOW }),
    ],
    [
      'monthly',
      monthlyTrendSpec({ teamName: 'A', metric: 'csat', monthly: monthlyCsat().monthly }),
    ],
    ['tiers', tierMixTeamsSpec({ teams: TEAM_TIER_MIXES })],
    ['windows', tierMixWindowsSpec({ teamName: 'A', windows: TIER_WINDOWS })],
    ['mix', contactMixSpec({ teamName: 'A', mix: shiftedContactMix() })],
    ['enablement', enablementFunnelSpec({ initiativeId: 'x', teams: ENABLEMENT_TEAMS })],
    ['empty', monthlyTrendSpec({ teamName: 'A', metric: 'csat', monthly: [] })],
  ];

  it.each(all)(
    '%s survives a JSON round trip unchanged (no functions, no undefined)',
    (_, spec) => {
      expect(JSON.parse(JSON.stringify(spec))).toStrictEqual(spec);
    },
  );

  it.each(all)('%s has alt text within Slack’s 2,000 characters', (_, spec) => {
    expect(spec.altText.length).toBeGreaterThan(20);
    expect(spec.altText.length).toBeLessThanOrEqual(ALT_TEXT_LIMIT);
  });

  it('cuts the alt text of 300 teams to 2,000 characters, ending in …', () => {
    const teams = Array.from({ length: 300 }, (_, i) => ({
      name: `Team number ${i}`,
      tierMix: { top: 2, average: 6, lagging: 2, insufficient_data: 0 },
    }));
    const alt = tierMixTeamsSpec({ teams }).altText;
    expect(alt.length).toBeLessThanOrEqual(2000);
    expect(alt.endsWith('…')).toBe(true);
    expect(clampAltText('short')).toBe('short');
  });
});
