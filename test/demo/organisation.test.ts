/**
 * The demo generator's guarantees: determinism by seed, and the structure the product
 * promises (issue #2 item 6), checked on the records themselves.
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { type DemoOrganisation, generateDemoOrganisation } from '../../src/demo/organisation.ts';
import { isLocalDate, isTimeZone } from '../../src/domain/dates.ts';
import { METRICS } from '../../src/domain/metrics.ts';

const hash = (org: DemoOrganisation) =>
  createHash('sha256').update(JSON.stringify(org)).digest('hex');

describe('generateDemoOrganisation determinism', () => {
  it('gives byte-identical records for the same seed', () => {
    expect(hash(generateDemoOrganisation({ seed: 42 }))).toBe(
      hash(generateDemoOrganisation({ seed: 42 })),
    );
  });

  it('gives different records for a different seed', () => {
    expect(hash(generateDemoOrganisation({ seed: 42 }))).not.toBe(
      hash(generateDemoOrganisation({ seed: 43 })),
    );
  });

  it('uses seed 42 when none is given', () => {
    expect(hash(generateDemoOrganisation())).toBe(hash(generateDemoOrganisation({ seed: 42 })));
  });

  it('rejects a seed that is not a whole number, naming it', () => {
    expect(() => generateDemoOrganisation({ seed: 1.5 })).toThrow(/whole-number seed, got 1.5/);
  });
});

describe('the demo organisation (seed 42)', () => {
  let org: DemoOrganisation;
  beforeAll(() => {
    org = generateDemoOrganisation({ seed: 42 });
  });

  it('has at least 8 teams over at least 4 sites in 4 different IANA time zones', () => {
    expect(org.teams.length).toBeGreaterThanOrEqual(8);
    expect(new Set(org.teams.map((t) => t.site)).size).toBeGreaterThanOrEqual(4);
    const zones = new Set(org.teams.map((t) => t.timezone));
    expect(zones.size).toBeGreaterThanOrEqual(4);
    for (const zone of zones) expect(isTimeZone(zone), zone).toBe(true);
  });

  it('gives every team a channel id (C…), a lead Slack id (U…) and 10 to 16 agents', () => {
    for (const team of org.teams) {
      expect(team.channel_id).toMatch(/^C[A-Z0-9]{8,}$/);
      expect(team.lead_slack_ids.length).toBeGreaterThanOrEqual(1);
      for (const lead of team.lead_slack_ids) expect(lead).toMatch(/^U[A-Z0-9]{8,}$/);
      const size = org.agents.filter((a) => a.team_id === team.id).length;
      expect(size, team.id).toBeGreaterThanOrEqual(10);
      expect(size, team.id).toBeLessThanOrEqual(16);
    }
  });

  it('gives agents unique ids, Slack ids and emails, a site and a real hire date', () => {
    const unique = (values: unknown[]) => new Set(values).size === values.length;
    expect(unique(org.agents.map((a) => a.id))).toBe(true);
    expect(unique(org.agents.map((a) => a.slack_user_id))).toBe(true);
    expect(unique(org.agents.map((a) => a.email))).toBe(true);
    for (const agent of org.agents) {
      expect(agent.slack_user_id).toMatch(/^U[A-Z0-9]{8,}$/);
      expect(agent.email).toMatch(/^[a-z]+\.[a-z]+@[a-z.]+$/);
      expect(isLocalDate(agent.hire_date ?? '')).toBe(true);
      expect(agent.site).toBe(org.teams.find((t) => t.id === agent.team_id)?.site);
    }
  });

  it('covers 180 local days ending on the anchor 2026-10-31 (from 2026-05-05, counted by hand)', () => {
    expect(org.from).toBe('2026-05-05');
    expect(org.to).toBe('2026-10-31');
    const dates = [...new Set(org.agentDays.map((r) => r.date))].sort();
    expect(dates[0]).toBe('2026-05-05');
    expect(dates.at(-1)).toBe('2026-10-31');
    // Seven-day teams work every day, so every one of the 180 days has rows.
    expect(dates).toHaveLength(180);
  });

  it('stores only whole, non-negative counts with every part at most its whole', () => {
    const agentIds = new Set(org.agents.map((a) => a.id));
    // Collected rather than asserted row by row: one readable list of every violation.
    const problems: string[] = [];
    const check = (ok: boolean, what: string, r: { agent_id: string; date: string }) => {
      if (!ok) problems.push(`${r.agent_id} ${r.date}: ${what}`);
    };
    for (const r of org.agentDays) {
      for (const [key, value] of Object.entries(r)) {
        if (key === 'date' || key === 'agent_id' || key === 'team_id') continue;
        check(Number.isInteger(value) && (value as number) >= 0, `${key} = ${value}`, r);
      }
      const n = (v: number | undefined) => v ?? Number.NaN;
      const c = r.contacts_handled;
      check(agentIds.has(r.agent_id), 'unknown agent', r);
      check(r.fcr_contacts === c && r.aht_contacts === c, 'fcr/aht_contacts ≠ contacts_handled', r);
      check(n(r.first_contact_resolved) <= c, 'first_contact_resolved > contacts_handled', r);
      check(n(r.csat_responses) <= c, 'csat_responses > contacts_handled', r);
      check(n(r.csat_positive) <= n(r.csat_responses), 'csat_positive > csat_responses', r);
      check(n(r.answered_in_sla) <= n(r.assigned), 'answered_in_sla > assigned', r);
      check(n(r.assigned) >= c, 'assigned < contacts_handled', r);
      check(
        n(r.qa_score_total) <= 100 * n(r.qa_evaluations),
        'qa_score_total > 100·qa_evaluations',
        r,
      );
    }
    expect(problems).toEqual([]);
  });

  it('has full-timers handling 20 to 60 contacts a day and CSAT answers on a fraction of them', () => {
    const full = org.agentDays.filter((r) => org.planted.kinds[r.agent_id] === 'full_time');
    expect(full.filter((r) => r.contacts_handled < 20 || r.contacts_handled > 60)).toEqual([]);
    const responses = full.reduce((s, r) => s + (r.csat_responses ?? 0), 0);
    const contacts = full.reduce((s, r) => s + r.contacts_handled, 0);
    expect(responses / contacts).toBeGreaterThan(0.1);
    expect(responses / contacts).toBeLessThan(0.35);
  });

  it('reviews each agent a few times a week on QA, never at weekends', () => {
    const weekend = (d: string) => [0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());
    expect(org.agentDays.filter((r) => weekend(r.date) && (r.qa_evaluations ?? 0) > 0)).toEqual([]);
    const full = org.agentDays.filter((r) => org.planted.kinds[r.agent_id] === 'full_time');
    const perDay = full.reduce((s, r) => s + (r.qa_evaluations ?? 0), 0) / full.length;
    // "A few a week": between 2 and 4 reviews per 5 working days.
    expect(perDay * 5).toBeGreaterThan(2);
    expect(perDay * 5).toBeLessThan(4);
  });

  it('leaves weekday teams off at weekends and keeps the three seven-day teams open', () => {
    const weekendTeams = new Set(
      org.agentDays
        .filter((r) => [0, 6].includes(new Date(`${r.date}T00:00:00Z`).getUTCDay()))
        .map((r) => r.team_id),
    );
    // The roster's seven-day teams: Manila Tech Support, Manila Customer Care, Austin Retention.
    expect([...weekendTeams].sort()).toEqual(['TM03', 'TM04', 'TM06']);
  });

  it('has part-timers under the eligibility floor of 30 contacts in every 28-day window', () => {
    const partTimers = org.agents.filter((a) => org.planted.kinds[a.id] === 'part_time');
    expect(partTimers.length).toBeGreaterThanOrEqual(1);
    for (const agent of partTimers) {
      const rows = org.agentDays.filter((r) => r.agent_id === agent.id);
      expect(rows.length).toBeGreaterThan(0);
      const byDate = new Map(rows.map((r) => [r.date, r.contacts_handled]));
      const dates = [...new Set(org.agentDays.map((r) => r.date))].sort();
      for (let end = 27; end < dates.length; end++) {
        const sum = dates.slice(end - 27, end + 1).reduce((s, d) => s + (byDate.get(d) ?? 0), 0);
        expect(sum, `${agent.id} window ending ${dates[end]}`).toBeLessThan(30);
      }
    }
  });

  it('splits each team-day’s contacts by reason, summing to the contacts handled', () => {
    const handled = new Map<string, number>();
    for (const r of org.agentDays) {
      const key = `${r.team_id}|${r.date}`;
      handled.set(key, (handled.get(key) ?? 0) + r.contacts_handled);
    }
    const byReason = new Map<string, number>();
    for (const c of org.contacts) {
      expect(Number.isInteger(c.count) && c.count > 0).toBe(true);
      const key = `${c.team_id}|${c.date}`;
      byReason.set(key, (byReason.get(key) ?? 0) + c.count);
    }
    expect(byReason).toEqual(handled);
  });

  it('has tips, most with consent to be named, each by an agent of its team on a real metric', () => {
    expect(org.tips.length).toBeGreaterThanOrEqual(8);
    const named = org.tips.filter((t) => t.consent_named).length;
    expect(named).toBeGreaterThan(org.tips.length / 2);
    expect(named).toBeLessThan(org.tips.length);
    for (const tip of org.tips) {
      expect(org.agents.find((a) => a.id === tip.agent_id)?.team_id).toBe(tip.team_id);
      expect(METRICS).toContain(tip.metric);
      expect(tip.text.length).toBeGreaterThan(0);
      expect(tip.text.length).toBeLessThanOrEqual(500);
      expect(Number.isNaN(Date.parse(tip.created_at))).toBe(false);
      expect(tip.created_at <= '2026-10-31T23:59:59Z').toBe(true);
    }
    expect(new Set(org.tips.map((t) => t.id)).size).toBe(org.tips.length);
  });

  it('plants the refund mix shift in TM07 only: ~14% in the 28 baseline days, ~35% in the last 7', () => {
    const share = (team: string, from: string, to: string) => {
      const rows = org.contacts.filter((c) => c.team_id === team && c.date >= from && c.date <= to);
      const total = rows.reduce((s, c) => s + c.count, 0);
      return rows.filter((c) => c.reason === 'refund').reduce((s, c) => s + c.count, 0) / total;
    };
    // Recent: 25–31 Oct; baseline: the 28 days before, 27 Sep – 24 Oct.
    expect(share('TM07', '2026-09-27', '2026-10-24')).toBeCloseTo(0.14, 1);
    expect(share('TM07', '2026-10-25', '2026-10-31')).toBeCloseTo(0.35, 1);
    for (const team of org.teams.filter((t) => t.id !== 'TM07')) {
      const change =
        share(team.id, '2026-10-25', '2026-10-31') - share(team.id, '2026-09-27', '2026-10-24');
      expect(Math.abs(change), team.id).toBeLessThan(0.05);
    }
  });

  it('records the enablement checkpoints in order, stopping where each agent is stuck', () => {
    const order = ['learned', 'knowledge_check', 'simulation', 'execution'];
    const byAgent = new Map<string, typeof org.enablement>();
    for (const e of org.enablement)
      byAgent.set(e.agent_id, [...(byAgent.get(e.agent_id) ?? []), e]);
    for (const [agent, events] of byAgent) {
      const stages = events.map((e) => e.stage);
      expect(stages, agent).toEqual(order.slice(0, stages.length));
      // Only the last checkpoint reached can be a failure; every earlier one was passed.
      for (const e of events.slice(0, -1)) expect(e.passed, `${agent} ${e.stage}`).toBe(true);
      for (let i = 1; i < events.length; i++) {
        expect(
          (events[i] as { date: string }).date >= (events[i - 1] as { date: string }).date,
        ).toBe(true);
      }
      const last = events.at(-1);
      if (last?.stage === 'execution') {
        expect(last.applied_contacts).toBeLessThanOrEqual(last.applicable_contacts as number);
      }
    }
    const teams = new Set(org.agents.filter((a) => byAgent.has(a.id)).map((a) => a.team_id));
    expect([...teams].sort()).toEqual(['TM01', 'TM06']);
  });
});
