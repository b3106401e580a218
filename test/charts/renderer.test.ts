/**
 * Every chart type decoded from its PNG: size is 2× the CSS size, and the data is drawn
 * where the data says — positions are computed here from the spec's values, its fixed
 * axis range and the plot area chart.js reports (category centres and linear scales).
 */
import { describe, expect, it } from 'vitest';
import {
  INK,
  OKABE_ITO,
  SERIES_COLOR,
  STAGE_COLORS,
  TIER_COLORS,
} from '../../src/charts/palette.ts';
import { type ChartArea, renderSpec, renderSpecWithLayout } from '../../src/charts/renderer.ts';
import { type ChartSpec, noDataSpec } from '../../src/charts/spec.ts';
import { contactMixSpec, MIX_COLORS } from '../../src/charts/specs/contact-mix.ts';
import { enablementFunnelSpec } from '../../src/charts/specs/enablement-funnel.ts';
import { monthlyTrendSpec } from '../../src/charts/specs/monthly-trend.ts';
import { tierMixTeamsSpec } from '../../src/charts/specs/tier-mix-teams.ts';
import { tierMixWindowsSpec } from '../../src/charts/specs/tier-mix-windows.ts';
import {
  SIGNAL_COLORS,
  TREND_COLOR,
  trendStabilitySpec,
} from '../../src/charts/specs/trend-stability.ts';
import {
  decliningCsat,
  ENABLEMENT_TEAMS,
  monthlyCsat,
  shiftedContactMix,
  TEAM_TIER_MIXES,
  TIER_WINDOWS,
  WINDOW,
} from '../../support/charts/fixtures.ts';
import { colorNear, countColor, countDark, decode } from './png.ts';

function scalesOf(spec: ChartSpec): unknown {
  if (!spec.config) throw new Error('expected a chart spec with a config');
  return spec.config.options.scales;
}

function render(spec: ChartSpec) {
  const { png, chartArea } = renderSpecWithLayout(spec);
  if (!chartArea) throw new Error('expected a chart, got the no-data card');
  return { img: decode(png), area: chartArea };
}

/** Linear value → CSS pixel, vertical (y grows downwards) or horizontal. */
const yOf = (a: ChartArea, min: number, max: number, v: number) =>
  a.bottom - ((v - min) / (max - min)) * (a.bottom - a.top);
const xOf = (a: ChartArea, min: number, max: number, v: number) =>
  a.left + ((v - min) / (max - min)) * (a.right - a.left);
/** Centre of category i of n on an offset (bar) axis. */
const slotCentre = (from: number, to: number, i: number, n: number) =>
  from + ((i + 0.5) * (to - from)) / n;

describe('trend and stability chart', () => {
  const report = decliningCsat();
  const spec = trendStabilitySpec({
    teamName: 'Manila Billing',
    metric: 'csat',
    report,
    window: WINDOW,
  });
  const { img, area } = render(spec);
  const y = scalesOf(spec) as { y: { min: number; max: number } };
  const n = 28;
  // A line chart's category axis has no offset: day i sits at left + i/(n−1) of the width.
  const at = (i: number, value: number) => ({
    x: area.left + (i * (area.right - area.left)) / (n - 1),
    y: yOf(area, y.y.min, y.y.max, value * 100),
  });

  it('is twice the CSS size (1280 × 720 for 640 × 360)', () => {
    expect([img.width, img.height]).toEqual([1280, 720]);
  });

  it('draws the daily points in the series colour where their values put them', () => {
    // Days 2, 5, 14 and 17 carry no signal marker.
    for (const i of [2, 5, 14, 17]) {
      const p = at(i, report.series[i]?.value as number);
      expect(colorNear(img, p.x, p.y, SERIES_COLOR, 2), `day ${i}`).toBe(true);
    }
  });

  it('draws nothing of the series colour far from the series (above the top point)', () => {
    const p = at(14, 0.95);
    expect(colorNear(img, p.x, p.y, SERIES_COLOR, 2)).toBe(false);
  });

  it('marks the days below the lower limit in vermillion, apart from the series', () => {
    // decliningCsat sets day 21 to 74%, beyond its lower limit.
    const p = at(21, 0.74);
    expect(colorNear(img, p.x, p.y, SIGNAL_COLORS.bad, 3)).toBe(true);
    expect(countColor(img, SIGNAL_COLORS.bad)).toBeGreaterThan(200);
  });

  it('draws the Theil–Sen line in orange at its fitted value mid-window', () => {
    const { slopePerDay, intercept } = report.trend as { slopePerDay: number; intercept: number };
    const p = at(13.5, intercept + slopePerDay * 13.5);
    expect(colorNear(img, p.x, p.y, TREND_COLOR, 4, 40)).toBe(true);
  });

  it('moves the drawing when the data moves (a render with all values raised by 3 pts differs at day 14)', () => {
    const raised = {
      ...report,
      series: report.series.map((s) => ({ ...s, value: s.value + 0.03 })),
    };
    const other = render(
      trendStabilitySpec({ teamName: 'M', metric: 'csat', report: raised, window: WINDOW }),
    );
    const otherY = scalesOf(
      trendStabilitySpec({ teamName: 'M', metric: 'csat', report: raised, window: WINDOW }),
    ) as typeof y;
    const v = (raised.series[14]?.value as number) * 100;
    const px = area.left + (14 * (other.area.right - other.area.left)) / 27;
    expect(
      colorNear(other.img, px, yOf(other.area, otherY.y.min, otherY.y.max, v), SERIES_COLOR, 2),
    ).toBe(true);
  });
});

