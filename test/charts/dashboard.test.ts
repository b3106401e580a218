/**
 * The team dashboard and the organisation dashboard (issue 15), drawn from the demo
 * organisation's real report and read back from the PNG (pngjs): size, no blank panel,
 * text inside the image, each panel's status strip in its health colour.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { COMPOSITE, panelBoxes } from '../../src/charts/composite.ts';
import { chartFontFamily } from '../../src/charts/fonts.ts';
import { renderSpec } from '../../src/charts/renderer.ts';
import type { ChartSpec, CompositeSpec } from '../../src/charts/spec.ts';
import { CELL_COLORS, orgDashboardSpec } from '../../src/charts/specs/org-dashboard.ts';
import {
  DASHBOARD_COLUMNS,
  DASHBOARD_LAYOUT,
  HEALTH_COLORS,
  teamDashboardSpec,
} from '../../src/charts/specs/team-dashboard.ts';
import { generateDemoOrganisation } from '../../src/demo/organisation.ts';
import { writeDemoToStore } from '../../src/demo/store-writer.ts';
import {
  EFFICIENCY_METRICS,
  METRICS,
  type Metric,
  QUALITY_METRICS,
} from '../../src/domain/metrics.ts';
import type { Health, OrgReport, TeamReport } from '../../src/domain/report-types.ts';
import { metricLabel } from '../../src/messages/metric-names.ts';
import { t } from '../../src/messages/t.ts';
import { buildOrgReport } from '../../src/reporting/build-org-report.ts';
import { teamReport } from '../../support/charts/fixtures.ts';
import { metricReport } from '../blocks/fixtures.ts';
import { memoryStore } from '../demo/memory-store.ts';
import { colorNear, type Decoded, decode, RATIO } from './png.ts';

let report: OrgReport;
beforeAll(async () => {
  const store = memoryStore();
  await writeDemoToStore({ store, org: generateDemoOrganisation({ seed: 42 }) });
  report = await buildOrgReport({ store });
}, 60_000);

type Box = { x: number; y: number; width: number; height: number };

/** Inside a panel: without its border and the status strip along its top. */
const inner = (box: Box): Box => ({
  x: box.x + 2,
  y: box.y + COMPOSITE.strip + 2,
  width: box.width - 4,
  height: box.height - COMPOSITE.strip - 4,
});

/** Variance of the grey level over a panel's inside: a blank (one-colour) panel has 0. */
function variance(img: Decoded, panel: Box): number {
  const box = inner(panel);
  let sum = 0;
  let sq = 0;
  let n = 0;
  for (let y = Math.round(box.y * RATIO); y < Math.round((box.y + box.height) * RATIO); y += 2) {
    for (let x = Math.round(box.x * RATIO); x < Math.round((box.x + box.width) * RATIO); x += 2) {
      const i = (y * img.width + x) * 4;
      const g =
        ((img.data[i] as number) + (img.data[i + 1] as number) + (img.data[i + 2] as number)) / 3;
      sum += g;
      sq += g * g;
      n++;
    }
  }
  const mean = sum / n;
  return sq / n - mean * mean;
}

/** Pixels dark enough to be text (our text is #222222) in a CSS box. */
function darkPixels(img: Decoded, box: Box): number {
  let count = 0;
  for (let y = Math.round(box.y * RATIO); y < Math.round((box.y + box.height) * RATIO); y++) {
    for (let x = Math.round(box.x * RATIO); x < Math.round((box.x + box.width) * RATIO); x++) {
      const i = (y * img.width + x) * 4;
      if (
        (img.data[i] as number) < 80 &&
        (img.data[i + 1] as number) < 80 &&
        (img.data[i + 2] as number) < 80
      )
        count++;
    }
  }
  return count;
}

const composite = (spec: ChartSpec) => spec as ChartSpec & { composite: CompositeSpec };
const teamNamed = (name: string) => report.teams.find((x) => x.name === name) as TeamReport;

