/**
 * A small organisation built by hand and written through the Store, for driving the real
 * app: two teams, four agents, 35 days of KPIs, one initiative, one tip.
 *
 *   T1 "Billing North" (channel C0BILLING, lead U0LEAD1): Priya A1 (U0AG1), Sam A2 (U0AG2), Lee A3 (U0AG3)
 *   T2 "Returns East"  (channel C0RETURNS, lead U0LEAD2): Noor A4 (U0AG4)
 *   U0DIR director; U0NOBODY has no role.
 */
import { addDays } from '../../src/domain/dates.ts';
import type { AgentDay } from '../../src/domain/records.ts';
import type { Store } from '../../src/store/types.ts';

export const AS_OF = '2026-10-31';
export const USERS = {
  lead1: 'U0LEAD1',
  lead2: 'U0LEAD2',
  director: 'U0DIR',
  priya: 'U0AG1',
  sam: 'U0AG2',
  lee: 'U0AG3',
  noor: 'U0AG4',
  nobody: 'U0NOBODY',
} as const;

/** Per agent: daily contacts and quality, different enough that tiers separate them. */
const PROFILE: Record<
  string,
  { team: string; csat: number; fcr: number; aht: number; qa: number; ans: number }
> = {
  A1: { team: 'T1', csat: 9, fcr: 9, aht: 280, qa: 92, ans: 10 },
  A2: { team: 'T1', csat: 7, fcr: 7, aht: 320, qa: 84, ans: 9 },
  A3: { team: 'T1', csat: 5, fcr: 5, aht: 380, qa: 70, ans: 7 },
  A4: { team: 'T2', csat: 8, fcr: 8, aht: 300, qa: 88, ans: 9 },
};

export async function seedOrganisation(store: Store): Promise<void> {
  await store.teams.upsertMany({
    teams: [
      {
        id: 'T1',
        name: 'Billing North',
        channel_id: 'C0BILLING',
        lead_slack_ids: [USERS.lead1],
        timezone: 'Europe/London',
        site: 'Manchester',
      },
      {
        id: 'T2',
        name: 'Returns East',
        channel_id: 'C0RETURNS',
        lead_slack_ids: [USERS.lead2],
        timezone: 'Europe/London',
        site: 'Leeds',
      },
    ],
  });
  await store.agents.upsertMany({
    agents: [
      { id: 'A1', name: 'Priya Shah', team_id: 'T1', slack_user_id: USERS.priya },
      { id: 'A2', name: 'Sam Okafor', team_id: 'T1', slack_user_id: USERS.sam },
      { id: 'A3', name: 'Lee Chen', team_id: 'T1', slack_user_id: USERS.lee },
      { id: 'A4', name: 'Noor Ali', team_id: 'T2', slack_user_id: USERS.noor },
    ],
  });
  const rows: AgentDay[] = [];
  for (let d = 0; d < 35; d++) {
    const date = addDays(AS_OF, -d);
    for (const [agentId, p] of Object.entries(PROFILE)) {
      rows.push({
        date,
        agent_id: agentId,
        team_id: p.team,
        contacts_handled: 10,
        csat_responses: 10,
        csat_positive: p.csat,
        first_contact_resolved: p.fcr,
        fcr_contacts: 10,
        handle_time_sec: p.aht * 10 + (d % 3) * 30,
        aht_contacts: 10,
        qa_evaluations: 1,
        qa_score_total: p.qa,
        assigned: 10,
        answered_in_sla: p.ans,
      });
    }
  }
  await store.kpis.upsertMany({ rows });
  await store.enablement.upsertMany({
    rows: [
      {
        initiative_id: 'refund-policy-v2',
        agent_id: 'A1',
        stage: 'learned',
        date: '2026-10-01',
        passed: true,
      },
      {
        initiative_id: 'refund-policy-v2',
        agent_id: 'A3',
        stage: 'learned',
        date: '2026-10-01',
        passed: true,
      },
      {
        initiative_id: 'refund-policy-v2',
        agent_id: 'A3',
        stage: 'knowledge_check',
        date: '2026-10-02',
        passed: false,
      },
    ],
  });
  await store.tips.add({
    tip: {
      id: 'TIP-SAM-1',
      agent_id: 'A2',
      team_id: 'T1',
      metric: 'csat',
      text: 'Repeat the customer’s problem back before solving it.',
      consent_named: true,
      created_at: '2026-10-20T09:00:00Z',
      helpful_count: 0,
    },
  });
}
