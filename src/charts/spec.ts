/**
 * A chart spec: everything the renderer needs to draw one chart, as plain JSON, so it can
 * cross a worker-thread boundary (structured clone) and be stored or diffed. Anything that
 * would be a function in chart.js (tick formatters, plugins) is named by a string here and
 * hydrated by the renderer (see formatters.ts and plugins.ts).
 */
import { t } from '../messages/t.ts';

/** The chart types this app draws; one spec builder each in specs/. */
export type ChartKind =
  | 'trend-stability'
  | 'monthly-trend'
  | 'tier-mix-teams'
  | 'tier-mix-windows'
  | 'contact-mix'
  | 'enablement-funnel'
  | 'dashboard-panel'
  | 'team-dashboard'
  | 'org-dashboard'
  | 'agent-funnel';

/** Tick formatters the renderer knows by name (formatters.ts). */
export type FormatterName = 'percent' | 'minutes' | 'minutes_unit' | 'score' | 'share' | 'integer';

/**
 * Where a named formatter goes: `scale` is the chart.js scale id ('x', 'y').
 */
export interface TickFormat {
  scale: string;
  format: FormatterName;
}

/**
 * Text drawn on data marks by the `valueLabels` plugin (plugins.ts):
 * labels[datasetIndex][dataIndex]; null draws nothing.
 */
export interface ValueLabels {
  labels: (string | null)[][];
  /** 'inside' centres the text in a bar segment (skipped when it does not fit); 'end' puts it past the bar's end or above a point. */
  position: 'inside' | 'end';
  /** Text colour per dataset (dark text on light fills and the reverse). */
  colors: string[];
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/**
 * A chart.js configuration with nothing but JSON inside. Conventions the renderer adds:
 * a dataset with `hideInLegend: true` is left out of the legend.
 */
export interface PlainChartConfig {
  type: 'line' | 'bar';
  data: { labels: (string | string[])[]; datasets: JsonObject[] };
  options: JsonObject;
}

export interface ChartSpec {
  kind: ChartKind;
  /** CSS pixels; the PNG is twice this (device pixel ratio 2). */
  width: number;
  height: number;
  /** States the finding, for Block Kit `alt_text` (≤ 2,000 characters). */
  altText: string;
  /** When set, the renderer draws a "no data" card with this message instead of a chart. */
  empty?: { message: string };
  config?: PlainChartConfig;
  tickFormats?: TickFormat[];
  valueLabels?: ValueLabels;
  /** Several charts in one picture (composite.ts): a header, then panels in a grid. */
  composite?: CompositeSpec;
  /** A table of coloured cells with words (composite.ts), such as every team's status. */
  grid?: GridSpec;
}

/**
 * Small multiples in one image: a header (title, subtitle, a key line), then `panels`
 * (each a chart spec of the same size) left to right, top to bottom, in `columns`.
 * The spec's own width and height must fit them (`compositeSize`).
 */
export interface CompositeSpec {
  title: string;
  subtitle: string;
  /** A key to the marks, drawn under the subtitle. */
  key: string;
  columns: number;
  panels: ChartSpec[];
  /** Per panel: the colour of a strip along its top (its status), or null for none. */
  accents: (string | null)[];
}

/** A status table: a row per item (team), a column per metric, each cell a word on a colour. */
export interface GridSpec {
  title: string;
  subtitle: string;
  columns: string[];
  rows: { name: string; cells: { text: string; color: string; ink: string }[] }[];
  /** Under the table, e.g. "…and 12 more teams". */
  footer?: string;
}

/** Slack's `alt_text` limit for image blocks and uploads. */
export const ALT_TEXT_LIMIT = 2000;

/** The default chart size in CSS pixels: wide enough for 28 days, legible in a phone preview. */
export const DEFAULT_SIZE = { width: 640, height: 360 } as const;

/**
 * Cuts alt text to Slack's limit at a sentence or word boundary, ending in "…".
 * @example clampAltText('a'.repeat(2500)).length // 2000
 */
export function clampAltText(text: string, limit = ALT_TEXT_LIMIT): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > limit * 0.8 ? cut.slice(0, space) : cut}…`;
}

/** The spec of a "No data for …" card; the renderer draws the message centred. */
export function noDataSpec(
  kind: ChartKind,
  what: string,
  size: { width: number; height: number } = DEFAULT_SIZE,
): ChartSpec {
  const message = t('chart.no_data_for', { what });
  return {
    kind,
    width: size.width,
    height: size.height,
    altText: `${message}.`,
    empty: { message },
  };
}
