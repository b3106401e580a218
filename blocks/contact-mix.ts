/**
 * A team's contact-reason mix: did it shift (chi-square, last 7 days against the 28
 * before, METRICS.md "Contact-reason mix shift"), and which reasons drove it.
 */
import type { KnownBlock } from '@slack/types';
import type { OrgReport, TeamReport } from '../src/domain/report-types.ts';
import { formatP } from '../src/messages/format.ts';
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

const MAX_DRIVERS = 10;
const pct = (share: number) => `${(share * 100).toFixed(1)}%`;

export interface ContactMixArgs extends ViewCharts {
  team: TeamReport;
  report: Pick<OrgReport, 'asOf' | 'window' | 'options'>;
}

export function buildContactMixBlocks(args: ContactMixArgs): SlackMessage {
  const { team } = args;
  const mix = team.contactMix;
  const blocks: KnownBlock[] = [
    header(t('mix.header', { team: team.name })),
    context(windowLine(args.report)),
  ];
  if (mix.nBefore + mix.nAfter === 0) {
    blocks.push(section(t('mix.no_data')));
    return { text: t('mix.no_data'), blocks };
  }
  blocks.push(section(t(mix.shift ? 'mix.shift' : 'mix.steady', { p: formatP(mix.p) })));
  blocks.push(context(t('mix.counts', { after: mix.nAfter, before: mix.nBefore })));
  const lines = mix.drivers.slice(0, MAX_DRIVERS).map((d) =>
    t('mix.driver', {
      reason: escapeMrkdwn(d.reason),
      before: pct(d.before),
      after: pct(d.after),
    }),
  );
  if (mix.drivers.length > MAX_DRIVERS)
    lines.push(t('common.truncated', { count: mix.drivers.length - MAX_DRIVERS }));
  if (lines.length > 0) blocks.push(section(lines.join('\n')));
  blocks.push(...chartBlocks(args));
  const text = mix.shift
    ? t('mix.fallback_shift', { team: escapeMrkdwn(team.name), p: formatP(mix.p) })
    : t('mix.fallback_steady', { team: escapeMrkdwn(team.name) });
  return fitMessage({ text, blocks });
}
