/**
 * The chart.js plugins specs name. `valueLabels` writes counts and shares on bars and
 * values above points, reading its text from the spec (spec.ts `ValueLabels`), so the
 * numbers are decided in the pure spec and only drawn here.
 */
import type { Chart, Plugin } from 'chart.js';
import type { ValueLabels } from './spec.ts';

const PAD = 4;

/**
 * A white background under everything, and node-canvas set to draw text as glyphs.
 * chartjs-node-canvas's own backgroundColour option paints with 'destination-over'
 * compositing after the fact, one more pass over every pixel of the 2× canvas; painting
 * first with the default operator adds no pass. node-canvas's default text mode,
 * 'path', turns every label into a path (meant for PDF/SVG), far slower than 'glyph'
 * per fillText; for PNG the glyphs look the same.
 * Set in beforeDraw because chart.js resizes the canvas for the pixel ratio, which resets
 * the context's state.
 */
export const whiteBackgroundPlugin: Plugin<'bar' | 'line'> = {
  id: 'whiteBackground',
  beforeDraw(chart: Chart) {
    const { ctx } = chart;
    (ctx as unknown as { textDrawingMode: 'path' | 'glyph' }).textDrawingMode = 'glyph';
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = '#FFFFFF';
    ctx.fillRect(0, 0, chart.canvas.width, chart.canvas.height);
    ctx.restore();
  },
};

export const valueLabelsPlugin: Plugin<'bar' | 'line', ValueLabels> = {
  id: 'valueLabels',
  afterDatasetsDraw(chart: Chart, _args, options: ValueLabels) {
    if (!options?.labels) return;
    const { ctx } = chart;
    const horizontal = chart.options.indexAxis === 'y';
    const font = chart.options.font as { family?: string } | undefined;
    ctx.save();
    ctx.font = `12px ${font?.family ?? 'sans-serif'}`;
    options.labels.forEach((row, datasetIndex) => {
      const meta = chart.getDatasetMeta(datasetIndex);
      if (!meta || meta.hidden) return;
      ctx.fillStyle = options.colors[datasetIndex] ?? '#222222';
      row.forEach((text, index) => {
        const element = meta.data[index];
        if (!text || !element) return;
        const { x, y, base, width, height } = element.getProps(
          ['x', 'y', 'base', 'width', 'height'],
          true,
        ) as { x: number; y: number; base?: number; width?: number; height?: number };
        let label = text;
        let textWidth = ctx.measureText(label).width;
        if (base === undefined) {
          // A point: the value sits just above it.
          ctx.textAlign = 'center';
          ctx.textBaseline = 'bottom';
          ctx.fillText(label, x, y - 8);
          return;
        }
        if (options.position === 'inside') {
          const room = horizontal ? Math.abs(x - base) : Math.abs(y - base);
          const across = horizontal ? (height ?? 0) : (width ?? 0);
          // "11 · 50%" that does not fit falls back to its first part ("11"); text that still
          // does not fit is left out rather than spilling over a neighbour.
          if (horizontal && textWidth + 2 * PAD > room && label.includes(' · ')) {
            label = label.split(' · ')[0] as string;
            textWidth = ctx.measureText(label).width;
          }
          if ((horizontal ? textWidth : 12) + 2 * PAD > room || across < 12 + PAD) return;
          ctx.textAlign = 'center';
          ctx.textBaseline = 'middle';
          ctx.fillText(label, horizontal ? (x + base) / 2 : x, horizontal ? y : (y + base) / 2);
        } else if (horizontal) {
          ctx.textAlign = 'left';
          ctx.textBaseline = 'middle';
          ctx.fillText(label, Math.max(x, base) + PAD, y);
        } else {
          ctx.textAlign = 'center';
          ctx.textBaseline = 'bottom';
          ctx.fillText(label, x, Math.min(y, base) - PAD);
        }
      });
    });
    ctx.restore();
  },
};
