/**
 * Every team side by side for directors, the same message whether the weekly job posts it
 * or a director asks for it (`/teamhealth digest`): the header and legend, the digest's
 * charts (the organisation dashboard and the tier mix across teams), the "Why" of each
 * alert and enablement by team, then one line a team (health per metric, tier mix, alert
 * count) and the alerts (sustained decline, volatility, contact-mix shift, speed bought
 * with quality). Lines are packed into sections of at most 3,000 characters, so 60 teams
 * fit in a handful of blocks; anything beyond the block budget is replaced by a visible
 * note, which stays last.
 */
import type { KnownBlock } from '@slack/types';
import type { OrgReport, TeamReport } from '../src/domain/report-types.ts';
import { metricLabel } from '../src/messages/metric-names.ts';
import { escapeMrkdwn } from '../src/messages/mrkdwn.ts';
import { tn } from '../src/messages/plural.ts';
import { balanceReason, reasonPhrases } from '../src/messages/reasons.ts';
import { t } from '../src/messages/t.ts';
import { LIMITS } from './limits.ts';
import {
  chartBlocks,
  context,
  fitMessage,
  header,
  type SlackMessage,
  section,
  type ViewCharts,
} from './message.ts';
import { BALANCED_ORDER, HEALTH_EMOJI } from './metric-lines.ts';
import { windowLine } from './team-summary.ts';

/** Alerts a team raises, in plain words (METRICS.md: health, stability, mix, balance). */
export function teamAlerts(team: TeamReport): string[] {
  const alerts: string[] = [];
  const teamName = escapeMrkdwn(team.name);
  for (const metric of BALANCED_ORDER) {
    const m = team.metrics[metric];
    const label = metricLabel(metric);
    if (m.trend.direction === 'declining' || m.health === 'at_risk')
      alerts.push(t('digest.alert.decline', { team: teamName, label }));
    else if (m.stability.status === 'volatile')
      alerts.push(t('digest.alert.volatile', { team: teamName, label }));
  }
  if (team.contactMix.shift) alerts.push(t('digest.alert.mix', { team: teamName }));
  for (const flag of team.balance)
    alerts.push(t('digest.alert.balance', { team: teamName, reason: balanceReason(flag) }));
  return alerts;
}

/**
 * Joins lines into as few texts as possible, each at most `max` characters (a line longer
 * than `max` is cut with an ellipsis so nothing exceeds the limit).
 * @example packLines(['aaa', 'bbb', 'ccc'], 7) // ['aaa\nbbb', 'ccc']
 */
export function packLines(lines: readonly string[], max: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const raw of lines) {
    const line = raw.length > max ? `${raw.slice(0, max - 1)}…` : raw;
    if (current && current.length + 1 + line.length > max) {
      out.push(current);
      current = line;
    } else current = current ? `${current}\n${line}` : line;
  }
  if (current) out.push(current);
  return out;
}

/** A team's digest row: its name, health per metric (BALANCED_ORDER), tier mix and alert count. */
export function teamLine(team: TeamReport): string {
  const alerts = teamAlerts(team);
  return t('digest.team_line', {
    team: escapeMrkdwn(team.name),
    statuses: BALANCED_ORDER.map((m) => HEALTH_EMOJI[team.metrics[m].health]).join(''),
    top: team.tierMix.top,
    average: team.tierMix.average,
    lagging: team.tierMix.lagging,
    alerts: alerts.length > 0 ? t('digest.alert_count', { count: alerts.length }) : '',
  });
}

/**
 * The digest's "Why", for people: at most one line per team and metric at risk or on
 * watch, its facts in plain words with the days of each kind of signal grouped
 * ("below its lower limit on 3 days: 12, 20 and 27 Oct"); p-values are left to the note
 * (`digest.why_note`) and the metric view, and a flat trend is left out beside signals.
 * @example whyLines(report) // ['• *Manila Tech Support* · Answer rate: below its lower limit on 3 days: 12, 20 and 27 Oct']
 */
export function whyLines(report: Pick<OrgReport, 'teams'>): string[] {
  return report.teams.flatMap((team) =>
    BALANCED_ORDER.filter(
      (m) =>
        ['at_risk', 'watch'].includes(team.metrics[m].health) && team.metrics[m].reasons.length > 0,
    ).map((m) =>
      t('digest.why_line', {
        team: escapeMrkdwn(team.name),
        label: metricLabel(m),
        reasons: reasonPhrases(m, team.metrics[m].reasons, {
          withP: false,
          skipFlatTrend: true,
        }).join('; '),
      }),
    ),
  );
}

