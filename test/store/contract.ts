/**
 * The one behaviour contract every Store backend must meet. Expected values are
 * computed by hand from the fixture below; the arithmetic is written next to each.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptySums, type Sums } from '../../src/domain/metrics.ts';
import type {
  Agent,
  AgentDay,
  ContactVolume,
  EnablementEvent,
  Team,
} from '../../src/domain/records.ts';
import type { Delivery, Settings, Tip } from '../../src/domain/surfaces.ts';
import { DuplicateKeyError } from '../../src/store/collection.ts';
import type { Store } from '../../src/store/types.ts';

export interface FreshStore {
  store: Store;
  cleanup(): Promise<void>;
}

const sums = (partial: Partial<Sums>): Sums => ({ ...emptySums(), ...partial });

const teams: Team[] = [
  {
    id: 'T1',
    name: 'Billing',
    channel_id: 'C1',
    lead_slack_ids: ['U10'],
    timezone: 'Europe/London',
    site: 'Leeds',
  },
  {
    id: 'T2',
    name: 'Returns',
    channel_id: '',
    lead_slack_ids: [],
    timezone: 'America/New_York',
    site: 'Austin',
  },
];
const agents: Agent[] = [
  { id: 'A1', name: 'Ada', team_id: 'T1', slack_user_id: 'U1' },
  { id: 'A2', name: 'Bo', team_id: 'T2', slack_user_id: 'U2', hire_date: '2023-05-01' },
  { id: 'B1', name: 'Cy', team_id: 'T2' },
];
/** A2 moved from T1 to T2 on 2024-03-03; A1's 02-29 row lies before the test window. */
const rows: AgentDay[] = [
  { date: '2024-02-29', agent_id: 'A1', team_id: 'T1', contacts_handled: 100 },
  {
    date: '2024-03-01',
    agent_id: 'A1',
    team_id: 'T1',
    contacts_handled: 10,
    csat_positive: 4,
    csat_responses: 5,
    handle_time_sec: 3000,
    aht_contacts: 10,
  },
  {
    date: '2024-03-02',
    agent_id: 'A1',
    team_id: 'T1',
    contacts_handled: 8,
    csat_positive: 3,
    csat_responses: 3,
  },
  {
    date: '2024-03-01',
    agent_id: 'A2',
    team_id: 'T1',
    contacts_handled: 6,
    csat_positive: 1,
    csat_responses: 2,
    handle_time_sec: 1200,
    aht_contacts: 6,
  },
  {
    date: '2024-03-03',
    agent_id: 'A2',
    team_id: 'T2',
    contacts_handled: 5,
    qa_score_total: 90,
    qa_evaluations: 1,
  },
  {
    date: '2024-03-01',
    agent_id: 'B1',
    team_id: 'T2',
    contacts_handled: 20,
    assigned: 25,
    answered_in_sla: 22,
  },
];
const march = { from: '2024-03-01', to: '2024-03-03' };

function delivery(key: string, over: Partial<Delivery> = {}): Delivery {
  return {
    key,
    job: 'coaching',
    period: '2024-W10',
    target: 'U1',
    status: 'pending',
    attempts: 0,
    created_at: '2024-03-04T09:00:00.000Z',
    updated_at: '2024-03-04T09:00:00.000Z',
    ...over,
  };
}

