/**
 * Assembles the OrgReport (src/domain/report-types.ts) from data already loaded: pure, no
 * store, no clock. Every number follows METRICS.md; see each analytics file for its rule.
 * Percentiles and tiers are computed over all agents in `agentWindow` (the organisation,
 * or each site), even when `reportTeamIds` narrows the output, so a filtered report ranks agents the same
 * way as the full one.
 */
import { isLocalDate } from '../domain/dates.ts';
import {
  addSums,
  emptySums,
  isProportion,
  METRIC_DEFS,
  METRICS,
  type Metric,
  metricN,
  metricValue,
  PROPORTION_METRICS,
  type Sums,
} from '../domain/metrics.ts';
import type { Agent, EnablementEvent, LocalDate, Team } from '../domain/records.ts';
import type {
  AgentReport,
  MetricReport,
  OrgReport,
  ReportOptions,
  TeamReport,
  TierMix,
} from '../domain/report-types.ts';
import type { AgentWindowSums, ContactCount, TeamDaySums } from '../domain/sums.ts';
import { balanceFlags } from './balance.ts';
import { enablementReports } from './enablement.ts';
import { health } from './health.ts';
import { contactMix } from './mix.ts';
import { tierMovement } from './movement.ts';
import { pPrime } from './p-prime.ts';
import { peerMatches } from './peers.ts';
import { rankingValues } from './ranking-values.ts';
import { dailyPoints, monthlyPoints, sumsByDate, sumsByMonth, totalSums } from './series.ts';
import { assignTiers, type TierInput, type TierResult } from './tiers.ts';
import { trend } from './trend.ts';
import { wilson } from './wilson.ts';
import { reportWindows } from './windows.ts';
import { xmr } from './xmr.ts';

export interface ReportInputs {
  asOf: LocalDate;
  options: ReportOptions;
  /** Every team of the organisation (their sites define site peer groups), in output order. */
  teams: Team[];
  /** Only these teams in the output (all of `teams` when omitted). */
  reportTeamIds?: string[];
  /** Every agent of the organisation (names, teams and sites). */
  agents: Agent[];
  /** Team-day sums for the reported teams, covering the monthly span and the window. */
  teamDays: TeamDaySums[];
  /** Agent sums over the window and over the previous window, for all teams. */
  agentWindow: AgentWindowSums[];
  agentPreviousWindow: AgentWindowSums[];
  /** Reason counts per team: the last 7 days, and the 28 days before them. */
  contactsRecent: ContactCount[];
  contactsBaseline: ContactCount[];
  /** Enablement events up to asOf. */
  enablement: EnablementEvent[];
}

/**
 * @param inputs everything the report needs, already loaded
 * @returns the OrgReport for `inputs.teams`
 * @throws Error when asOf is not a date
 * @example assembleOrgReport({ asOf: '2026-10-31', options: defaultReportOptions(), … })
 *   // { asOf: '2026-10-31', window: { from: '2026-10-04', to: '2026-10-31' }, teams: [...] }
 */
