/**
 * Only true sentences (PRODUCT.md; issue 14): on many generated organisations, every
 * claim a surface makes holds against the report's numbers. Organisations come from the
 * demo generator (src/demo) with a random seed, reshaped at random: as generated, a single
 * team, teams of 3, a metric missing, all agents equal, and pairs of identical agents
 * (ties). Each claim is read back from the words the surface shows (not from the
 * findings behind them) and checked against the OrgReport with an independent rule:
 *
 * - strength and focus (coaching DM and the agent's own view): "ahead of most of your
 *   peers" only at a percentile ≥ 0.5; a named strength has the agent's best percentile,
 *   a focus the worst, among metrics with a percentile on which the peer group does not
 *   all tie, QA only with ≥ 5 reviews; every metric sharing it is named;
 * - "leads the team on" (peer nudge): every named leader has the team's best ranking value
 *   (METRICS.md v2) among agents ranked on the metric, and everyone sharing it is named;
 * - top of the team, most improved, personal best (recognition);
 * - "has the most lagging agents" and "stands out" (the digest's tier-mix chart);
 * - rose / fell / held steady in the trend chart's alt text, stable / volatile and
 *   rising / falling in its title;
 * - a status word (Healthy, Watch, At risk) beside the numbers (team summary).
 * Runs are few (each builds a report of ~100 agents), so the suite stays fast.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAgentViewBlocks } from '../../blocks/agent-view.ts';
import { buildCoachingDmBlocks } from '../../blocks/coaching-dm.ts';
import { buildPeerNudgeBlocks } from '../../blocks/peer-nudge.ts';
import { buildRecognitionBlocks } from '../../blocks/recognition.ts';
import { buildTeamSummaryBlocks } from '../../blocks/team-summary.ts';
import { mostNeeded } from '../../jobs/peer-nudges.ts';
import { coachingFor } from '../../src/analytics/coaching.ts';
import { personalBests, selectRecognition } from '../../src/analytics/recognition.ts';
import { tierMixTeamsSpec } from '../../src/charts/specs/tier-mix-teams.ts';
import { trendStabilitySpec } from '../../src/charts/specs/trend-stability.ts';
import { generateDemoOrganisation } from '../../src/demo/organisation.ts';
import { writeDemoToStore } from '../../src/demo/store-writer.ts';
import { isoWeek } from '../../src/domain/dates.ts';
import {
  addSums,
  emptySums,
  METRIC_DEFS,
  METRICS,
  type Metric,
  metricN,
  metricValue,
  polaritySign,
  type Sums,
} from '../../src/domain/metrics.ts';
import type { AgentDay } from '../../src/domain/records.ts';
import type { AgentReport, OrgReport, TeamReport } from '../../src/domain/report-types.ts';
import { metricLabel } from '../../src/messages/metric-names.ts';
import { buildOrgReport } from '../../src/reporting/build-org-report.ts';
import { memoryStore } from '../demo/memory-store.ts';

const RUNS = 6;
const QA_MIN = 5;
const SHAPES = [
  'as_is',
  'single_team',
  'teams_of_3',
  'missing_metric',
  'all_equal',
  'ties',
] as const;
type Shape = (typeof SHAPES)[number];

const LABEL_TO_METRIC = new Map(METRICS.map((m) => [metricLabel(m), m] as const));

/** "CSAT, QA score and Handle time" → ['csat', 'qa', 'aht'] */
function metricsNamed(list: string): Metric[] {
  return list.split(/, | and /).map((label) => {
    const m = LABEL_TO_METRIC.get(label.trim());
    if (!m) throw new Error(`not a metric label: "${label}" in "${list}"`);
    return m;
  });
}

