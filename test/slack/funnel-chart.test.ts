/**
 * The funnel in the extra chart slot (src/slack/funnel-chart.ts): which rate the tiers
 * view shows, and that only a viewer who may see agents gets one.
 */
import { describe, expect, it } from 'vitest';
import type { AgentReport } from '../../src/domain/report-types.ts';
import { funnelSlots, tiersFunnelMetric } from '../../src/slack/funnel-chart.ts';
import { teamReport, WINDOW } from '../../support/charts/fixtures.ts';

/** Five agents at n = 200 on every rate: CSAT and answer rate 160 of 200; FCR x of 200 as given. */
function teamWith(fcr: number[]) {
  const agents = fcr.map(
    (x, i) =>
      ({
        id: `A${i}`,
        name: `Agent ${i}`,
        values: { csat: 0.8, fcr: x / 200, answer_rate: 0.8 },
        numerators: { csat: 160, fcr: x, answer_rate: 160 },
        n: { csat: 200, fcr: 200, answer_rate: 200 },
      }) as unknown as AgentReport,
  );
  return { ...teamReport('Billing North'), agents };
}

describe('tiersFunnelMetric', () => {
  it('picks the rate with the most agents worse beyond chance', () => {
    // FCR: pooled (4·160 + 100)/1000 = 0.74; at n = 200 the 99.8% lower limit is
    // 0.74 − 3.09·√(0.74·0.26/200) = 0.74 − 0.0958 = 0.644 (by hand): 50% is below it.
    expect(tiersFunnelMetric(teamWith([160, 160, 160, 160, 100]))).toBe('fcr');
  });

  it('shows CSAT when no rate has anyone worse beyond chance', () => {
    expect(tiersFunnelMetric(teamWith([160, 160, 160, 160, 160]))).toBe('csat');
  });
});

describe('funnelSlots', () => {
  const team = teamWith([160, 160, 160, 160, 100]);

  it('fills the slot only for a viewer who may see agents', () => {
    const metric = { view: 'metric', team, window: WINDOW, metric: 'fcr' } as const;
    expect(funnelSlots.metric?.({ ...metric, funnel: true })?.name).toBe('fcr-funnel');
    expect(funnelSlots.metric?.({ ...metric, funnel: false })).toBeNull();
    expect(funnelSlots.metric?.(metric)).toBeNull();
    const tiers = { view: 'tiers' as const, team, windows: [] };
    expect(funnelSlots.tiers?.({ ...tiers, funnel: true })?.name).toBe('fcr-funnel');
    expect(funnelSlots.tiers?.(tiers)).toBeNull();
  });

  it('has no funnel for a mean (handle time)', () => {
    expect(
      funnelSlots.metric?.({ view: 'metric', team, window: WINDOW, metric: 'aht', funnel: true }),
    ).toBeNull();
  });
});
