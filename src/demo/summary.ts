/**
 * What `organisation.json` says about the demo: the calendar, the sites and teams with
 * their agent counts, and each planted pattern with where it is and what the report
 * should show for it, so a reader can go and look.
 */
import { addDays } from '../domain/dates.ts';
import type { LocalDate } from '../domain/records.ts';
import type { DemoOrganisation } from './organisation.ts';
import { DEMO_ANCHOR, PATTERNS } from './patterns.ts';
import { TEAMS } from './roster.ts';

export interface PlantedPattern {
  pattern:
    | 'csat_decline'
    | 'volatile'
    | 'speed_over_quality'
    | 'contact_mix_shift'
    | 'enablement_gaps'
    | 'top_agents_with_tips'
    | 'part_timers_under_floor'
    | 'thin_days'
    | 'thin_evidence_agent';
  /** Team ids where it is planted. */
  teams: string[];
  /** What was planted, in plain words. */
  planted: string;
  /** What `teamhealth report --as-of <anchor>` should show. */
  expect: string;
  /** Where exactly: the days or the agent, when the pattern has them. */
  dates?: LocalDate[];
  agent?: string;
}

export interface OrganisationSummary {
  seed: number;
  /** The last day of data; use it as the report's as-of. */
  anchor: LocalDate;
  from: LocalDate;
  to: LocalDate;
  counts: {
    sites: number;
    teams: number;
    agents: number;
    agentDays: number;
    contactVolumes: number;
    enablementEvents: number;
    tips: number;
  };
  sites: { site: string; timezone: string; teams: string[] }[];
  teams: {
    id: string;
    name: string;
    site: string;
    timezone: string;
    coverage: string;
    channel_id: string;
    agents: number;
    partTimers: number;
    topAgents: string[];
    patterns: PlantedPattern['pattern'][];
  }[];
  patterns: PlantedPattern[];
}

export function summariseOrganisation(org: DemoOrganisation): OrganisationSummary {
  const patterns = plantedPatterns(org);
  const sites = [...new Set(org.teams.map((t) => t.site))].map((site) => ({
    site,
    timezone: org.teams.find((t) => t.site === site)?.timezone ?? '',
    teams: org.teams.filter((t) => t.site === site).map((t) => t.id),
  }));
  return {
    seed: org.seed,
    anchor: DEMO_ANCHOR,
    from: org.from,
    to: org.to,
    counts: {
      sites: sites.length,
      teams: org.teams.length,
      agents: org.agents.length,
      agentDays: org.agentDays.length,
      contactVolumes: org.contacts.length,
      enablementEvents: org.enablement.length,
      tips: org.tips.length,
    },
    sites,
    teams: org.teams.map((t) => {
      const members = org.agents.filter((a) => a.team_id === t.id);
      return {
        id: t.id,
        name: t.name,
        site: t.site,
        timezone: t.timezone,
        coverage: TEAMS.find((d) => d.id === t.id)?.coverage ?? 'weekdays',
        channel_id: t.channel_id,
        agents: members.length,
        partTimers: members.filter((a) => org.planted.kinds[a.id] === 'part_time').length,
        topAgents: members.filter((a) => org.planted.topAgents.includes(a.id)).map((a) => a.id),
        patterns: patterns.filter((p) => p.teams.includes(t.id)).map((p) => p.pattern),
      };
    }),
    patterns,
  };
}

