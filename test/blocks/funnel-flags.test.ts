import { describe, expect, it } from 'vitest';
import { funnelFlagsText } from '../../blocks/funnel-flags.ts';
import { agentReport } from './fixtures.ts';

// Five agents with 40 survey answers each (the fixture's n): CSAT 38, 36, 34, 36 and 12
// of 40. Pooled m = 156/200 = 0.78; at n = 40 the 99.8% lower limit is
// 0.78 − 3.09·√(0.78·0.22/40) = 0.5776 (by hand), so only 12 of 40 (30%) is outside it.
const team = {
  agents: [
    agentReport('A1', 'Ana', 'T1', 'average', {}, { csat: 0.95 }),
    agentReport('A2', 'Bo', 'T1', 'average', {}, { csat: 0.9 }),
    agentReport('A3', 'Cy', 'T1', 'average', {}, { csat: 0.85 }),
    agentReport('A4', 'Di', 'T1', 'average', {}, { csat: 0.9 }),
    agentReport('A5', '<!channel> Lee & co', 'T1', 'average', {}, { csat: 0.3 }),
  ],
};

describe('funnelFlagsText', () => {
  it('names only the agent outside the 99.8% limits on the worse side, escaped, with interval and n', () => {
    const text = funnelFlagsText(team, ['csat']);
    // 12 of 40: scipy binomtest(12, 40).proportion_ci(method='wilson') = 0.1807 – 0.4543 → 18–46%.
    expect(text).toContain(
      '• CSAT: &lt;!channel&gt; Lee &amp; co 30.0% (18–46%, n = 40 survey responses)',
    );
    for (const name of ['Ana', 'Bo', 'Cy', 'Di']) expect(text).not.toContain(name);
  });

  it('says nobody is outside when every agent is within chance', () => {
    const text = funnelFlagsText({ agents: team.agents.slice(0, 4) }, ['csat']);
    expect(text).toContain('CSAT: nobody is outside the 99.8% limits on the worse side');
  });

  it('never names an agent outside the limits on the better side', () => {
    // Four agents at 22 of 40 (55%) and Max at 330 of 400 (82.5%). Pooled m = 418/560 =
    // 0.7464 (by hand). At n = 400 the 99.8% upper limit is 0.7464 + 3.09·√(0.7464·0.2536/400)
    // = 0.8136, so Max is above it: better beyond chance. At n = 40 the lower limit is
    // 0.7464 − 3.09·√(0.7464·0.2536/40) = 0.5339, so 55% is inside. Nobody is worse.
    const max = agentReport('A9', 'Max', 'T1', 'average', {}, { csat: 0.825 });
    const agents = [
      ...['Ana', 'Bo', 'Cy', 'Di'].map((name, i) =>
        agentReport(`A${i + 1}`, name, 'T1', 'average', {}, { csat: 0.55 }),
      ),
      { ...max, n: { csat: 400 }, numerators: { csat: 330 }, intervals: {} },
    ];
    const text = funnelFlagsText({ agents }, ['csat']);
    expect(text).not.toContain('Max');
    expect(text.split('\n')).toEqual([
      '*Worse than the team beyond chance* (outside the 99.8% funnel limits for their n; only you see this)',
      '• CSAT: nobody is outside the 99.8% limits on the worse side; the differences are within chance.',
    ]);
  });
});