describe('team dashboard', () => {
  it('puts each efficiency metric in a row beside a quality metric', () => {
    DASHBOARD_LAYOUT.forEach((metric, i) => {
      if (!EFFICIENCY_METRICS.includes(metric)) return;
      const rowStart = i - (i % DASHBOARD_COLUMNS);
      const row = DASHBOARD_LAYOUT.slice(rowStart, rowStart + DASHBOARD_COLUMNS);
      expect(
        row.some((m) => QUALITY_METRICS.includes(m)),
        metric,
      ).toBe(true);
    });
    expect([...DASHBOARD_LAYOUT].sort()).toEqual(
      [...QUALITY_METRICS, ...EFFICIENCY_METRICS].sort(),
    );
  });

  it('is one PNG at twice its CSS size, with five panels, none blank, each with its title text', () => {
    const team = teamNamed('Manila Tech Support');
    const spec = composite(teamDashboardSpec({ team, window: report.window }));
    const img = decode(renderSpec(spec));
    expect(img.width).toBe(spec.width * RATIO);
    expect(img.height).toBe(spec.height * RATIO);
    const boxes = panelBoxes(spec, chartFontFamily());
    expect(boxes).toHaveLength(5);
    for (const [i, box] of boxes.entries()) {
      const metric = DASHBOARD_LAYOUT[i] as (typeof DASHBOARD_LAYOUT)[number];
      expect(variance(img, box), `${metric} panel is not blank`).toBeGreaterThan(200);
      // The panel's title (label and status word) is drawn in its top band.
      expect(darkPixels(img, { ...box, height: 50 }), `${metric} title`).toBeGreaterThan(300);
      // The strip along the top repeats the status in colour.
      const health = team.metrics[metric].health;
      expect(colorNear(img, box.x + box.width / 2, box.y + 3, HEALTH_COLORS[health], 1, 10)).toBe(
        true,
      );
    }
    // The header's title is text inside the image, above the first panel.
    const first = boxes[0] as Box;
    expect(darkPixels(img, { x: 0, y: 0, width: spec.width, height: first.y })).toBeGreaterThan(
      2000,
    );
  });

  it('names each panel’s metric and status in its title, and its value and n under it', () => {
    const team = teamNamed('Manila Tech Support');
    const spec = composite(teamDashboardSpec({ team, window: report.window }));
    spec.composite.panels.forEach((panel, i) => {
      const metric = DASHBOARD_LAYOUT[i] as (typeof DASHBOARD_LAYOUT)[number];
      const plugins = panel.config?.options.plugins as {
        title: { text: string };
        subtitle: { text: string };
      };
      expect(plugins.title.text).toBe(
        `${t(`metric.short.${metric}`)} · ${t(`health.${team.metrics[metric].health}`)}`,
      );
      expect(plugins.subtitle.text).toContain(
        `n = ${team.metrics[metric].n.toLocaleString('en-US')}`,
      );
    });
  });

  it('summarises all five panels in its alt text, quality first', () => {
    const team = teamNamed('Manila Tech Support');
    const { altText } = teamDashboardSpec({ team, window: report.window });
    expect(altText).toContain('Manila Tech Support');
    const at = (metric: (typeof DASHBOARD_LAYOUT)[number]) =>
      altText.indexOf(
        `${metricLabel(metric)} ${t(`health.${team.metrics[metric].health}`).toLowerCase()} at`,
      );
    for (const metric of DASHBOARD_LAYOUT) expect(at(metric), metric).toBeGreaterThan(-1);
    expect(at('csat')).toBeLessThan(altText.indexOf('Efficiency:'));
    expect(at('aht')).toBeGreaterThan(altText.indexOf('Efficiency:'));
    const count = (h: string) =>
      DASHBOARD_LAYOUT.filter((m) => team.metrics[m].health === h).length;
    expect(altText).toContain(
      `${count('healthy')} healthy, ${count('watch')} on watch, ${count('at_risk')} at risk`,
    );
  });

  it('draws a metric without data as a "No data" card, not a blank panel', () => {
    const team = teamReport(); // its QA series is empty
    const spec = composite(
      teamDashboardSpec({ team, window: { from: '2026-10-04', to: '2026-10-31' } }),
    );
    const img = decode(renderSpec(spec));
    const box = panelBoxes(spec, chartFontFamily())[DASHBOARD_LAYOUT.indexOf('qa')] as Box;
    expect(variance(img, box)).toBeGreaterThan(50);
    expect(darkPixels(img, box)).toBeGreaterThan(200);
    expect(spec.altText).toContain('QA score: no data in the window');
  });

  it('adds the monthly trend as a small sixth panel when asked (the weekly post)', () => {
    const team = teamNamed('Manila Tech Support');
    const spec = composite(teamDashboardSpec({ team, window: report.window, monthly: 'csat' }));
    expect(spec.composite.panels).toHaveLength(6);
    const img = decode(renderSpec(spec));
    const box = panelBoxes(spec, chartFontFamily())[5] as Box;
    expect(variance(img, box)).toBeGreaterThan(200);
  });

  it('keeps its labels large enough to read at a phone’s 360 px', () => {
    const team = teamNamed('Manila Tech Support');
    const spec = composite(teamDashboardSpec({ team, window: report.window }));
    const shrink = 360 / spec.width;
    for (const panel of spec.composite.panels) {
      const options = panel.config?.options as {
        plugins: { title: { font: { size: number } } };
        scales: {
          x: { ticks: { font: { size: number } } };
          y: { ticks: { font: { size: number } } };
        };
      };
      expect(options.plugins.title.font.size * shrink).toBeGreaterThanOrEqual(10.5);
      expect(options.scales.x.ticks.font.size * shrink).toBeGreaterThanOrEqual(8);
      expect(options.scales.y.ticks.font.size * shrink).toBeGreaterThanOrEqual(8);
    }
  });
});