export function assembleOrgReport(inputs: ReportInputs): OrgReport {
  const { asOf, options } = inputs;
  if (!isLocalDate(asOf))
    throw new Error(`assembleOrgReport: asOf must be a date written YYYY-MM-DD, got "${asOf}"`);
  const windows = reportWindows(asOf, options.windowDays, options.monthlyMonths);
  const teamById = new Map(inputs.teams.map((t) => [t.id, t]));
  const agentById = new Map(inputs.agents.map((a) => [a.id, a]));
  const siteOf = (agentId: string, fallbackTeam: string) => {
    const agent = agentById.get(agentId);
    return agent?.site ?? teamById.get(agent?.team_id ?? fallbackTeam)?.site ?? '';
  };

  const current = bySumsAgent(inputs.agentWindow);
  const previous = bySumsAgent(inputs.agentPreviousWindow);
  // Ranked on ranking values (METRICS.md v2): shrunk proportions, QA with enough reviews.
  const ranked = (rows: Map<string, { team: string; sums: Sums }>) => {
    const inputs = [...rows].map(([id, { team, sums }]) => ({
      id,
      group: options.peerGroup === 'site' ? siteOf(id, team) : 'organisation',
      sums,
    }));
    const values = rankingValues(inputs, options);
    const tierInputs: TierInput[] = inputs.map(({ id, group, sums }) => ({
      id,
      group,
      contacts: sums.contacts_handled,
      values: values.get(id) ?? {},
    }));
    return { values, tiers: assignTiers(tierInputs, options) };
  };
  const { values: currentRanking, tiers } = ranked(current);
  const { tiers: previousTiers } = ranked(previous);

  const daysByTeam = groupBy(inputs.teamDays, (r) => r.team_id);
  // Grouped once, so a 400-team organisation is not scanned once per team.
  const rosterByTeam = groupBy(inputs.agents, (a) => a.team_id);
  const unrostered = groupBy(
    [...current].filter(([id]) => !agentById.has(id)).map(([id, { team }]) => ({ id, team })),
    (a) => a.team,
  );
  const baselineByTeam = groupBy(inputs.contactsBaseline, (r) => r.team_id);
  const recentByTeam = groupBy(inputs.contactsRecent, (r) => r.team_id);
  const countsOf = (rows: ContactCount[] | undefined) => {
    const counts = new Map<string, number>();
    for (const r of rows ?? []) counts.set(r.reason, (counts.get(r.reason) ?? 0) + r.count);
    return counts;
  };

  const wanted = inputs.reportTeamIds ? new Set(inputs.reportTeamIds) : null;
  const reported = wanted ? inputs.teams.filter((t) => wanted.has(t.id)) : inputs.teams;
  const teams: TeamReport[] = reported.map((team) => {
    const days = daysByTeam.get(team.id) ?? [];
    const metrics = {} as Record<Metric, MetricReport>;
    // Grouped once per team; each metric then reads the same per-day and per-month sums.
    const perDay = sumsByDate(days, windows.window);
    const windowTotals = totalSums(days, windows.window);
    const byMonth = sumsByMonth(days, windows.monthly);
    for (const metric of METRICS) {
      const series = dailyPoints(perDay, metric);
      const t = trend(series, metric, windows.window.from);
      // Proportions on a Laney p′ chart (limits from each day's n), means on XmR.
      const stability = isProportion(metric) ? pPrime(series, metric) : xmr(series, metric);
      const h = health(metric, t, stability, options.windowDays);
      metrics[metric] = {
        value: metricValue(windowTotals, metric),
        n: metricN(windowTotals, metric),
        series,
        monthly: monthlyPoints(byMonth, metric),
        trend: t,
        stability,
        health: h.health,
        reasons: h.reasons,
      };
    }

    // Agents of the team: its roster, plus anyone whose window work was for this team but
    // who has no roster entry (so no contacts go missing from the tier mix).
    const ids = new Set((rosterByTeam.get(team.id) ?? []).map((a) => a.id));
    for (const a of unrostered.get(team.id) ?? []) ids.add(a.id);
    const agents: AgentReport[] = [...ids].sort().map((id) => {
      const sums = current.get(id)?.sums;
      const result: TierResult = tiers.get(id) ?? {
        tier: 'insufficient_data',
        composite: null,
        percentiles: {},
      };
      const prev = previousTiers.get(id);
      return {
        id,
        name: agentById.get(id)?.name ?? id,
        team_id: team.id,
        tier: result.tier,
        composite: result.composite,
        contacts: sums?.contacts_handled ?? 0,
        percentiles: result.percentiles,
        rankingValues: currentRanking.get(id) ?? {},
        intervals: sums ? intervalsOf(sums) : {},
        numerators: sums ? numeratorsOf(sums) : {},
        values: sums ? valuesOf(sums) : {},
        n: sums ? nsOf(sums) : {},
        previousTier: prev?.tier ?? null,
        previousComposite: prev?.composite ?? null,
      };
    });
    const tierMix: TierMix = { top: 0, average: 0, lagging: 0, insufficient_data: 0 };
    for (const a of agents) tierMix[a.tier] += 1;
    const tiered = agents.filter((a) => a.tier !== 'insufficient_data');

    const directions = Object.fromEntries(
      METRICS.map((m) => [m, metrics[m].trend.direction]),
    ) as Record<Metric, MetricReport['trend']['direction']>;
    return {
      id: team.id,
      name: team.name,
      site: team.site,
      timezone: team.timezone,
      metrics,
      tierMix,
      tierMovement: tierMovement(
        agents.map((a) => ({ previous: a.previousTier, current: a.tier })),
      ),
      agents,
      contactMix: contactMix(
        countsOf(baselineByTeam.get(team.id)),
        countsOf(recentByTeam.get(team.id)),
        {
          baseline: windows.mixBaseline,
          recent: windows.mixRecent,
        },
      ),
      enablement: enablementReports(inputs.enablement, ids),
      balance: balanceFlags(directions),
      peers: peerMatches(tiered, options),
    };
  });

  return {
    asOf,
    window: windows.window,
    previousWindow: windows.previousWindow,
    options,
    teams,
  };
}

/**
 * Agent sums keyed by agent. Rows for one agent under several teams are added, and the
 * agent's window team is the one with the most contacts (where the work was done).
 */
function bySumsAgent(rows: readonly AgentWindowSums[]): Map<string, { team: string; sums: Sums }> {
  const out = new Map<string, { team: string; sums: Sums; teamContacts: number }>();
  for (const row of rows) {
    const entry = out.get(row.agent_id);
    if (!entry) {
      const sums = addSums(emptySums(), row);
      out.set(row.agent_id, { team: row.team_id, sums, teamContacts: row.contacts_handled });
      continue;
    }
    addSums(entry.sums, row);
    if (row.contacts_handled > entry.teamContacts) {
      entry.team = row.team_id;
      entry.teamContacts = row.contacts_handled;
    }
  }
  return out;
}

function valuesOf(sums: Sums): Partial<Record<Metric, number>> {
  const values: Partial<Record<Metric, number>> = {};
  for (const m of METRICS) {
    const v = metricValue(sums, m);
    if (v !== null) values[m] = v;
  }
  return values;
}

/** The Wilson 95% interval of each proportion with n > 0. */
function intervalsOf(sums: Sums): AgentReport['intervals'] {
  const out: AgentReport['intervals'] = {};
  for (const m of PROPORTION_METRICS) {
    const n = metricN(sums, m);
    if (n > 0) out[m] = wilson(sums[METRIC_DEFS[m].numerator], n);
  }
  return out;
}

/** The summed numerator of each proportion with n > 0. */
function numeratorsOf(sums: Sums): AgentReport['numerators'] {
  const out: AgentReport['numerators'] = {};
  for (const m of PROPORTION_METRICS) {
    if (metricN(sums, m) > 0) out[m] = sums[METRIC_DEFS[m].numerator];
  }
  return out;
}

function nsOf(sums: Sums): Partial<Record<Metric, number>> {
  const ns: Partial<Record<Metric, number>> = {};
  for (const m of METRICS) ns[m] = metricN(sums, m);
  return ns;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}
