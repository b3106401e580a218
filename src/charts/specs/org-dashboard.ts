/**
 * The organisation dashboard for the director digest: every team's status at a glance,
 * a row per team and a cell per metric (quality first, then efficiency), each cell a
 * word on a colour (the word carries the meaning; colour repeats it). Worst teams first:
 * most metrics at risk, then most on watch, then by name.
 */
import { EFFICIENCY_METRICS, METRICS, type Metric, QUALITY_METRICS } from '../../domain/metrics.ts';
import type { Health, TeamReport } from '../../domain/report-types.ts';
import { metricLabel } from '../../messages/metric-names.ts';
import { tn } from '../../messages/plural.ts';
import { t } from '../../messages/t.ts';
import { gridSize } from '../composite.ts';
import { chartFontFamily } from '../fonts.ts';
import { type ChartSpec, clampAltText, type GridSpec, noDataSpec } from '../spec.ts';
import { listJoin, shortDate } from './wording.ts';

/** Quality first, then efficiency, as in every list of metrics. */
export const ORG_COLUMNS: readonly Metric[] = [...QUALITY_METRICS, ...EFFICIENCY_METRICS];
/** Teams drawn; the rest are counted under the table (the digest lists every team in words). */
export const MAX_ORG_ROWS = 30;
export const ORG_WIDTH = 760;

/** Cell fill and text colour per health: light fills, dark text (contrast ≥ 4.5:1). */
export const CELL_COLORS: Readonly<Record<Health, { color: string; ink: string }>> = {
  healthy: { color: '#D4EDE4', ink: '#0B5A43' },
  watch: { color: '#FBE3AE', ink: '#6B4A00' },
  at_risk: { color: '#F5C3A6', ink: '#7A2600' },
  insufficient_data: { color: '#EEEEEE', ink: '#595959' },
};

export interface OrgDashboardArgs {
  teams: Pick<TeamReport, 'name' | 'metrics'>[];
  window: { from: string; to: string };
  days: number;
}

const score = (team: Pick<TeamReport, 'metrics'>) => {
  const n = (h: Health) => METRICS.filter((m) => team.metrics[m].health === h).length;
  return { atRisk: n('at_risk'), watch: n('watch') };
};

/** Teams worst first: most at risk, then most on watch, then by name. */
function orderTeams<T extends Pick<TeamReport, 'name' | 'metrics'>>(teams: T[]): T[] {
  return [...teams].sort((a, b) => {
    const sa = score(a);
    const sb = score(b);
    return sb.atRisk - sa.atRisk || sb.watch - sa.watch || a.name.localeCompare(b.name);
  });
}

/**
 * @example orgDashboardSpec({ teams, window, days: 28 }).altText
 *   // 'Status of 8 teams over 28 days to Oct 31. At risk: Austin Retention (Handle time). On watch: …. All healthy: …'
 */
export function orgDashboardSpec(args: OrgDashboardArgs): ChartSpec {
  if (args.teams.length === 0) {
    return noDataSpec('org-dashboard', t('chart.org.title'), { width: ORG_WIDTH, height: 360 });
  }
  const ordered = orderTeams(args.teams);
  const shown = ordered.slice(0, MAX_ORG_ROWS);
  const teams = tn('chart.teams', args.teams.length);
  const grid: GridSpec = {
    title: t('chart.org.title'),
    subtitle: t('chart.org.subtitle', { teams, days: args.days, to: shortDate(args.window.to) }),
    columns: ORG_COLUMNS.map((m) => t(`metric.short.${m}`)),
    rows: shown.map((team) => ({
      name: team.name,
      cells: ORG_COLUMNS.map((m) => {
        const health = team.metrics[m].health;
        return { text: t(`chart.org.cell.${health}`), ...CELL_COLORS[health] };
      }),
    })),
    ...(ordered.length > shown.length
      ? { footer: t('chart.org.more', { count: ordered.length - shown.length }) }
      : {}),
  };
  const size = gridSize(grid, ORG_WIDTH, chartFontFamily());
  return { kind: 'org-dashboard', ...size, altText: clampAltText(altText(args, teams)), grid };
}

function altText(args: OrgDashboardArgs, teams: string): string {
  const ordered = orderTeams(args.teams);
  const named = (health: Health) =>
    ordered
      .filter((team) => ORG_COLUMNS.some((m) => team.metrics[m].health === health))
      .map((team) =>
        t('chart.org.alt_team', {
          team: team.name,
          metrics: listJoin(
            ORG_COLUMNS.filter((m) => team.metrics[m].health === health).map((m) => metricLabel(m)),
          ),
        }),
      );
  const healthy = ordered
    .filter((team) => ORG_COLUMNS.every((m) => team.metrics[m].health === 'healthy'))
    .map((team) => team.name);
  const list = (items: string[]) => (items.length > 0 ? listJoin(items) : t('chart.org.alt_none'));
  return t('chart.org.alt', {
    teams,
    days: args.days,
    to: shortDate(args.window.to),
    atRisk: list(named('at_risk')),
    watch: list(named('watch')),
    healthy: list(healthy),
  });
}