function plantedPatterns(org: DemoOrganisation): PlantedPattern[] {
  const { csatDecline, volatile, speedOverQuality, mixShift, enablement, thinDays, thinEvidence } =
    PATTERNS;
  const thinAgent = org.agents.find((a) => a.id === org.planted.thinEvidenceAgent);
  const stuck = Object.entries(enablement.stuck)
    .map(([diagnosis, n]) => `${n} ${diagnosis}`)
    .join(', ');
  const partTimerTeams = [
    ...new Set(
      org.agents.filter((a) => org.planted.kinds[a.id] === 'part_time').map((a) => a.team_id),
    ),
  ];
  return [
    {
      pattern: 'csat_decline',
      teams: [csatDecline.team],
      planted: `CSAT falls ${csatDecline.csatPointsPerDay} points a day from ${addDays(DEMO_ANCHOR, -csatDecline.startDaysBeforeAnchor)} (a stricter returns policy)`,
      expect: 'metrics.csat.health "at_risk", trend.direction "declining"',
    },
    {
      pattern: 'volatile',
      teams: [volatile.team],
      planted: `answer rate collapses to about ${Math.round(volatile.incidentAnswerRate * 100)}% on ${volatile.incidentDaysBeforeAnchor.length} incident days (${volatile.incidentDaysBeforeAnchor.map((d) => addDays(DEMO_ANCHOR, -d)).join(', ')})`,
      expect: 'metrics.answer_rate.stability.status "volatile" with beyond_limits signals',
    },
    {
      pattern: 'speed_over_quality',
      teams: [speedOverQuality.team],
      planted: `from ${addDays(DEMO_ANCHOR, -speedOverQuality.startDaysBeforeAnchor)} handle time falls ${-speedOverQuality.ahtSecondsPerDay} s a day while QA falls ${-speedOverQuality.qaPointsPerDay} and FCR ${-speedOverQuality.fcrPointsPerDay} points a day`,
      expect: 'balance contains kind "speed_over_quality"',
    },
    {
      pattern: 'contact_mix_shift',
      teams: [mixShift.team],
      planted: `"${mixShift.reason}" rises to ${Math.round(mixShift.shiftedShare * 100)}% of contacts in the last ${mixShift.days} days (billing incident)`,
      expect: `contactMix.shift true, drivers[0].reason "${mixShift.reason}"`,
    },
    {
      pattern: 'enablement_gaps',
      teams: [...enablement.teams],
      planted: `initiative "${enablement.initiative}": per team ${stuck}, the rest on track`,
      expect: 'enablement[0].agents with every diagnosis, including on_track',
    },
    {
      pattern: 'top_agents_with_tips',
      teams: org.teams.map((t) => t.id),
      planted: `${PATTERNS.topAgents.perTeam} strong all-round agents a team, each with a tip on their best metric`,
      expect: 'those agents mostly in the top tier; tips in the store',
    },
    {
      pattern: 'thin_days',
      teams: [thinDays.team],
      dates: thinDays.daysBeforeAnchor.map((d) => addDays(DEMO_ANCHOR, -d)),
      planted: `a skeleton crew of ${thinDays.crew} agents on ${thinDays.daysBeforeAnchor.length} Sundays, so those days rest on about a tenth of the usual survey answers and contacts`,
      expect:
        'metrics.csat (and fcr, answer_rate) stability.chart "p_prime" with stability.limits much wider on those dates than on the others; no signal on them',
    },
    {
      pattern: 'thin_evidence_agent',
      teams: [thinEvidence.team],
      agent: thinAgent ? `${thinAgent.id} (${thinAgent.name})` : '',
      planted: `customers answer this agent's survey about ${thinEvidence.csatResponseRate * 100}% of the time (usually 22%) at a low rate (about ${thinEvidence.csat * 100}%), and QA reviewed them only twice, poorly; the rest slightly below the usual`,
      expect:
        'n.csat under 10 and n.qa 2; ranked on raw values (v1) the worst CSAT and QA of the organisation and "lagging"; in the report (v2) rankingValues.csat near the group, no QA rank, tier "average" (scripts/compare-tiers.ts)',
    },
    {
      pattern: 'part_timers_under_floor',
      teams: partTimerTeams,
      planted:
        'one part-timer in these teams, one short shift a week (under 30 contacts in any 28 days)',
      expect: 'tier "insufficient_data", composite null',
    },
  ];
}