describe('monthly trend chart', () => {
  const monthly = monthlyCsat().monthly;
  const spec = monthlyTrendSpec({ teamName: 'Manila Billing', metric: 'csat', monthly });
  const { img, area } = render(spec);
  const y = (scalesOf(spec) as { y: { min: number; max: number } }).y;

  it('is 1280 × 720 and puts each month at its value', () => {
    expect([img.width, img.height]).toEqual([1280, 720]);
    monthly.forEach((m, i) => {
      const x = slotCentre(area.left, area.right, i, monthly.length);
      expect(
        colorNear(img, x, yOf(area, y.min, y.max, m.value * 100), SERIES_COLOR, 2),
        m.month,
      ).toBe(true);
    });
  });
});

describe('tier mix across teams chart', () => {
  const spec = tierMixTeamsSpec({ teams: TEAM_TIER_MIXES });
  const { img, area } = render(spec);
  const rows = TEAM_TIER_MIXES.length;

  it('is twice its declared size', () => {
    expect([img.width, img.height]).toEqual([spec.width * 2, spec.height * 2]);
  });

  it('draws the outlier first: Austin Tech is lagging (vermillion) from 50% on, the last team (Leeds Care, 84% on) is not at 75%', () => {
    const top = slotCentre(area.top, area.bottom, 0, rows);
    const last = slotCentre(area.top, area.bottom, rows - 1, rows);
    expect(colorNear(img, xOf(area, 0, 100, 75), top, TIER_COLORS.lagging, 1, 8)).toBe(true);
    expect(colorNear(img, xOf(area, 0, 100, 75), last, TIER_COLORS.average, 1, 8)).toBe(true);
    // Leeds Care: 5 of 19 top = 26%, so 10% is in its top segment.
    expect(colorNear(img, xOf(area, 0, 100, 10), last, TIER_COLORS.top, 1, 8)).toBe(true);
  });
});

describe('a team name too long for one line', () => {
  // The outlier's name goes into the title: a long one made chart.js draw the title past
  // both edges of the image (seen in the demo's digest chart).
  const teams = TEAM_TIER_MIXES.map((team) =>
    team.name === 'Austin Tech'
      ? { ...team, name: 'Austin Technical Support and Escalations Night Shift' }
      : team,
  );
  const spec = tierMixTeamsSpec({ teams });
  const { img, area } = render(spec);
  /** Dark (text) pixels in a CSS-pixel rectangle. */
  const darkIn = (x0: number, y0: number, x1: number, y1: number) => {
    let n = 0;
    for (let y = y0 * 2; y < y1 * 2; y++)
      for (let x = x0 * 2; x < x1 * 2; x++) {
        const i = (y * img.width + x) * 4;
        if ((img.data[i] as number) < 0x80 && (img.data[i + 2] as number) < 0x80) n++;
      }
    return n;
  };

  it('wraps the title onto lines that keep clear of both edges', () => {
    const band = Math.floor(area.top / 2); // the title lines, above the legend
    expect(darkIn(0, 0, spec.width, band)).toBeGreaterThan(500);
    expect(darkIn(0, 0, 6, band)).toBe(0);
    expect(darkIn(spec.width - 6, 0, spec.width, band)).toBe(0);
  });

  it('wraps the long team name beside its bar instead of cutting it or squeezing the bars', () => {
    expect(darkIn(0, Math.ceil(area.top), 1, Math.floor(area.bottom))).toBe(0);
    expect(area.left).toBeLessThan(spec.width * 0.4);
  });
});

describe('tier mix over windows chart', () => {
  const spec = tierMixWindowsSpec({ teamName: 'Leeds Care', windows: TIER_WINDOWS });
  const { img, area } = render(spec);

  it('stacks lagging on top: 35% lagging in the first window covers 80%, 15% in the last does not', () => {
    expect([img.width, img.height]).toEqual([1280, 720]);
    const first = slotCentre(area.left, area.right, 0, 8);
    const last = slotCentre(area.left, area.right, 7, 8);
    const at80 = yOf(area, 0, 100, 80);
    expect(colorNear(img, first + 10, at80, TIER_COLORS.lagging, 1, 8)).toBe(true);
    expect(colorNear(img, last + 10, at80, TIER_COLORS.average, 1, 8)).toBe(true);
    // Last window: 6 of 20 top = 30%, so 20% is top.
    expect(colorNear(img, last + 10, yOf(area, 0, 100, 20), TIER_COLORS.top, 1, 8)).toBe(true);
  });
});