describe('organisation dashboard', () => {
  it('shows every team’s status per metric, worst first, in the health colours', () => {
    const spec = orgDashboardSpec({
      teams: report.teams,
      window: report.window,
      days: report.options.windowDays,
    });
    const img = decode(renderSpec(spec));
    expect(img.width).toBe(spec.width * RATIO);
    expect(img.height).toBe(spec.height * RATIO);
    const rows = spec.grid?.rows ?? [];
    expect(rows.map((r) => r.name).sort()).toEqual(report.teams.map((x) => x.name).sort());
    // Worst first, read from the drawn cells: at-risk count never rises down the table,
    // nor, among equal at-risk counts, the watch count; full ties are in name order.
    const count = (cells: { text: string }[], word: string) =>
      cells.filter((c) => c.text === word).length;
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1], rows[i]] as [(typeof rows)[0], (typeof rows)[0]];
      const key = (r: typeof a) => [count(r.cells, 'At risk'), count(r.cells, 'Watch')];
      const [ra, wa] = key(a);
      const [rb, wb] = key(b);
      expect(ra, `${a.name} before ${b.name}`).toBeGreaterThanOrEqual(rb as number);
      if (ra === rb) expect(wa, `${a.name} before ${b.name}`).toBeGreaterThanOrEqual(wb as number);
      if (ra === rb && wa === wb) expect(a.name.localeCompare(b.name)).toBeLessThan(0);
    }
    for (const row of rows) {
      const team = teamNamed(row.name);
      const want = [...QUALITY_METRICS, ...EFFICIENCY_METRICS].map((m) =>
        t(`chart.org.cell.${team.metrics[m].health}`),
      );
      expect(row.cells.map((c) => c.text)).toEqual(want);
    }
    // Some demo team is at risk; its cell colour is drawn.
    let found = 0;
    for (let i = 0; i < img.data.length; i += 4 * 97) {
      const [r, g, b] = [img.data[i], img.data[i + 1], img.data[i + 2]];
      if (r === 0xf5 && g === 0xc3 && b === 0xa6) found++;
    }
    expect(found).toBeGreaterThan(10);
    expect(CELL_COLORS.at_risk.color).toBe('#F5C3A6');
  });

  it('orders a hand-built organisation worst first: at risk, then watch, then name', () => {
    const team = (name: string, unhealthy: Partial<Record<Metric, Health>>) => ({
      name,
      metrics: Object.fromEntries(
        METRICS.map((m) => [m, metricReport(0.8, 100, unhealthy[m] ?? 'healthy')]),
      ) as TeamReport['metrics'],
    });
    const teams = [
      team('Cairo', {}), // 0 at risk, 0 watch
      team('Berlin', { csat: 'at_risk', aht: 'watch' }), // 1, 1
      team('Dakar', Object.fromEntries(METRICS.map((m) => [m, 'insufficient_data']))), // 0, 0
      team('Accra', { qa: 'watch', answer_rate: 'watch' }), // 0, 2
      team('Bogotá', { csat: 'at_risk' }), // 1, 0
      team('Austin', { aht: 'at_risk', fcr: 'at_risk' }), // 2, 0
      team('Athens', { fcr: 'at_risk', qa: 'watch' }), // 1, 1
    ];
    const spec = orgDashboardSpec({ teams, window: report.window, days: 28 });
    // By hand: Austin (2 at risk); Athens, Berlin (1 and 1, by name); Bogotá (1 and 0);
    // Accra (0 and 2); Cairo, Dakar (0 and 0, by name).
    expect(spec.grid?.rows.map((r) => r.name)).toEqual([
      'Austin',
      'Athens',
      'Berlin',
      'Bogotá',
      'Accra',
      'Cairo',
      'Dakar',
    ]);
  });

  it('names the teams at risk and on watch in its alt text', () => {
    const spec = orgDashboardSpec({
      teams: report.teams,
      window: report.window,
      days: report.options.windowDays,
    });
    for (const team of report.teams) {
      const atRisk = Object.values(team.metrics).some((m) => m.health === 'at_risk');
      const section = spec.altText.slice(
        spec.altText.indexOf('At risk:'),
        spec.altText.indexOf('On watch:'),
      );
      expect(section.includes(team.name), team.name).toBe(atRisk);
    }
  });
});