export function describeStoreContract(
  name: string,
  makeFreshStore: () => Promise<FreshStore>,
): void {
  describe(`Store contract: ${name}`, () => {
    let fresh: FreshStore;
    let store: Store;
    beforeEach(async () => {
      fresh = await makeFreshStore();
      store = fresh.store;
    });
    afterEach(async () => {
      await fresh.cleanup();
    });

    describe('teams and agents', () => {
      it('stores teams and reads them back by id, sorted, without _id', async () => {
        expect(
          await store.teams.upsertMany({ teams: [teams[1] as Team, teams[0] as Team] }),
        ).toEqual({
          inserted: 2,
          updated: 0,
          unchanged: 0,
        });
        expect(await store.teams.list()).toEqual(teams);
        expect(await store.teams.get({ id: 'T2' })).toEqual(teams[1]);
        expect(await store.teams.get({ id: 'nope' })).toBeNull();
      });

      it('reports the same teams upserted twice as unchanged, and a corrected one as updated', async () => {
        await store.teams.upsertMany({ teams });
        expect(await store.teams.upsertMany({ teams })).toEqual({
          inserted: 0,
          updated: 0,
          unchanged: 2,
        });
        const renamed = { ...(teams[0] as Team), name: 'Billing & Payments' };
        expect(await store.teams.upsertMany({ teams: [renamed] })).toEqual({
          inserted: 0,
          updated: 1,
          unchanged: 0,
        });
        expect((await store.teams.list()).map((t) => t.name)).toEqual([
          'Billing & Payments',
          'Returns',
        ]);
      });

      it('lists agents by team and finds one by Slack user', async () => {
        await store.agents.upsertMany({ agents });
        expect((await store.agents.list({ teamId: 'T2' })).map((a) => a.id)).toEqual(['A2', 'B1']);
        expect((await store.agents.list()).map((a) => a.id)).toEqual(['A1', 'A2', 'B1']);
        expect(await store.agents.bySlackUser({ slackUserId: 'U2' })).toEqual(agents[1]);
        expect(await store.agents.bySlackUser({ slackUserId: 'U9' })).toBeNull();
        expect(await store.agents.get({ id: 'B1' })).toEqual(agents[2]);
      });

      it('rejects a whole batch when two agents share a Slack user, naming the key', async () => {
        await store.agents.upsertMany({ agents });
        const clash = [
          { id: 'C1', name: 'New', team_id: 'T1' },
          { id: 'C2', name: 'Dup', team_id: 'T1', slack_user_id: 'U1' },
        ];
        const error = await store.agents.upsertMany({ agents: clash }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(DuplicateKeyError);
        expect(String((error as Error).message)).toContain('U1');
        // C1 came first in the batch and is valid on its own, yet it is absent too.
        expect(await store.agents.get({ id: 'C1' })).toBeNull();
        expect(await store.agents.list()).toHaveLength(3);
      });
    });

    describe('kpis', () => {
      beforeEach(async () => {
        expect(await store.kpis.upsertMany({ rows })).toEqual({
          inserted: 6,
          updated: 0,
          unchanged: 0,
        });
      });

      it('keeps one row per (agent, date): the same rows again are unchanged', async () => {
        expect(await store.kpis.upsertMany({ rows })).toEqual({
          inserted: 0,
          updated: 0,
          unchanged: 6,
        });
        expect(await store.kpis.count()).toBe(6);
      });

      it('replaces a corrected row instead of adding to it', async () => {
        const corrected = { ...(rows[1] as AgentDay), contacts_handled: 12 };
        expect(await store.kpis.upsertMany({ rows: [corrected] })).toEqual({
          inserted: 0,
          updated: 1,
          unchanged: 0,
        });
        const [t1day1] = await store.kpis.teamDailySums({
          from: '2024-03-01',
          to: '2024-03-01',
          teamIds: ['T1'],
        });
        // 12 (A1, corrected from 10) + 6 (A2) = 18
        expect(t1day1?.contacts_handled).toBe(18);
        expect(await store.kpis.count()).toBe(6);
      });

      it('sums per team and day, skipping fields that were not measured', async () => {
        expect(await store.kpis.teamDailySums(march)).toEqual([
          // A1 + A2 on 03-01: contacts 10+6, csat 4+1 of 5+2, handle 3000+1200 over 10+6
          {
            team_id: 'T1',
            date: '2024-03-01',
            ...sums({
              contacts_handled: 16,
              csat_positive: 5,
              csat_responses: 7,
              handle_time_sec: 4200,
              aht_contacts: 16,
            }),
          },
          // A1 alone; handle time not measured that day, so 0 rather than a guess
          {
            team_id: 'T1',
            date: '2024-03-02',
            ...sums({ contacts_handled: 8, csat_positive: 3, csat_responses: 3 }),
          },
          {
            team_id: 'T2',
            date: '2024-03-01',
            ...sums({ contacts_handled: 20, assigned: 25, answered_in_sla: 22 }),
          },
          {
            team_id: 'T2',
            date: '2024-03-03',
            ...sums({ contacts_handled: 5, qa_score_total: 90, qa_evaluations: 1 }),
          },
        ]);
      });

      it('treats both ends of the date range as included', async () => {
        const one = await store.kpis.teamDailySums({ from: '2024-03-02', to: '2024-03-02' });
        expect(one.map((r) => `${r.team_id} ${r.date}`)).toEqual(['T1 2024-03-02']);
        const edges = await store.kpis.teamDailySums({
          from: '2024-02-29',
          to: '2024-03-01',
          teamIds: ['T1'],
        });
        // 02-29: A1's 100; 03-01: 10 + 6
        expect(edges.map((r) => r.contacts_handled)).toEqual([100, 16]);
      });

      it('filters team sums by team', async () => {
        const t2 = await store.kpis.teamDailySums({ ...march, teamIds: ['T2'] });
        expect(t2.map((r) => r.date)).toEqual(['2024-03-01', '2024-03-03']);
        expect(await store.kpis.teamDailySums({ ...march, teamIds: [] })).toEqual([]);
      });

      it('sums per agent over a window, counting days and naming the team of the latest day', async () => {
        expect(await store.kpis.agentWindowSums(march)).toEqual([
          // 03-01 + 03-02: contacts 10+8, csat 4+3 of 5+3; handle time only on 03-01
          {
            agent_id: 'A1',
            team_id: 'T1',
            days: 2,
            ...sums({
              contacts_handled: 18,
              csat_positive: 7,
              csat_responses: 8,
              handle_time_sec: 3000,
              aht_contacts: 10,
            }),
          },
          // 03-01 in T1 + 03-03 in T2: latest day is in T2
          {
            agent_id: 'A2',
            team_id: 'T2',
            days: 2,
            ...sums({
              contacts_handled: 11,
              csat_positive: 1,
              csat_responses: 2,
              handle_time_sec: 1200,
              aht_contacts: 6,
              qa_score_total: 90,
              qa_evaluations: 1,
            }),
          },
          {
            agent_id: 'B1',
            team_id: 'T2',
            days: 1,
            ...sums({ contacts_handled: 20, assigned: 25, answered_in_sla: 22 }),
          },
        ]);
        const early = await store.kpis.agentWindowSums({ from: '2024-03-01', to: '2024-03-02' });
        expect(early.find((r) => r.agent_id === 'A2')?.team_id).toBe('T1');
      });

      it('filters window sums by team (rows done for that team) and by agent', async () => {
        const t2 = await store.kpis.agentWindowSums({ ...march, teamIds: ['T2'] });
        // A2 counts only its 03-03 row, done for T2
        expect(t2.map((r) => [r.agent_id, r.days, r.contacts_handled])).toEqual([
          ['A2', 1, 5],
          ['B1', 1, 20],
        ]);
        const a1 = await store.kpis.agentWindowSums({ ...march, agentIds: ['A1'] });
        expect(a1.map((r) => r.agent_id)).toEqual(['A1']);
      });

      it('gives per-agent daily sums for the asked agents only', async () => {
        const days = await store.kpis.agentDailySums({
          from: '2024-02-29',
          to: '2024-03-01',
          agentIds: ['A1'],
        });
        expect(days).toEqual([
          { agent_id: 'A1', date: '2024-02-29', ...sums({ contacts_handled: 100 }) },
          {
            agent_id: 'A1',
            date: '2024-03-01',
            ...sums({
              contacts_handled: 10,
              csat_positive: 4,
              csat_responses: 5,
              handle_time_sec: 3000,
              aht_contacts: 10,
            }),
          },
        ]);
      });

      it('gives the same per-agent daily sums for a few agents and for very many at once', async () => {
        const range = { from: '2024-01-01', to: '2024-06-30' };
        const few = await store.kpis.agentDailySums({ ...range, agentIds: ['A1', 'A2'] });
        expect(few.map((d) => `${d.agent_id} ${d.date}`)).toEqual([
          'A1 2024-02-29',
          'A1 2024-03-01',
          'A1 2024-03-02',
          'A2 2024-03-01',
          'A2 2024-03-03',
        ]);
        // 182 days × 402 agents: more than a store would look up one key at a time.
        const crowd = Array.from({ length: 400 }, (_, i) => `Z${i}`);
        const many = await store.kpis.agentDailySums({
          ...range,
          agentIds: [...crowd, 'A2', 'A1'],
        });
        expect(many).toEqual(few);
      });

      it('reports the first and last stored date', async () => {
        expect(await store.kpis.dateSpan()).toEqual({ from: '2024-02-29', to: '2024-03-03' });
      });

      it('refuses a batch with a malformed row, naming the row and field, and stores none of it', async () => {
        const good = { ...(rows[0] as AgentDay), date: '2024-04-01' };
        const bad = { ...(rows[1] as AgentDay), date: '2024-4-2' };
        await expect(store.kpis.upsertMany({ rows: [good, bad] })).rejects.toThrow(
          'kpis.upsertMany: rows[1].date must be a date YYYY-MM-DD, got "2024-4-2"',
        );
        const noTeam = { ...(rows[1] as AgentDay), team_id: '' };
        await expect(store.kpis.upsertMany({ rows: [noTeam] })).rejects.toThrow(
          'kpis.upsertMany: rows[0].team_id must be a non-empty string',
        );
        const text = { ...(rows[1] as AgentDay), csat_responses: '4' as unknown as number };
        await expect(store.kpis.upsertMany({ rows: [good, text] })).rejects.toThrow(
          'kpis.upsertMany: rows[1].csat_responses must be a finite number or absent, got "4"',
        );
        expect(await store.kpis.count()).toBe(6);
      });

      it('rejects a reversed date range with a message naming it', async () => {
        await expect(
          store.kpis.teamDailySums({ from: '2024-03-03', to: '2024-03-01' }),
        ).rejects.toThrow(/from 2024-03-03 is after to 2024-03-01/);
      });
    });

    it('has no date span when no kpis are stored', async () => {
      expect(await store.kpis.dateSpan()).toBeNull();
      expect(await store.kpis.count()).toBe(0);
    });

    it('counts contacts per team and reason over an inclusive range', async () => {
      const volumes: ContactVolume[] = [
        { date: '2024-02-28', team_id: 'T1', reason: 'billing', count: 100 },
        { date: '2024-03-01', team_id: 'T1', reason: 'billing', count: 5 },
        { date: '2024-03-03', team_id: 'T1', reason: 'billing', count: 3 },
        { date: '2024-03-02', team_id: 'T1', reason: 'login', count: 2 },
        { date: '2024-03-01', team_id: 'T2', reason: 'billing', count: 7 },
      ];
      await store.contacts.upsertMany({ rows: volumes });
      expect(await store.contacts.upsertMany({ rows: volumes })).toEqual({
        inserted: 0,
        updated: 0,
        unchanged: 5,
      });
      // T1 billing: 5 + 3 (the 02-28 row is outside)
      expect(await store.contacts.reasonCounts(march)).toEqual([
        { team_id: 'T1', reason: 'billing', count: 8 },
        { team_id: 'T1', reason: 'login', count: 2 },
        { team_id: 'T2', reason: 'billing', count: 7 },
      ]);
      expect(
        (await store.contacts.reasonCounts({ ...march, teamIds: ['T2'] })).map((r) => r.count),
      ).toEqual([7]);
    });

    it('lists enablement events by initiative, agents and date, and names the initiatives', async () => {
      const events: EnablementEvent[] = [
        {
          initiative_id: 'refunds',
          agent_id: 'A1',
          stage: 'learned',
          date: '2024-03-01',
          passed: true,
        },
        {
          initiative_id: 'refunds',
          agent_id: 'A1',
          stage: 'execution',
          date: '2024-03-05',
          applicable_contacts: 10,
          applied_contacts: 7,
        },
        {
          initiative_id: 'refunds',
          agent_id: 'A2',
          stage: 'learned',
          date: '2024-03-02',
          passed: false,
        },
        {
          initiative_id: 'empathy',
          agent_id: 'A1',
          stage: 'learned',
          date: '2024-02-01',
          passed: true,
        },
      ];
      expect(await store.enablement.upsertMany({ rows: events })).toEqual({
        inserted: 4,
        updated: 0,
        unchanged: 0,
      });
      expect(await store.enablement.initiatives()).toEqual(['empathy', 'refunds']);
      const a1 = await store.enablement.list({ initiativeId: 'refunds', agentIds: ['A1'] });
      expect(a1).toEqual([events[0], events[1]]);
      const upTo = await store.enablement.list({ to: '2024-03-02' });
      expect(upTo.map((e) => e.date)).toEqual(['2024-02-01', '2024-03-01', '2024-03-02']);
    });

    it('adds tips, lists them by team and metric, and counts helpful votes', async () => {
      const tip: Tip = {
        id: 'tip1',
        agent_id: 'A1',
        team_id: 'T1',
        metric: 'csat',
        text: 'Name the next step before you close.',
        consent_named: true,
        created_at: '2024-03-01T10:00:00.000Z',
        helpful_count: 0,
      };
      const other: Tip = {
        ...tip,
        id: 'tip2',
        metric: 'aht',
        created_at: '2024-03-02T10:00:00.000Z',
      };
      await store.tips.add({ tip });
      await store.tips.add({ tip: other });
      await expect(store.tips.add({ tip })).rejects.toBeInstanceOf(DuplicateKeyError);
      expect(await store.tips.list({ teamId: 'T1', metric: 'csat' })).toEqual([tip]);
      expect(await store.tips.markHelpful({ tipId: 'tip1' })).toEqual({ ...tip, helpful_count: 1 });
      await Promise.all([
        store.tips.markHelpful({ tipId: 'tip1' }),
        store.tips.markHelpful({ tipId: 'tip1' }),
      ]);
      // 1 + 2 concurrent votes, none lost
      expect(
        (await store.tips.list({ agentId: 'A1' })).map((t) => [t.id, t.helpful_count]),
      ).toEqual([
        ['tip1', 3],
        ['tip2', 0],
      ]);
      expect(await store.tips.markHelpful({ tipId: 'missing' })).toBeNull();
    });

    describe('deliveries', () => {
      it('lets exactly one of several concurrent claims create the record', async () => {
        const claims = await Promise.all(
          [1, 2, 3, 4, 5].map((n) =>
            store.deliveries.claim({ delivery: delivery('coaching|2024-W10|U1', { attempts: n }) }),
          ),
        );
        expect(claims.filter((c) => c.created)).toHaveLength(1);
        const winner = claims.find((c) => c.created)?.delivery;
        for (const claim of claims) expect(claim.delivery).toEqual(winner);
        expect(await store.deliveries.list({ job: 'coaching' })).toHaveLength(1);
      });

      it('updates, removes fields set to undefined, and lists by status', async () => {
        await store.deliveries.claim({ delivery: delivery('k1', { error: 'rate limited' }) });
        await store.deliveries.update({
          key: 'k1',
          set: { status: 'sent', ts: '123.456', error: undefined },
        });
        const stored = await store.deliveries.get({ key: 'k1' });
        expect(stored).toEqual({ ...delivery('k1'), status: 'sent', ts: '123.456' });
        expect(await store.deliveries.list({ status: 'sent' })).toHaveLength(1);
        expect(await store.deliveries.list({ status: 'failed' })).toEqual([]);
        await expect(
          store.deliveries.update({ key: 'nope', set: { status: 'sent' } }),
        ).rejects.toThrow(/nope/);
      });

      it('lets exactly one of several concurrent take-overs win, by status and attempts', async () => {
        await store.deliveries.claim({
          delivery: delivery('t1', { status: 'pending', attempts: 1 }),
        });
        const now = '2024-03-04T09:00:00.000Z';
        const results = await Promise.all(
          [1, 2, 3, 4, 5].map((n) =>
            store.deliveries.takeOver({
              key: 't1',
              expect: { status: 'pending', attempts: 1 },
              now,
              set: { attempts: 2, claimed_until: `2024-03-04T09:0${n}:00.000Z` },
            }),
          ),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
        expect((await store.deliveries.get({ key: 't1' }))?.attempts).toBe(2);
        // the record moved on: a take-over that read attempts 1 now loses
        expect(
          await store.deliveries.takeOver({
            key: 't1',
            expect: { status: 'pending', attempts: 1 },
            now: '2024-03-05T00:00:00.000Z',
            set: { attempts: 2 },
          }),
        ).toBe(false);
      });

      it('refuses a take-over while another claim runs, and allows it once that claim expires', async () => {
        await store.deliveries.claim({
          delivery: delivery('t2', {
            status: 'held',
            attempts: 1,
            claimed_until: '2024-03-04T09:05:00.000Z',
          }),
        });
        const take = (now: string) =>
          store.deliveries.takeOver({
            key: 't2',
            expect: { status: 'held', attempts: 1 },
            now,
            set: { status: 'pending', attempts: 2, claimed_until: undefined },
          });
        expect(await take('2024-03-04T09:04:59.999Z')).toBe(false);
        expect(await take('2024-03-04T09:05:00.000Z')).toBe(true);
        const stored = await store.deliveries.get({ key: 't2' });
        expect(stored?.status).toBe('pending');
        expect(stored && 'claimed_until' in stored).toBe(false);
        expect(
          await store.deliveries.takeOver({
            key: 'missing',
            expect: { status: 'pending', attempts: 1 },
            now: '2024-03-04T09:00:00.000Z',
            set: { attempts: 2 },
          }),
        ).toBe(false);
      });

      it('counts DMs sent to a target since an instant, for that job only', async () => {
        await store.deliveries.claim({
          delivery: delivery('a', { status: 'sent', updated_at: '2024-03-01T10:00:00.000Z' }),
        });
        await store.deliveries.claim({
          delivery: delivery('b', { status: 'sent', updated_at: '2024-03-05T10:00:00.000Z' }),
        });
        await store.deliveries.claim({
          delivery: delivery('c', { status: 'pending', updated_at: '2024-03-06T10:00:00.000Z' }),
        });
        await store.deliveries.claim({
          delivery: delivery('d', {
            job: 'nudge',
            status: 'sent',
            updated_at: '2024-03-06T10:00:00.000Z',
          }),
        });
        await store.deliveries.claim({
          delivery: delivery('e', {
            target: 'U2',
            status: 'sent',
            updated_at: '2024-03-06T10:00:00.000Z',
          }),
        });
        // only 'b': 'a' is before, 'c' not sent, 'd' another job, 'e' another target
        expect(
          await store.deliveries.countSentSince({
            job: 'coaching',
            target: 'U1',
            since: '2024-03-03T00:00:00.000Z',
          }),
        ).toBe(1);
        // the instant itself counts
        expect(
          await store.deliveries.countSentSince({
            job: 'coaching',
            target: 'U1',
            since: '2024-03-01T10:00:00.000Z',
          }),
        ).toBe(2);
      });
    });

    describe('leases', () => {
      const now = new Date('2024-03-04T09:00:00.000Z');
      it('gives a free lease to exactly one of several concurrent holders', async () => {
        const results = await Promise.all(
          ['h1', 'h2', 'h3', 'h4', 'h5'].map((holder) =>
            store.leases.acquire({ name: 'digest', holder, ttlMs: 60_000, now }),
          ),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
      });

      it('renews for its holder, refuses others until it expires, and frees on release', async () => {
        expect(await store.leases.acquire({ name: 'job', holder: 'a', ttlMs: 60_000, now })).toBe(
          true,
        );
        const later = new Date(now.getTime() + 30_000);
        expect(
          await store.leases.acquire({ name: 'job', holder: 'a', ttlMs: 60_000, now: later }),
        ).toBe(true);
        expect(
          await store.leases.acquire({ name: 'job', holder: 'b', ttlMs: 60_000, now: later }),
        ).toBe(false);
        // renewed at +30 s for 60 s: expires at +90 s, free from then on
        const expired = new Date(now.getTime() + 90_000);
        expect(
          await store.leases.acquire({ name: 'job', holder: 'b', ttlMs: 60_000, now: expired }),
        ).toBe(true);
        await store.leases.release({ name: 'job', holder: 'a' }); // not a's any more: no effect
        expect(
          await store.leases.acquire({ name: 'job', holder: 'c', ttlMs: 60_000, now: expired }),
        ).toBe(false);
        await store.leases.release({ name: 'job', holder: 'b' });
        expect(
          await store.leases.acquire({ name: 'job', holder: 'c', ttlMs: 60_000, now: expired }),
        ).toBe(true);
      });
    });

    it('stores settings per Slack user and replaces them whole', async () => {
      expect(await store.settings.get({ slackUserId: 'U1' })).toBeNull();
      const snoozed: Settings = {
        slack_user_id: 'U1',
        snoozed_until: '2024-03-10T00:00:00.000Z',
        updated_at: '2024-03-04T00:00:00.000Z',
      };
      await store.settings.upsert({ settings: snoozed });
      expect(await store.settings.get({ slackUserId: 'U1' })).toEqual(snoozed);
      const unsnoozed: Settings = {
        slack_user_id: 'U1',
        tz: 'Europe/London',
        updated_at: '2024-03-05T00:00:00.000Z',
      };
      await store.settings.upsert({ settings: unsnoozed });
      expect(await store.settings.get({ slackUserId: 'U1' })).toEqual(unsnoozed);
    });

    it('names a lease holder with when it took the lease and until when, and nothing once released', async () => {
      const now = new Date('2024-03-04T09:00:00.000Z');
      expect(await store.leases.get({ name: 'jobs|recognition|org' })).toBeNull();
      await store.leases.acquire({
        name: 'jobs|recognition|org',
        holder: 'serve@h1',
        ttlMs: 60_000,
        now,
      });
      expect(await store.leases.get({ name: 'jobs|recognition|org' })).toEqual({
        name: 'jobs|recognition|org',
        holder: 'serve@h1',
        acquired_at: now,
        expires_at: new Date('2024-03-04T09:01:00.000Z'),
      });
      await store.leases.release({ name: 'jobs|recognition|org', holder: 'serve@h1' });
      expect(await store.leases.get({ name: 'jobs|recognition|org' })).toBeNull();
    });

    it('refuses to look an agent up by an id or Slack user that is not a string, instead of matching one without it', async () => {
      await store.agents.upsertMany({ agents });
      const missing = undefined as unknown as string;
      await expect(store.agents.get({ id: missing })).rejects.toThrow(/agents.get: id/);
      await expect(store.agents.bySlackUser({ slackUserId: missing })).rejects.toThrow(
        /agents.bySlackUser: slackUserId/,
      );
      await expect(store.agents.bySlackUser({ slackUserId: '' })).rejects.toThrow(
        /agents.bySlackUser: slackUserId/,
      );
    });
  });
}
