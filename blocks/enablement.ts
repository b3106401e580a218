/**
 * Did training reach the customer: per initiative, how many agents passed each
 * checkpoint, and (for leads and directors) who is stuck where with the suggested next
 * step (METRICS.md, "Enablement funnel diagnosis").
 */
import type { KnownBlock } from '@slack/types';
import type { EnablementDiagnosis, OrgReport, TeamReport } from '../src/domain/report-types.ts';
import { escapeMrkdwn } from '../src/messages/mrkdwn.ts';
import { t } from '../src/messages/t.ts';
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

const DIAGNOSES: readonly EnablementDiagnosis[] = [
  'not_learned',
  'not_understood',
  'cannot_apply',
  'not_yet_habit',
  'on_track',
];
/** Initiatives shown before the rest are summarised; two blocks each keeps a message under 50. */
const MAX_INITIATIVES = 20;

export interface EnablementArgs extends ViewCharts {
  team: TeamReport;
  report: Pick<OrgReport, 'asOf' | 'window' | 'options'>;
  /** Only this initiative (already checked to exist). */
  initiative?: string;
  /** Name who is stuck where: leads and directors only. */
  showAgents: boolean;
}

export function buildEnablementBlocks(args: EnablementArgs): SlackMessage {
  const { team } = args;
  const initiatives = team.enablement.filter(
    (e) => !args.initiative || e.initiativeId === args.initiative,
  );
  const blocks: KnownBlock[] = [
    header(t('enablement.header', { team: team.name })),
    context(windowLine(args.report)),
  ];
  if (initiatives.length === 0) {
    blocks.push(section(t('enablement.none')));
    return { text: t('enablement.none'), blocks };
  }
  const nameOf = new Map(team.agents.map((a) => [a.id, a.name]));
  for (const e of initiatives.slice(0, MAX_INITIATIVES)) {
    const lines = [
      t('enablement.initiative', { initiative: escapeMrkdwn(e.initiativeId), ...e.stages }),
    ];
    if (args.showAgents) {
      for (const diagnosis of DIAGNOSES) {
        const who = e.agents
          .filter((a) => a.diagnosis === diagnosis)
          .map((a) => escapeMrkdwn(nameOf.get(a.id) ?? a.id));
        if (who.length > 0 && diagnosis !== 'on_track') {
          lines.push(
            t('enablement.group', {
              diagnosis: t(`enablement.diagnosis.${diagnosis}`),
              names: who.join(', '),
            }),
          );
        }
      }
    }
    blocks.push(section(lines.join('\n')));
  }
  if (initiatives.length > MAX_INITIATIVES) {
    blocks.push(context(t('common.truncated', { count: initiatives.length - MAX_INITIATIVES })));
  }
  blocks.push(...chartBlocks(args));
  return fitMessage({
    text: t('enablement.fallback', { team: escapeMrkdwn(team.name), count: initiatives.length }),
    blocks,
  });
}