/** "*Team* · *returns-2026*: learned 12 · …", one line per team and initiative. */
export function enablementLines(report: Pick<OrgReport, 'teams'>): string[] {
  return report.teams.flatMap((team) =>
    team.enablement.map((e) =>
      t('digest.enablement_line', {
        team: escapeMrkdwn(team.name),
        initiative: t('enablement.initiative', {
          initiative: escapeMrkdwn(e.initiativeId),
          ...e.stages,
        }),
      }),
    ),
  );
}

/** The "Alerts" list, packed into as few section texts as fit (one bullet an alert). */
export function alertTexts(report: Pick<OrgReport, 'teams'>): string[] {
  const alertLines = report.teams
    .flatMap(teamAlerts)
    .map((alert) => t('common.bullet', { text: alert }));
  return packLines(
    [t('digest.alerts_title'), ...(alertLines.length > 0 ? alertLines : [t('digest.no_alerts')])],
    LIMITS.sectionText,
  );
}

/** The digest's body blocks within `maxBlocks`, ending with a note when some had to go. */
export function digestBody(report: Pick<OrgReport, 'teams'>, maxBlocks: number): KnownBlock[] {
  const sections = [
    ...packLines(report.teams.map(teamLine), LIMITS.sectionText),
    ...alertTexts(report),
  ];
  const blocks: KnownBlock[] = sections.map((text) => section(text));
  if (blocks.length <= maxBlocks) return blocks;
  const kept = blocks.slice(0, maxBlocks - 1);
  kept.push(context(t('common.truncated', { count: blocks.length - kept.length })));
  return kept;
}

export interface DirectorDigestArgs extends ViewCharts {
  report: Pick<OrgReport, 'asOf' | 'window' | 'options' | 'teams'>;
}

/**
 * The "Why" as one section of whole lines: as many as fit, then how many more there are
 * and where to read them, instead of a line cut off mid-sentence.
 */
export function whySection(lines: readonly string[]): string {
  const all = t('digest.why', { lines: lines.join('\n') });
  if (all.length <= LIMITS.sectionText) return all;
  // Room is kept for the note at its longest (the count of every line, so most digits).
  let length = t('digest.why', { lines: '' }).length + tn('digest.why_more', lines.length).length;
  const shown: string[] = [];
  for (const line of lines) {
    if (length + line.length + 1 > LIMITS.sectionText) break;
    shown.push(line);
    length += line.length + 1;
  }
  const more = tn('digest.why_more', lines.length - shown.length);
  return t('digest.why', { lines: [...shown, more].join('\n') });
}

/** The "Why" (with its note on p-values) and "Enablement by team" sections, when there are any. */
function digestExtras(report: Pick<OrgReport, 'teams'>): KnownBlock[] {
  const why = whyLines(report);
  const enablement = enablementLines(report);
  return [
    ...(why.length > 0 ? [section(whySection(why)), context(t('digest.why_note'))] : []),
    ...(enablement.length > 0
      ? [section(t('digest.enablement', { lines: enablement.join('\n') }))]
      : []),
  ];
}

/**
 * @param args.charts the digest's charts, already uploaded (or referred to for upload)
 * @param args.chartsFailed charts were wanted but could not be made: a note says so
 */
export function buildDirectorDigestBlocks(args: DirectorDigestArgs): SlackMessage {
  const { report } = args;
  const head: KnownBlock[] = [
    header(t('digest.header', { count: report.teams.length })),
    context(
      windowLine(report),
      t('digest.legend', { columns: BALANCED_ORDER.map((m) => metricLabel(m)).join(', ') }),
    ),
  ];
  const worst = (team: TeamReport) => {
    const hs = BALANCED_ORDER.map((m) => team.metrics[m].health);
    return hs.includes('at_risk') ? 'at_risk' : hs.includes('watch') ? 'watch' : 'healthy';
  };
  const count = (h: string) => report.teams.filter((team) => worst(team) === h).length;
  const text = t('digest.fallback', {
    asOf: report.asOf,
    atRisk: count('at_risk'),
    watch: count('watch'),
    healthy: count('healthy'),
  });
  const top = [...head, ...chartBlocks(args), ...digestExtras(report)];
  const body = digestBody(report, Math.max(1, LIMITS.messageBlocks - top.length));
  return fitMessage({ text, blocks: [...top, ...body] });
}
