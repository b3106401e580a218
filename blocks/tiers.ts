/**
 * A team's tier mix, how agents moved since the previous window, and who is in each
 * tier. For leads and directors only: it names who is lagging, which an agent must never
 * see (PRODUCT.md, "Coaching, not surveillance"), so the builder refuses an agent audience.
 * Nothing reads as a ranking of individuals (METRICS.md v2, "Funnel view"): each tier's
 * names are in alphabetical order with no score, and in place of a ranking the funnel
 * charts show every agent against their n, with only those worse beyond chance named.
 */
import type { KnownBlock } from '@slack/types';
import { PROPORTION_METRICS } from '../src/domain/metrics.ts';
import type {
  AgentReport,
  OrgReport,
  TeamReport,
  Tier,
  TierOrInsufficient,
} from '../src/domain/report-types.ts';
import { escapeMrkdwn } from '../src/messages/mrkdwn.ts';
import { t } from '../src/messages/t.ts';
import { funnelFlagsText } from './funnel-flags.ts';
import {
  chartBlocks,
  context,
  fitMessage,
  header,
  type SlackMessage,
  section,
  type ViewCharts,
} from './message.ts';
import { windowLine } from './team-summary.ts';

const TIERS: readonly Tier[] = ['top', 'average', 'lagging'];
const RANK: Record<Tier, number> = { lagging: 0, average: 1, top: 2 };

export interface TiersArgs extends ViewCharts {
  team: TeamReport;
  report: Pick<OrgReport, 'asOf' | 'window' | 'options'>;
  audience: 'lead' | 'director';
}

/** Agents who moved up, down, or stayed, from the 3×3 movement matrix. */
export function movementCounts(movement: TeamReport['tierMovement']): {
  up: number;
  down: number;
  same: number;
} {
  const out = { up: 0, down: 0, same: 0 };
  for (const from of TIERS) {
    for (const to of TIERS) {
      const n = movement[from]?.[to] ?? 0;
      if (RANK[to] > RANK[from]) out.up += n;
      else if (RANK[to] < RANK[from]) out.down += n;
      else out.same += n;
    }
  }
  return out;
}

/** A tier's names in alphabetical order, no scores: a group, not a ranking. */
function names(agents: AgentReport[], tier: TierOrInsufficient): string {
  const inTier = agents
    .filter((a) => a.tier === tier)
    .sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1))
    .map((a) => escapeMrkdwn(a.name));
  return inTier.length > 0 ? inTier.join(', ') : t('tiers.none');
}

export function buildTiersBlocks(args: TiersArgs): SlackMessage {
  if ((args.audience as string) === 'agent') throw new TypeError(t('tiers.private'));
  const { team } = args;
  const mix = team.tierMix;
  const blocks: KnownBlock[] = [
    header(t('tiers.header', { team: team.name })),
    context(windowLine(args.report)),
    section(
      t('tiers.mix', {
        top: mix.top,
        average: mix.average,
        lagging: mix.lagging,
        insufficient: mix.insufficient_data,
      }),
    ),
    section(
      t('tiers.movement', {
        days: args.report.options.windowDays,
        ...movementCounts(team.tierMovement),
      }),
    ),
  ];
  for (const tier of [...TIERS, 'insufficient_data'] as const) {
    blocks.push(section(`${t(`tiers.group.${tier}`)}\n${names(team.agents, tier)}`));
  }
  blocks.push(section(funnelFlagsText(team, PROPORTION_METRICS)));
  blocks.push(...chartBlocks(args));
  const text = t('tiers.fallback', {
    team: escapeMrkdwn(team.name),
    top: mix.top,
    average: mix.average,
    lagging: mix.lagging,
  });
  return fitMessage({ text, blocks });
}