/** The demo organisation for a seed, reshaped. */
function shaped(seed: number, shape: Shape, dropped: Metric) {
  const org = generateDemoOrganisation({ seed });
  const keepAgents = (ids: Set<string>) => {
    org.agents = org.agents.filter((a) => ids.has(a.id));
    org.agentDays = org.agentDays.filter((d) => ids.has(d.agent_id));
    org.enablement = org.enablement.filter((e) => ids.has(e.agent_id));
    org.tips = org.tips.filter((t) => ids.has(t.agent_id));
  };
  if (shape === 'single_team') {
    const team = org.teams[seed % org.teams.length];
    org.teams = team ? [team] : [];
    const ids = new Set(org.agents.filter((a) => a.team_id === team?.id).map((a) => a.id));
    keepAgents(ids);
    org.contacts = org.contacts.filter((c) => c.team_id === team?.id);
  }
  if (shape === 'teams_of_3') {
    const ids = new Set(
      org.teams.flatMap((team) =>
        org.agents
          .filter((a) => a.team_id === team.id)
          .slice(0, 3)
          .map((a) => a.id),
      ),
    );
    keepAgents(ids);
  }
  if (shape === 'missing_metric') {
    const def = METRIC_DEFS[dropped];
    org.agentDays = org.agentDays.map((d) => {
      const copy: AgentDay = { ...d };
      delete copy[def.numerator];
      delete copy[def.denominator];
      return copy;
    });
  }
  if (shape === 'all_equal' || shape === 'ties') {
    // all_equal: every agent works exactly like the first; ties: agent 2k+1 like agent 2k.
    const byAgent = new Map<string, AgentDay[]>();
    for (const d of org.agentDays) byAgent.set(d.agent_id, [...(byAgent.get(d.agent_id) ?? []), d]);
    const ids = org.agents.map((a) => a.id);
    const model = (i: number) => (shape === 'all_equal' ? ids[0] : ids[i - (i % 2)]) as string;
    org.agentDays = org.agents.flatMap((agent, i) =>
      (byAgent.get(model(i)) ?? []).map((d) => ({
        ...d,
        agent_id: agent.id,
        team_id: agent.team_id,
      })),
    );
  }
  return org;
}

async function reportFor(seed: number, shape: Shape, dropped: Metric) {
  const org = shaped(seed, shape, dropped);
  const store = memoryStore();
  await writeDemoToStore({ store, org });
  return { org, report: await buildOrgReport({ store }) };
}

const peerGroup = (report: OrgReport, team: TeamReport): AgentReport[] =>
  (report.options.peerGroup === 'site'
    ? report.teams.filter((t) => t.site === team.site)
    : report.teams
  ).flatMap((t) => t.agents);

/** Metrics on which an agent may be strong or weak: ranked, not all tied, QA with enough reviews. */
function rankable(agent: AgentReport, peers: AgentReport[]): Metric[] {
  return METRICS.filter((m) => {
    if (typeof agent.percentiles[m] !== 'number') return false;
    if (m === 'qa' && (agent.n.qa ?? 0) < QA_MIN) return false;
    const ps = peers.map((a) => a.percentiles[m]).filter((p) => typeof p === 'number');
    return !(ps.length >= 2 && ps.every((p) => p === ps[0]));
  });
}

/** The strength and focus a text claims, with whether it says "ahead of most". */
function readStanding(text: string) {
  const strength = /\*Your (?:strengths?|strongest areas? this month)\*: ([^.]+)\./.exec(text);
  const focus = /\*Your focus(?: areas)?\*: ([^.]+)\./.exec(text);
  return {
    strength: strength ? metricsNamed(strength[1] as string) : null,
    focus: focus ? metricsNamed(focus[1] as string) : null,
    aheadOfMost: /ahead of most of your peers/.test(text),
  };
}

