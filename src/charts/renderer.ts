/**
 * The one chart renderer: chart spec (JSON) → PNG. chart.js 4 through chartjs-node-canvas
 * 5, one ChartJSNodeCanvas per size, reused for every chart of that size (each holds its
 * own chart.js registry, set up once). Synchronous and CPU-bound: call it from a worker
 * thread (pool.ts), never from the thread that acks Slack.
 */
import { Canvas, type CanvasRenderingContext2D, createCanvas } from 'canvas';
import type * as ChartJsModule from 'chart.js';
import type { Chart, ChartConfiguration } from 'chart.js';
import { ChartJSNodeCanvas } from 'chartjs-node-canvas';
import { t } from '../messages/t.ts';
import { drawComposite, drawGrid } from './composite.ts';
import { chartFontFamily } from './fonts.ts';
import { FORMATTERS } from './formatters.ts';
import { drawNoData } from './no-data.ts';
import { INK } from './palette.ts';
import { valueLabelsPlugin, whiteBackgroundPlugin } from './plugins.ts';
import type { ChartKind, ChartSpec } from './spec.ts';
import { wrapText } from './wrap.ts';

/** Device pixel ratio: the PNG is twice the CSS size, sharp on phones and retina screens. */
export const PIXEL_RATIO = 2;

const KINDS: readonly ChartKind[] = [
  'trend-stability',
  'monthly-trend',
  'tier-mix-teams',
  'tier-mix-windows',
  'contact-mix',
  'enablement-funnel',
  'dashboard-panel',
  'team-dashboard',
  'org-dashboard',
  'agent-funnel',
];

/**
 * PNG encoding. 'fast' (zlib level 3, no row filters) takes about a fifth of the time of
 * the default encoder for ~20% more bytes, the right trade for charts sent once to Slack;
 * 'small' is for images kept in the repository.
 */
export type PngMode = 'fast' | 'small';
const PNG_OPTIONS: Readonly<Record<PngMode, object>> = {
  fast: { compressionLevel: 3, filters: Canvas.PNG_FILTER_NONE },
  small: { compressionLevel: 9, filters: Canvas.PNG_ALL_FILTERS },
};

export interface RenderOptions {
  png?: PngMode;
}

