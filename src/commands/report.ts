/**
 * `teamhealth report`: each team's health (trend, stability, tiers, contact mix,
 * enablement, balance), as a readable terminal summary or, with --json, the OrgReport.
 * Returns the exit code: 0 done, 1 failure (unknown team, no data), 64 bad option.
 */
import { parseWeights, resolveReportOptions } from '../analytics/options.ts';
import { loadConfig } from '../config.ts';
import { METRICS } from '../domain/metrics.ts';
import type { OrgReport, ReportOptions, TeamReport } from '../domain/report-types.ts';
import { asTeamhealthError, UsageError } from '../errors.ts';
import { createLogger } from '../log.ts';
import { formatN, formatP, formatValue } from '../messages/format.ts';
import { metricLabel } from '../messages/metric-names.ts';
import { balanceReason, reasonPhrases } from '../messages/reasons.ts';
import { buildOrgReport } from '../reporting/build-org-report.ts';

export interface ReportCommandOptions {
  team?: string;
  asOf?: string;
  windowDays?: number;
  eligibility?: number;
  topShare?: number;
  laggingShare?: number;
  /** e.g. "csat=2,fcr=1" */
  weights?: string;
  peerGroup?: ReportOptions['peerGroup'];
  /** QA is ranked only with at least this many reviews (METRICS.md v2; default 5). */
  qaMinEvaluations?: number;
  json?: boolean;
}

export interface ReportCommandIo {
  out?: (text: string) => void;
  err?: (text: string) => void;
}

export async function reportCommand(
  options: ReportCommandOptions,
  io: ReportCommandIo = {},
): Promise<number> {
  const out = io.out ?? ((text: string) => process.stdout.write(text));
  const err = io.err ?? ((text: string) => process.stderr.write(text));
  // Options are checked before the store is opened: a bad option is a usage error (exit 64).
  let reportOptions: ReportOptions;
  try {
    reportOptions = resolveReportOptions({
      windowDays: options.windowDays,
      eligibilityFloor: options.eligibility,
      topShare: options.topShare,
      laggingShare: options.laggingShare,
      peerGroup: options.peerGroup,
      qaMinEvaluations: options.qaMinEvaluations,
      weights: options.weights ? parseWeights(options.weights) : undefined,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  // Loaded on use, so the text formatter below can be used (and tested) without a store backend.
  const { openStore } = await import('../store/open.ts');
  const store = await openStore(
    { mongoUri: config.mongoUri, mongoDb: config.mongoDb, dataDir: config.dataDir },
    { logger, readerThread: true },
  );
  try {
    let teamIds: string[] | undefined;
    if (options.team) {
      const teams = await store.teams.list();
      const match =
        teams.find((t) => t.id === options.team) ?? teams.find((t) => t.name === options.team);
      if (!match) {
        const known = teams.map((t) => `${t.id} (${t.name})`).join(', ') || 'none';
        err(
          `teamhealth report: no team with id or name "${options.team}". Known teams: ${known}\n`,
        );
        return 1;
      }
      teamIds = [match.id];
    }
    const report = await buildOrgReport({
      store,
      asOf: options.asOf,
      teamIds,
      options: reportOptions,
    });
    if (!options.json) out(formatReportText(report));
    // Indented for a person at a terminal; compact when piped (an organisation's report is large).
    else if (process.stdout.isTTY) out(`${JSON.stringify(report, null, 2)}\n`);
    else for (const piece of compactJsonPieces(report)) out(piece);
    return 0;
  } catch (error) {
    const e = asTeamhealthError(error);
    err(`teamhealth report: ${e.message}\n`);
    return 1;
  } finally {
    await store.close();
  }
}

/**
 * `JSON.stringify(report)` and a newline, in pieces: the report around its teams, then
 * one piece per team. The same bytes, but no one 9 MiB string: a single non-Latin-1
 * letter (an agent's name) makes V8 hold a whole string two bytes a character, and only
 * the teams that have one pay for it here.
 */
export function* compactJsonPieces(report: OrgReport): Generator<string> {
  const marker = '"teams":[]';
  const frame = JSON.stringify({ ...report, teams: [] });
  const at = frame.indexOf(marker);
  yield `${frame.slice(0, at)}"teams":[`;
  for (let i = 0; i < report.teams.length; i++) {
    yield `${i > 0 ? ',' : ''}${JSON.stringify(report.teams[i])}`;
  }
  yield `]${frame.slice(at + marker.length)}\n`;
}

/** The terminal summary: per team, each metric's value with n, health and first reason; tiers; mix; balance. */
export function formatReportText(report: OrgReport): string {
  const lines = [
    `Team health as of ${report.asOf} (window ${report.window.from} to ${report.window.to})`,
    '',
  ];
  for (const team of report.teams) lines.push(...formatTeam(team), '');
  if (report.teams.length === 0) lines.push('No teams to report.');
  return `${lines.join('\n')}\n`;
}

function formatTeam(team: TeamReport): string[] {
  const lines = [`${team.name} [${team.id}] · ${team.site || 'no site'} · ${team.timezone}`];
  for (const metric of METRICS) {
    const m = team.metrics[metric];
    const label = metricLabel(metric).padEnd(26);
    const value = formatValue(metric, m.value).padStart(8);
    const n = formatN(metric, m.n).padEnd(30);
    lines.push(
      `  ${label}${value}  ${n} ${m.health.padEnd(17)} ${reasonPhrases(metric, m.reasons.slice(0, 1), { withP: true })[0] ?? ''}`,
    );
  }
  const t = team.tierMix;
  lines.push(
    `  Tiers: top ${t.top} · average ${t.average} · lagging ${t.lagging} · not enough contacts ${t.insufficient_data}`,
  );
  const mix = team.contactMix;
  if (mix.p === null) {
    lines.push('  Contact mix: not enough contacts to compare');
  } else if (mix.shift) {
    const top = mix.drivers[0];
    const driver = top
      ? `; ${top.reason} ${(top.before * 100).toFixed(1)}% → ${(top.after * 100).toFixed(1)}%`
      : '';
    lines.push(`  Contact mix: shifted (${formatP(mix.p)})${driver}`);
  } else {
    lines.push(`  Contact mix: no shift (${formatP(mix.p)})`);
  }
  for (const flag of team.balance) lines.push(`  Balance: ${balanceReason(flag)}`);
  if (team.balance.length === 0) lines.push('  Balance: no speed/quality trade-off');
  return lines;
}