function checkStanding(text: string, agent: AgentReport, peers: AgentReport[], where: string) {
  const claim = readStanding(text);
  const ok = rankable(agent, peers);
  const p = (m: Metric) => agent.percentiles[m] as number;
  if (claim.strength) {
    const best = Math.max(...ok.map(p));
    expect(
      claim.strength.every((m) => ok.includes(m)),
      `${where}: strength is rankable`,
    ).toBe(true);
    expect(claim.strength.map(p), `${where}: strength has the best percentile`).toEqual(
      claim.strength.map(() => best),
    );
    expect(
      ok.filter((m) => p(m) === best).sort(),
      `${where}: every metric at the best percentile is named`,
    ).toEqual([...claim.strength].sort());
    if (claim.aheadOfMost)
      expect(best, `${where}: "ahead of most" needs a percentile ≥ 0.5`).toBeGreaterThanOrEqual(
        0.5,
      );
  } else expect(claim.aheadOfMost, `${where}: no "ahead of most" without a strength`).toBe(false);
  if (claim.focus) {
    const worst = Math.min(...ok.map(p));
    expect(
      claim.focus.every((m) => ok.includes(m)),
      `${where}: focus is rankable`,
    ).toBe(true);
    expect(
      ok.filter((m) => p(m) === worst).sort(),
      `${where}: every metric at the worst percentile is named`,
    ).toEqual([...claim.focus].sort());
    expect(worst, `${where}: the focus is below the strength`).toBeLessThan(Math.max(...ok.map(p)));
  }
}

/** @example median([1, 3, 2]) // 2 */
function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const k = Math.floor(s.length / 2);
  return s.length % 2 ? (s[k] as number) : ((s[k - 1] as number) + (s[k] as number)) / 2;
}

/** The chart's title text. */
function titleOf(spec: { config?: unknown }): string {
  const config = spec.config as { options?: { plugins?: { title?: { text?: unknown } } } };
  return String(config?.options?.plugins?.title?.text ?? '');
}

const mrkdwnOf = (message: { text: string; blocks: unknown[] }) =>
  `${message.text}\n${JSON.stringify(message.blocks)}`;

/** Runs `check` on a few generated organisations of every shape. */
function property(check: (args: { report: OrgReport; org: ReturnType<typeof shaped> }) => void) {
  return fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 1, max: 1_000_000 }),
      fc.constantFrom(...SHAPES),
      fc.constantFrom(...METRICS),
      async (seed, shape, dropped) => {
        const { report, org } = await reportFor(seed, shape, dropped);
        check({ report, org });
      },
    ),
    {
      numRuns: RUNS,
      examples: [
        [42, 'as_is', 'csat'],
        [42, 'all_equal', 'csat'],
      ],
    },
  );
}

