import { describe, expect, it } from 'vitest';
import { buildAgentViewBlocks } from '../../blocks/agent-view.ts';
import { buildEnablementBlocks } from '../../blocks/enablement.ts';
import { ACTION } from '../../blocks/ids.ts';
import { buildNoRoleBlocks } from '../../blocks/no-role.ts';
import { buildTiersBlocks, movementCounts } from '../../blocks/tiers.ts';
import { expectValidBlocks } from './check.ts';
import { billingNorth, reportFrame } from './fixtures.ts';

const tip = {
  tip: {
    id: 'TIP1',
    agent_id: 'A1',
    team_id: 'T1',
    metric: 'csat' as const,
    text: 'Confirm the fix before closing.',
    consent_named: true,
    created_at: '2026-10-01T00:00:00Z',
    helpful_count: 2,
  },
  authorName: 'Priya Shah',
};

describe('buildAgentViewBlocks', () => {
  // Lee (A3) is lagging; his percentiles: csat 0, fcr 0.4, qa 0.6, aht 0.1, answer_rate 0.3.
  const lee = () =>
    buildAgentViewBlocks({ team: billingNorth(), agentId: 'A3', report: reportFrame, tip });

  it('never says "lagging" and never shows a tier, even to a lagging agent', () => {
    expect(JSON.stringify(lee())).not.toMatch(/lagging|tier/i);
  });

  it('names the best percentile as strength and the worst as focus', () => {
    const text = JSON.stringify(lee().blocks);
    expect(text).toContain('*Your strength*: QA score'); // 0.6 is the highest
    expect(text).toContain('*Your focus*: CSAT'); // 0 is the lowest
  });

  it('compares each number with the team median, a proportion with its Wilson interval', () => {
    // CSAT values present: 0.95, 0.85, 0.80 (Ana has none) → median 0.85 → 85.0%.
    // 32 of 40: scipy binomtest(32, 40).proportion_ci(method='wilson') = 0.6524 – 0.8950,
    // printed widened to whole percent: 65–90%.
    expect(JSON.stringify(lee().blocks)).toContain(
      '*CSAT*: 80.0% (65–90%, n = 40 survey responses) · team median 85.0%',
    );
  });

  it('shows no interval beside a mean (QA score, handle time)', () => {
    expect(JSON.stringify(lee().blocks)).toMatch(/\*QA score\*: [\d.]+ \(n = 40 reviews\)/);
  });

  it('shows a peer tip with its consenting author and a helpful button, and a snooze button', () => {
    const text = JSON.stringify(lee().blocks);
    expect(text).toContain('A tip on CSAT from Priya Shah*: Confirm the fix before closing.');
    expect(text).toContain(ACTION.tipHelpful);
    expect(text).toContain(ACTION.snooze);
  });

  it('is valid Block Kit and matches its snapshot', () => {
    expectValidBlocks(lee().blocks);
    expect(lee()).toMatchSnapshot();
  });

  it('refuses an agent who is not in the team', () => {
    expect(() =>
      buildAgentViewBlocks({ team: billingNorth(), agentId: 'NOPE', report: reportFrame }),
    ).toThrow(/NOPE/);
  });
});

describe('buildTiersBlocks', () => {
  it('counts movement: average→top up, top→lagging down, lagging→average up', () => {
    expect(movementCounts(billingNorth().tierMovement)).toEqual({ up: 2, down: 1, same: 0 });
  });

  it('lists who is in each tier, for a lead', () => {
    const text = JSON.stringify(
      buildTiersBlocks({ team: billingNorth(), report: reportFrame, audience: 'lead' }).blocks,
    );
    // Alphabetical, no score: a tier is a group, not a ranking.
    expect(text).toContain('*Top*\\nPriya Shah');
    expect(text).not.toMatch(/Priya Shah \(\d+\)/);
    expect(text).toContain('Lee Chen');
    expect(text).toContain('*Not enough contacts yet*\\nAna Ruiz');
  });

  it('refuses an agent audience', () => {
    expect(() =>
      buildTiersBlocks({ team: billingNorth(), report: reportFrame, audience: 'agent' as 'lead' }),
    ).toThrow(/leads and directors/);
  });

  it('is valid Block Kit and matches its snapshot', () => {
    const m = buildTiersBlocks({ team: billingNorth(), report: reportFrame, audience: 'director' });
    expectValidBlocks(m.blocks);
    expect(m).toMatchSnapshot();
  });
});

describe('buildEnablementBlocks', () => {
  it('shows the funnel, and who is stuck where only when individuals may be shown', () => {
    const lead = JSON.stringify(
      buildEnablementBlocks({ team: billingNorth(), report: reportFrame, showAgents: true }).blocks,
    );
    expect(lead).toContain(
      '*refund-policy-v2*: learned 3 · understood 2 · can apply 2 · doing it 1',
    );
    expect(lead).toContain('Studied, not understood: explain, then re-check: Lee Chen');
    const agent = JSON.stringify(
      buildEnablementBlocks({ team: billingNorth(), report: reportFrame, showAgents: false })
        .blocks,
    );
    expect(agent).toContain('learned 3');
    expect(agent).not.toContain('Lee Chen');
  });

  it('matches its snapshot', () => {
    expect(
      buildEnablementBlocks({ team: billingNorth(), report: reportFrame, showAgents: true }),
    ).toMatchSnapshot();
  });
});

describe('buildNoRoleBlocks', () => {
  it('explains how to get access', () => {
    const m = buildNoRoleBlocks();
    expect(m.text).toBe('You don’t have access to team health yet');
    expect(JSON.stringify(m.blocks)).toContain('To get access, ask your team lead');
    expect(m).toMatchSnapshot();
  });
});