export interface ChartArea {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const canvases = new Map<string, ChartJSNodeCanvas>();

/** Renders a spec to PNG bytes, `PIXEL_RATIO` times the spec's CSS size. */
export function renderSpec(spec: ChartSpec, options: RenderOptions = {}): Buffer {
  return renderSpecWithLayout(spec, options).png;
}

/**
 * Renders and also returns where chart.js put the plot area (CSS pixels), so callers
 * (tests, image maps) can map data to pixels. `chartArea` is null for a no-data card.
 */
export function renderSpecWithLayout(
  spec: ChartSpec,
  options: RenderOptions = {},
): { png: Buffer; chartArea: ChartArea | null } {
  checkSpec(spec);
  const family = chartFontFamily();
  const encoding = PNG_OPTIONS[options.png ?? 'fast'];
  if (spec.composite) {
    const composite = { ...spec, composite: spec.composite };
    const canvas = drawComposite(composite, family, PIXEL_RATIO, (panel, place) => {
      checkSpec(panel);
      drawChart(panel, family, place);
    });
    try {
      return { png: canvas.toBuffer('image/png', encoding), chartArea: null };
    } finally {
      releaseSurface(canvas);
    }
  }
  if (spec.grid) {
    const canvas = drawGrid({ ...spec, grid: spec.grid }, family, PIXEL_RATIO);
    try {
      return { png: canvas.toBuffer('image/png', encoding), chartArea: null };
    } finally {
      releaseSurface(canvas);
    }
  }
  if (spec.empty || !spec.config) {
    const message = spec.empty?.message ?? t('chart.no_data_kind', { kind: spec.kind });
    return { png: drawNoData(message, spec, family, PIXEL_RATIO), chartArea: null };
  }
  let result: { png: Buffer; chartArea: ChartArea | null } | undefined;
  drawChart(spec, family, (canvas, chartArea) => {
    result = { png: canvas.toBuffer('image/png', encoding), chartArea };
  });
  if (!result) throw new Error(`renderSpec: ${spec.kind} drew nothing`);
  return result;
}

/** Draws a chart.js spec and hands its canvas to `use` before the canvas is released. */
function drawChart(
  spec: ChartSpec,
  family: string,
  use: (canvas: Canvas, chartArea: ChartArea) => void,
): void {
  const renderer = canvasFor(spec.width, spec.height, family);
  const chart = newChart(renderer, hydrate(spec, family));
  const canvas = chart.canvas as unknown as Canvas;
  try {
    const { left, top, right, bottom } = chart.chartArea;
    use(canvas, { left, top, right, bottom });
  } finally {
    chart.destroy();
    releaseSurface(canvas);
  }
}

/**
 * Frees the canvas's pixel memory now instead of when the garbage collector finds the
 * canvas: resizing makes node-canvas drop its Cairo surface at once. A surface freed
 * this way is reused by the next chart's, while one left to the collector means the next
 * chart draws on freshly mapped memory, whose first fill pays a page fault per page that
 * reused memory does not (`npm run bench` reports the render time).
 */
function releaseSurface(canvas: Canvas): void {
  canvas.width = 1;
  canvas.height = 1;
}

function checkSpec(spec: ChartSpec): void {
  if (!spec || typeof spec !== 'object') throw new Error('renderSpec requires a chart spec object');
  if (!KINDS.includes(spec.kind)) {
    throw new Error(
      `renderSpec: unknown chart kind "${String(spec.kind)}" (expected one of ${KINDS.join(', ')})`,
    );
  }
  for (const side of ['width', 'height'] as const) {
    const v = spec[side];
    if (!Number.isInteger(v) || v < 100 || v > 2000) {
      throw new Error(
        `renderSpec: ${spec.kind} spec ${side} must be an integer from 100 to 2000 CSS pixels (got ${v})`,
      );
    }
  }
}

/** One ChartJSNodeCanvas per size, created on first use and kept. */
function canvasFor(width: number, height: number, family: string): ChartJSNodeCanvas {
  const key = `${width}x${height}`;
  let renderer = canvases.get(key);
  if (!renderer) {
    renderer = new ChartJSNodeCanvas({
      width,
      height,
      chartCallback: (ChartJS) => setUpChartJs(ChartJS, family),
    });
    useOpaqueCanvases(renderer);
    canvases.set(key, renderer);
  }
  return renderer;
}

/**
 * chartjs-node-canvas loads 'chart.js/auto' (everything registered); we unregister it all
 * and register only the pieces our specs use, so an unexpected chart type fails loudly.
 */
function setUpChartJs(ChartJS: typeof Chart, family: string): void {
  // 'chart.js/auto' exports the Chart class with every named export assigned onto it.
  const C = ChartJS as unknown as typeof Chart & typeof ChartJsModule;
  C.unregister(...C.registerables);
  C.register(
    C.LineController,
    C.BarController,
    C.LineElement,
    C.PointElement,
    C.BarElement,
    C.CategoryScale,
    C.LinearScale,
    C.Legend,
    C.Title,
    C.SubTitle,
    C.Filler,
    valueLabelsPlugin,
    whiteBackgroundPlugin,
  );
  const d = C.defaults;
  d.font.family = family;
  d.font.size = TICK_FONT.size;
  d.color = INK.text;
  d.borderColor = INK.grid;
  d.devicePixelRatio = PIXEL_RATIO;
  d.events = [];
  d.plugins.title.font = { size: TITLE_FONT.size, weight: 'bold' };
  d.plugins.title.color = INK.text;
  d.plugins.title.padding = { top: 4, bottom: 2 };
  d.plugins.subtitle.font = { size: SUBTITLE_FONT.size };
  d.plugins.subtitle.color = INK.muted;
  d.plugins.subtitle.padding = { top: 0, bottom: 8 };
  d.plugins.legend.labels.boxWidth = 18;
  d.plugins.legend.labels.boxHeight = 10;
  d.plugins.tooltip = undefined as never;
  d.scale.grid.color = INK.grid;
  d.scale.ticks.color = INK.text;
  // Measure a sample of tick labels, not all of them, when deciding which fit (chart.js
  // `sampleSize`): our labels within an axis are of similar length, and layout is a
  // large part of the render time.
  (d.scale.ticks as { sampleSize?: number }).sampleSize = 8;
}

/** Spec → chart.js configuration: names become functions, conventions become options. */
function hydrate(spec: ChartSpec, family: string): ChartConfiguration {
  const config = structuredClone(spec.config) as unknown as ChartConfiguration;
  // The spec's options are JSON we built; here they are filled in loosely, then handed to chart.js.
  // biome-ignore lint/suspicious/noExplicitAny: untyped JSON being hydrated into chart.js options
  const options = config.options as Record<string, any>;
  options.devicePixelRatio = PIXEL_RATIO;
  options.plugins ??= {};
  wrapTitle(options.plugins.title, TITLE_FONT, spec.width, family);
  wrapTitle(options.plugins.subtitle, SUBTITLE_FONT, spec.width, family);
  if (options.indexAxis === 'y') {
    // Category names (teams, contact reasons) sit left of horizontal bars; a long one
    // would take the bars' room or be cut at the image's edge.
    config.data.labels = (config.data.labels ?? []).map((label) =>
      wrapLines(label, TICK_FONT, spec.width * CATEGORY_LABEL_SHARE, family),
    );
  }
  options.plugins.legend ??= {};
  options.plugins.legend.labels ??= {};
  const datasets = config.data.datasets as { hideInLegend?: boolean; pointStyle?: unknown }[];
  options.plugins.legend.labels.filter = (item: { datasetIndex?: number }) =>
    datasets[item.datasetIndex ?? -1]?.hideInLegend !== true;
  if (options.plugins.legend.labels.usePointStyle === undefined) {
    options.plugins.legend.labels.usePointStyle = config.type === 'line';
  }
  options.plugins.valueLabels = spec.valueLabels ?? false;
  for (const { scale, format } of spec.tickFormats ?? []) {
    const formatter = FORMATTERS[format];
    if (!formatter)
      throw new Error(`renderSpec: unknown tick format "${format}" for scale ${scale}`);
    options.scales ??= {};
    options.scales[scale] ??= {};
    options.scales[scale].ticks ??= {};
    options.scales[scale].ticks.callback = formatter;
  }
  return config;
}

/** The title and subtitle fonts (CSS pixels), set as chart.js defaults and used to wrap. */
const TITLE_FONT = { size: 15, weight: 'bold' } as const;
const SUBTITLE_FONT = { size: 12, weight: 'normal' } as const;
/** The default font, which tick labels use. */
const TICK_FONT = { size: 12, weight: 'normal' } as const;
/** Room left on each side of a title line, within the chart's width. */
const TITLE_SIDE_MARGIN = 12;
/** The widest a category label beside horizontal bars may be, as a share of the chart. */
const CATEGORY_LABEL_SHARE = 0.3;

let measuring: CanvasRenderingContext2D | null = null;

/** `text` (one line or several) wrapped at spaces to `width` CSS pixels in `font`. */
function wrapLines(
  text: unknown,
  font: { size: number; weight: string },
  width: number,
  family: string,
): string[] {
  measuring ??= createCanvas(1, 1).getContext('2d');
  const ctx = measuring;
  ctx.font = `${font.weight} ${font.size}px ${family}`;
  const lines: unknown[] = Array.isArray(text) ? text : [text];
  return lines.flatMap((line) => wrapText(String(line), width, (s) => ctx.measureText(s).width));
}

/**
 * chart.js draws each title line as one line, centred, whatever its width: a long team
 * name pushed "Tier mix by team: … has the most lagging agents (33%)" past both edges.
 * Lines wider than the chart are wrapped at spaces here, measured in the font chart.js
 * will draw them with.
 */
function wrapTitle(
  title: { text?: unknown; font?: { size?: number; weight?: string } } | undefined,
  font: { size: number; weight: string },
  width: number,
  family: string,
): void {
  if (!title || (typeof title.text !== 'string' && !Array.isArray(title.text))) return;
  // A spec may set its own title font (the dashboard's panels use larger text).
  const own = { size: title.font?.size ?? font.size, weight: title.font?.weight ?? font.weight };
  title.text = wrapLines(title.text, own, width - 2 * TITLE_SIDE_MARGIN, family);
}

/**
 * chartjs-node-canvas's public renderers encode with the default PNG settings; its
 * `renderChart` gives us the chart so we can choose the encoder (see PngMode).
 */
function newChart(renderer: ChartJSNodeCanvas, config: ChartConfiguration): Chart {
  const withChart = renderer as unknown as { renderChart?: (c: ChartConfiguration) => Chart };
  if (typeof withChart.renderChart !== 'function') {
    throw new Error(
      'renderSpec: this chartjs-node-canvas version has no renderChart; pin chartjs-node-canvas 5',
    );
  }
  return withChart.renderChart(config);
}

/**
 * Makes the renderer draw on opaque RGB24 canvases instead of ARGB32: every chart has a
 * white background anyway, and PNG encoding then skips the alpha channel and the
 * un-premultiplying of every pixel, less work per chart encoded. The pixel
 * format is fixed by the first getContext call, which chartjs-node-canvas makes without
 * options, so we hand it a canvas whose context already exists. chartjs-node-canvas 5
 * keeps its factory in `_createCanvas`; if that ever changes we keep its own canvases.
 */
function useOpaqueCanvases(renderer: ChartJSNodeCanvas): void {
  const target = renderer as unknown as { _createCanvas?: unknown };
  if (typeof target._createCanvas !== 'function') return;
  Object.defineProperty(target, '_createCanvas', {
    value: (width: number, height: number) => {
      const canvas = createCanvas(width, height);
      canvas.getContext('2d', { pixelFormat: 'RGB24' });
      return canvas;
    },
  });
}