describe('every claim holds against the report, on generated organisations', () => {
  it('strength and focus, in the coaching DM and the agent’s own view', async () => {
    await property(({ report }) => {
      for (const team of report.teams) {
        const peers = peerGroup(report, team);
        for (const agent of team.agents) {
          if (agent.tier === 'insufficient_data') continue;
          const coaching = coachingFor({
            team,
            agentId: agent.id,
            tips: [],
            peers,
            options: report.options,
          });
          const dm = buildCoachingDmBlocks({ coaching, report });
          checkStanding(mrkdwnOf(dm), agent, peers, `DM to ${agent.id}`);
          const view = buildAgentViewBlocks({ team, agentId: agent.id, report, peers });
          checkStanding(mrkdwnOf(view), agent, peers, `view of ${agent.id}`);
        }
      }
    });
  });

  it('"leads the team on": every named leader has the best ranking value, and all who share it are named', async () => {
    await property(({ report }) => {
      for (const team of report.teams) {
        const match = mostNeeded(team.peers);
        if (!match) continue;
        const leaders = (match.leaders ?? [match.leader]).map(
          (id) => team.agents.find((a) => a.id === id) as AgentReport,
        );
        const text = mrkdwnOf(
          buildPeerNudgeBlocks({
            team,
            metric: match.metric,
            leaderNames: leaders.map((a) => a.name),
            tip: null,
          }),
        );
        const said = /:clap: (.+?) (?:leads|share the lead of) the team on/.exec(text)?.[1] ?? '';
        const named = team.agents.filter((a) => said.split(/, | and /).includes(a.name));
        // Ranked on ranking values (METRICS.md v2): shrunk rates, QA only with enough reviews.
        const ranked = team.agents.filter(
          (a) =>
            a.tier !== 'insufficient_data' &&
            a.rankingValues[match.metric] !== undefined &&
            a.percentiles[match.metric] !== undefined &&
            (match.metric !== 'qa' || (a.n.qa ?? 0) >= QA_MIN),
        );
        const sign = polaritySign(match.metric);
        const rankOn = (a: AgentReport) => sign * (a.rankingValues[match.metric] as number);
        const best = Math.max(...ranked.map(rankOn));
        expect(named.length, `${team.id}: a leader is named`).toBeGreaterThan(0);
        for (const a of named) expect(rankOn(a), `${team.id} ${a.id} leads`).toBe(best);
        expect(
          named.map((a) => a.id).sort(),
          `${team.id}: everyone sharing the best ${match.metric} is named`,
        ).toEqual(
          ranked
            .filter((a) => rankOn(a) === best)
            .map((a) => a.id)
            .sort(),
        );
      }
    });
  });

  it('top of the team, most improved and personal bests', async () => {
    await property(({ report, org }) => {
      const week = isoWeek(report.asOf);
      for (const team of report.teams) {
        const eligible = team.agents.filter((a) => a.tier === 'top' || a.tier === 'average');
        const ids = new Set(eligible.map((a) => a.id));
        const days = org.agentDays.filter((d) => ids.has(d.agent_id) && d.date <= report.asOf);
        const recognition = {
          ...selectRecognition({ agents: team.agents }),
          personalBests: personalBests({ agents: eligible, days, currentWeek: week }),
        };
        const message = buildRecognitionBlocks({ teamName: team.name, week, recognition });
        if (!message) continue;
        const text = mrkdwnOf(message);
        const byName = (name: string) => team.agents.find((a) => a.name === name) as AgentReport;
        const top = /\*Top of the team\*[^:]*: ([^"\\]+)/.exec(text)?.[1];
        for (const name of top?.split(', ') ?? [])
          expect(byName(name).tier, `${name} is top of the team`).toBe('top');
        const improved = /\*Most improved\*[^:]*: ([^"\\]+)/.exec(text)?.[1];
        if (improved) {
          const named = improved.split(', ').map(byName);
          const gain = (a: AgentReport) =>
            (a.composite as number) - (a.previousComposite as number);
          const others = team.agents.filter(
            (a) =>
              a.tier !== 'insufficient_data' &&
              a.composite !== null &&
              a.previousComposite !== null &&
              a.tier !== 'top' &&
              !named.includes(a),
          );
          const least = Math.min(...named.map(gain));
          expect(least, 'a most improved agent improved').toBeGreaterThan(0);
          for (const o of others)
            expect(gain(o), `${o.id} improved less than everyone named`).toBeLessThan(least);
        }
        for (const m of text.matchAll(/• ([^:\\]+): best week yet on ([^"\\]+)/g)) {
          const agent = byName(m[1] as string);
          const metric = metricsNamed(m[2] as string)[0] as Metric;
          const weeks = new Map<string, Sums>();
          for (const d of days.filter((x) => x.agent_id === agent.id))
            weeks.set(isoWeek(d.date), addSums(weeks.get(isoWeek(d.date)) ?? emptySums(), d));
          const now = weeks.get(week) as Sums;
          const sign = polaritySign(metric);
          for (const [w, sums] of weeks) {
            if (w >= week || metricN(sums, metric) < 20) continue;
            expect(
              sign * (metricValue(now, metric) as number),
              `${agent.id} ${metric}: ${week} beats ${w}`,
            ).toBeGreaterThan(sign * (metricValue(sums, metric) as number));
          }
        }
      }
    });
  });

  it('the team with the most lagging agents, and "stands out", name every team at the top', async () => {
    await property(({ report }) => {
      const spec = tierMixTeamsSpec({
        teams: report.teams.map((t) => ({ name: t.name, tierMix: t.tierMix })),
      });
      const title = titleOf(spec);
      const share = (t: TeamReport) => {
        const tiered = t.tierMix.top + t.tierMix.average + t.tierMix.lagging;
        return tiered > 0 ? t.tierMix.lagging / tiered : null;
      };
      const shares = report.teams.map(share).filter((s): s is number => s !== null);
      const best = Math.max(...shares);
      const atTop = report.teams
        .filter((t) => share(t) === best)
        .map((t) => t.name)
        .sort();
      const most = /: (.+) ha(?:s|ve) the most lagging agents/.exec(title)?.[1];
      if (most) expect(most.split(/, | and /).sort(), `title "${title}"`).toEqual(atTop);
      const stands = /\. (.+?) stands? out: /.exec(spec.altText)?.[1];
      if (stands === 'No team') {
        const rest = shares.filter((x) => x !== best);
        if (rest.length > 0) expect(best - median(rest), `alt "${spec.altText}"`).toBeLessThan(0.1);
      } else if (stands) {
        expect(stands.split(/, | and /).sort(), `alt "${spec.altText}"`).toEqual(atTop);
        const rest = shares.filter((x) => x !== best);
        const mid = median(rest);
        expect(rest.length, 'others to stand out from').toBeGreaterThan(0);
        expect(best - mid, 'stands out by 10 points or more').toBeGreaterThanOrEqual(0.1 - 1e-12);
      }
    });
  });

  it('rose, fell or held steady in the trend chart, stable or volatile in its title', async () => {
    await property(({ report }) => {
      for (const team of report.teams.slice(0, 3)) {
        for (const metric of METRICS) {
          const m = team.metrics[metric];
          const spec = trendStabilitySpec({ teamName: team.name, metric, report: m });
          const title = titleOf(spec);
          const where = `${team.id} ${metric}: "${title}" / "${spec.altText}"`;
          const beyond = m.stability.signals.some((s) => s.rule === 'beyond_limits');
          if (/\bvolatile\b/.test(title)) expect(beyond, where).toBe(true);
          if (/\bstable\b/.test(title)) expect(beyond, where).toBe(false);
          const slope = m.trend.slopePerDay ?? 0;
          if (/rising \(/.test(title)) expect(slope, where).toBeGreaterThan(0);
          if (/falling \(/.test(title)) expect(slope, where).toBeLessThan(0);
          if (/held steady/.test(spec.altText)) expect(m.trend.direction, where).toBe('flat');
          const moved = /\b(rose|fell) from (\S+) to (\S+) over/.exec(spec.altText);
          if (moved) {
            const num = (s: string) => Number.parseFloat(s.replace(/[^\d.]/g, ''));
            const [from, to] = [moved[2] as string, moved[3] as string];
            expect(from, `${where}: a change is visible in the numbers shown`).not.toBe(to);
            if (metric !== 'aht')
              expect(Math.sign(num(to) - num(from)), where).toBe(moved[1] === 'rose' ? 1 : -1);
          }
        }
      }
    });
  });

  it('a status word beside its numbers: At risk on a decline, Watch on a signal, else Healthy', async () => {
    await property(({ report }) => {
      for (const team of report.teams) {
        const summary = buildTeamSummaryBlocks({
          team,
          report,
          audience: 'lead',
          query: { view: 'team', team: team.id },
          canShare: false,
        });
        const sections = summary.blocks
          .filter((b) => b.type === 'section')
          .map((b) => (b as { text: { text: string } }).text.text);
        for (const metric of METRICS) {
          const m = team.metrics[metric];
          const line = sections.find((s) => s.startsWith(`*${metricLabel(metric)}*:`)) ?? '';
          const word = /\n:[a-z_]+: (At risk|Watch|Healthy|Not enough data):/.exec(line)?.[1];
          const bad = m.stability.signals.some((s) => s.rule === 'beyond_limits' || s.bad);
          const expected =
            m.trend.direction === 'insufficient_data'
              ? 'Not enough data'
              : m.trend.direction === 'declining'
                ? 'At risk'
                : bad
                  ? 'Watch'
                  : 'Healthy';
          expect(word, `${team.id} ${metric}: ${line}`).toBe(expected);
          if (/\bvolatile\b/.test(line))
            expect(m.stability.signals.some((s) => s.rule === 'beyond_limits')).toBe(true);
        }
      }
    });
  });
});
