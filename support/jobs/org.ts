/**
 * A small organisation written through the real embedded store in a temp folder:
 * team T1 (#C1, Europe/London) with agents A1–A6 and team T2 (#C2, Europe/London) with
 * B1–B5, 70 days of KPIs to 2026-11-20. In T1, A1 is best at everything and A6 worst
 * (so A6 is in the lagging tier); A5 improved over the last 28 days; every agent has a Slack id U<agent>.
 * A1 shared a consented tip on every metric; B1 an unconsented one.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays } from '../../src/domain/dates.ts';
import { METRICS } from '../../src/domain/metrics.ts';
import type { Agent, AgentDay, Team } from '../../src/domain/records.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/types.ts';
import type { SlackStandIn } from '../slack-stand-in.ts';

export const AS_OF = '2026-11-20';

export const TEAMS: Team[] = [
  {
    id: 'T1',
    name: 'Alpha',
    channel_id: 'C1',
    lead_slack_ids: ['ULEAD'],
    timezone: 'Europe/London',
    site: 'LON',
  },
  {
    id: 'T2',
    name: 'Bravo',
    channel_id: 'C2',
    lead_slack_ids: ['ULEAD'],
    timezone: 'Europe/London',
    site: 'LON',
  },
];

const NAMES = ['Ada', 'Ben', 'Cleo', 'Dev', 'Eli', 'Fay'];
export const AGENTS: Agent[] = [
  ...NAMES.map((name, i) => ({
    id: `A${i + 1}`,
    name: `${name} Alpha`,
    team_id: 'T1',
    slack_user_id: `UA${i + 1}`,
  })),
  ...NAMES.slice(0, 5).map((name, i) => ({
    id: `B${i + 1}`,
    name: `${name} Bravo`,
    team_id: 'T2',
    slack_user_id: `UB${i + 1}`,
  })),
];

/** Agent rank r (0 best): quality falls and handle time rises with r; a day-of-week wobble. */
export function day(agent: Agent, rank: number, date: string, i: number): AgentDay {
  const wobble = (i % 7) - 3;
  return {
    date,
    agent_id: agent.id,
    team_id: agent.team_id,
    contacts_handled: 20,
    csat_responses: 10,
    csat_positive: Math.max(0, Math.min(10, 9 - rank + (wobble > 1 ? 1 : 0))),
    fcr_contacts: 20,
    first_contact_resolved: Math.max(0, 17 - 2 * rank + (wobble === 0 ? 1 : 0)),
    aht_contacts: 20,
    handle_time_sec: 20 * (300 + 30 * rank + 5 * wobble),
    qa_evaluations: 1,
    qa_score_total: 92 - 4 * rank + wobble,
    assigned: 22,
    answered_in_sla: Math.max(0, 21 - rank),
  };
}

/** The organisation's Slack side on the stand-in: its team and digest channels, its agents. */
export function seedStandIn(slack: SlackStandIn): void {
  slack
    .addChannel({ id: 'C1', name: 'alpha' })
    .addChannel({ id: 'C2', name: 'bravo' })
    .addChannel({ id: 'CDIG', name: 'digest' });
  for (const a of AGENTS)
    slack.addUser({ id: a.slack_user_id as string, name: a.name, tz: 'Europe/London' });
}

export async function buildOrg(): Promise<{ store: Store; dir: string; close(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'jobs-store-'));
  const store = await openStore({ dataDir: dir });
  await store.init();
  await store.teams.upsertMany({ teams: TEAMS });
  await store.agents.upsertMany({ agents: AGENTS });
  const rows: AgentDay[] = [];
  for (let i = 0; i < 70; i++) {
    const date = addDays(AS_OF, -i);
    AGENTS.forEach((agent) => {
      const rank = agent.id === 'A5' && i < 28 ? 2 : Number(agent.id.slice(1)) - 1;
      rows.push(day(agent, rank, date, i));
    });
  }
  await store.kpis.upsertMany({ rows });
  for (const metric of METRICS) {
    await store.tips.add({
      tip: {
        id: `tip-${metric}`,
        agent_id: 'A1',
        team_id: 'T1',
        metric,
        text: `Ada's way with ${metric}: confirm before closing.`,
        consent_named: true,
        created_at: '2026-11-01T10:00:00Z',
        helpful_count: 2,
      },
    });
  }
  await store.tips.add({
    tip: {
      id: 'tip-secret',
      agent_id: 'B1',
      team_id: 'T2',
      metric: 'csat',
      text: 'Unnamed tip.',
      consent_named: false,
      created_at: '2026-11-01T10:00:00Z',
      helpful_count: 9,
    },
  });
  return {
    store,
    dir,
    close: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