describe('contact mix chart', () => {
  const mix = shiftedContactMix();
  const spec = contactMixSpec({ teamName: 'Manila Billing', mix });
  const { img, area } = render(spec);
  const max = (scalesOf(spec) as { x: { max: number } }).x.max;
  const n = mix.drivers.length;
  const slot = (area.bottom - area.top) / n;

  it('draws the driver’s recent bar in vermillion to its share and no further', () => {
    expect([img.width, img.height]).toEqual([spec.width * 2, spec.height * 2]);
    const billing = mix.drivers[0] as (typeof mix.drivers)[number];
    expect(billing.reason).toBe('Billing dispute');
    // Two bars in 80% of the slot: the recent bar's centre is a quarter of that below the slot's centre.
    const yRecent = slotCentre(area.top, area.bottom, 0, n) + (slot * 0.8) / 4;
    const share = billing.after * 100;
    expect(colorNear(img, xOf(area, 0, max, share - 1), yRecent, MIX_COLORS.driver, 1, 8)).toBe(
      true,
    );
    expect(colorNear(img, xOf(area, 0, max, share + 1.5), yRecent, MIX_COLORS.driver, 1, 8)).toBe(
      false,
    );
  });

  it('draws a non-driver’s recent bar in blue and its baseline in grey', () => {
    const i = mix.drivers.findIndex((d) => d.reason === 'Delivery delay');
    const d = mix.drivers[i] as (typeof mix.drivers)[number];
    const centre = slotCentre(area.top, area.bottom, i, n);
    expect(
      colorNear(
        img,
        xOf(area, 0, max, d.after * 50),
        centre + (slot * 0.8) / 4,
        MIX_COLORS.recent,
        1,
        8,
      ),
    ).toBe(true);
    expect(
      colorNear(
        img,
        xOf(area, 0, max, d.before * 50),
        centre - (slot * 0.8) / 4,
        MIX_COLORS.baseline,
        1,
        8,
      ),
    ).toBe(true);
  });
});

describe('enablement funnel chart', () => {
  const spec = enablementFunnelSpec({ initiativeId: 'refund-policy-v2', teams: ENABLEMENT_TEAMS });
  const { img, area } = render(spec);
  const n = ENABLEMENT_TEAMS.length;
  const slot = (area.bottom - area.top) / n;

  it('draws Austin Tech’s execution bar (4 of 22 = 18%) short and its simulation bar (17 of 22 = 77%) long', () => {
    expect([img.width, img.height]).toEqual([spec.width * 2, spec.height * 2]);
    const i = ENABLEMENT_TEAMS.findIndex((t) => t.name === 'Austin Tech');
    // Four bars share 85% of the slot; bar s is centred at (s − 1.5) quarters of that from the slot centre.
    const barY = (s: number) =>
      slotCentre(area.top, area.bottom, i, n) + (s - 1.5) * ((slot * 0.85) / 4);
    expect(colorNear(img, xOf(area, 0, 110, 15), barY(3), STAGE_COLORS[3], 1, 8)).toBe(true);
    expect(colorNear(img, xOf(area, 0, 110, 22), barY(3), STAGE_COLORS[3], 1, 8)).toBe(false);
    expect(colorNear(img, xOf(area, 0, 110, 74), barY(2), STAGE_COLORS[2], 1, 8)).toBe(true);
  });
});

describe('no-data image', () => {
  const spec = noDataSpec('trend-stability', 'QA score for Kraków Returns');
  const img = decode(renderSpec(spec));

  it('is a 2× image with dark text on it and none of the chart colours', () => {
    expect([img.width, img.height]).toEqual([1280, 720]);
    expect(countDark(img)).toBeGreaterThan(1000);
    for (const color of [
      SERIES_COLOR,
      OKABE_ITO.vermillion,
      OKABE_ITO.orange,
      TIER_COLORS.average,
    ]) {
      expect(countColor(img, color, 16)).toBe(0);
    }
  });

  it('is drawn for a chart whose data is empty, not a blank or a crash', () => {
    const empty = decode(
      renderSpec(monthlyTrendSpec({ teamName: 'A', metric: 'csat', monthly: [] })),
    );
    expect(countDark(empty)).toBeGreaterThan(1000);
    expect(countColor(empty, INK.muted, 8)).toBeGreaterThan(100);
  });
});

describe('renderer input checks', () => {
  it('names a bad size', () => {
    const spec = { ...noDataSpec('monthly-trend', 'x'), width: 12.5 };
    expect(() => renderSpec(spec)).toThrow(
      /monthly-trend spec width must be an integer from 100 to 2000 CSS pixels \(got 12.5\)/,
    );
  });

  it('names an unknown chart kind', () => {
    const spec = { ...noDataSpec('monthly-trend', 'x'), kind: 'pie' } as unknown as ChartSpec;
    expect(() => renderSpec(spec)).toThrow(/unknown chart kind "pie"/);
  });
});
