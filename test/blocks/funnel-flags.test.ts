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
});
