/**
 * Pictures made of several parts, drawn straight on one canvas:
 * - small multiples (`spec.composite`): a header, then chart panels in a grid, each
 *   panel drawn by the one renderer (chart.js) and copied in; a coloured strip along a
 *   panel's top repeats its status word (colour never carries meaning alone);
 * - a status table (`spec.grid`): a row per team, a cell per metric, each a word on a colour.
 * Sizes are CSS pixels; the canvas is `ratio` times larger, like every chart.
 */
import { type Canvas, type CanvasRenderingContext2D, createCanvas } from 'canvas';
import { INK } from './palette.ts';
import type { ChartSpec, CompositeSpec, GridSpec } from './spec.ts';
import { wrapText } from './wrap.ts';

/** Header and spacing of a composite, in CSS pixels. */
export const COMPOSITE = {
  margin: 16,
  gap: 12,
  titleFont: 28,
  subtitleFont: 19,
  keyFont: 16,
  /** Height of the status strip along a panel's top. */
  strip: 8,
} as const;

/** The grid's row height, name column share and fonts, in CSS pixels. */
export const GRID = {
  rowHeight: 44,
  /** The column heads' row: room for a head wrapped on two lines ("Handle / time"). */
  headHeight: 52,
  nameShare: 0.34,
  font: 19,
  headFont: 18,
} as const;

/** Lines of the title, subtitle and key of a composite at `width` (wrapping is measured). */
function headerLines(
  ctx: CanvasRenderingContext2D,
  header: { title: string; subtitle: string; key?: string },
  width: number,
  family: string,
): { title: string[]; subtitle: string[]; key: string[] } {
  const room = width - 2 * COMPOSITE.margin;
  // A line break in the text starts a new line; each line is wrapped to the room.
  const wrap = (text: string, font: string) => {
    ctx.font = font;
    return text
      .split('\n')
      .flatMap((line) => wrapText(line, room, (s) => ctx.measureText(s).width));
  };
  return {
    title: wrap(header.title, cssFont(COMPOSITE.titleFont, family, 'bold')),
    subtitle: wrap(header.subtitle, cssFont(COMPOSITE.subtitleFont, family)),
    key: header.key ? wrap(header.key, cssFont(COMPOSITE.keyFont, family)) : [],
  };
}

const lineHeight = (font: number) => Math.round(font * 1.3);

/** A canvas font string. */
function cssFont(size: number, family: string, weight: 'normal' | 'bold' = 'normal'): string {
  return `${weight} ${size}px ${family}`;
}

function headerHeight(lines: { title: string[]; subtitle: string[]; key: string[] }): number {
  return (
    COMPOSITE.margin +
    lines.title.length * lineHeight(COMPOSITE.titleFont) +
    lines.subtitle.length * lineHeight(COMPOSITE.subtitleFont) +
    lines.key.length * lineHeight(COMPOSITE.keyFont) +
    COMPOSITE.gap
  );
}

let measuring: CanvasRenderingContext2D | null = null;
function measureContext(): CanvasRenderingContext2D {
  measuring ??= createCanvas(1, 1).getContext('2d');
  return measuring;
}

/**
 * The CSS size a composite needs: its header (wrapped at the width) and its panels.
 * Spec builders call it so the spec's width and height match what is drawn.
 */
export function compositeSize(
  composite: Omit<CompositeSpec, 'accents'>,
  panel: { width: number; height: number },
  family: string,
): { width: number; height: number } {
  const width = composite.columns * panel.width + (composite.columns + 1) * COMPOSITE.gap;
  const rows = Math.ceil(composite.panels.length / composite.columns);
  const header = headerHeight(headerLines(measureContext(), composite, width, family));
  return { width, height: header + rows * (panel.height + COMPOSITE.gap) };
}

/** The CSS size of a status table with `rows` rows and an optional footer. */
export function gridSize(
  grid: Pick<GridSpec, 'title' | 'subtitle' | 'rows' | 'footer'>,
  width: number,
  family: string,
): { width: number; height: number } {
  const header = headerHeight(headerLines(measureContext(), grid, width, family));
  const footer = grid.footer ? lineHeight(GRID.headFont) + COMPOSITE.gap : 0;
  return {
    width,
    height: header + GRID.headHeight + grid.rows.length * GRID.rowHeight + COMPOSITE.gap + footer,
  };
}

/** Where each panel of a composite sits (CSS pixels), for drawing and for tests. */
export function panelBoxes(
  spec: ChartSpec & { composite: CompositeSpec },
  family: string,
): { x: number; y: number; width: number; height: number }[] {
  const { composite } = spec;
  const top = headerHeight(headerLines(measureContext(), composite, spec.width, family));
  return composite.panels.map((panel, i) => ({
    x: COMPOSITE.gap + (i % composite.columns) * (panel.width + COMPOSITE.gap),
    y: top + Math.floor(i / composite.columns) * (panel.height + COMPOSITE.gap),
    width: panel.width,
    height: panel.height,
  }));
}

function drawHeader(
  ctx: CanvasRenderingContext2D,
  header: { title: string; subtitle: string; key?: string },
  width: number,
  family: string,
): void {
  const lines = headerLines(ctx, header, width, family);
  let y = COMPOSITE.margin;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  const put = (texts: string[], font: string, size: number, color: string) => {
    ctx.font = font;
    ctx.fillStyle = color;
    for (const text of texts) {
      ctx.fillText(text, COMPOSITE.margin, y);
      y += lineHeight(size);
    }
  };
  put(lines.title, cssFont(COMPOSITE.titleFont, family, 'bold'), COMPOSITE.titleFont, INK.text);
  put(lines.subtitle, cssFont(COMPOSITE.subtitleFont, family), COMPOSITE.subtitleFont, INK.muted);
  put(lines.key, cssFont(COMPOSITE.keyFont, family), COMPOSITE.keyFont, INK.muted);
}

function blank(width: number, height: number, ratio: number) {
  const canvas = createCanvas(width * ratio, height * ratio);
  const ctx = canvas.getContext('2d', { pixelFormat: 'RGB24' });
  (ctx as unknown as { textDrawingMode: 'path' | 'glyph' }).textDrawingMode = 'glyph';
  ctx.scale(ratio, ratio);
  ctx.fillStyle = '#FFFFFF';
  ctx.fillRect(0, 0, width, height);
  return { canvas, ctx };
}

/**
 * Draws a composite: the header, then each panel through `drawPanel`, which renders the
 * panel's spec and hands its canvas (ratio× the panel's CSS size) to `place`.
 */
export function drawComposite(
  spec: ChartSpec & { composite: CompositeSpec },
  family: string,
  ratio: number,
  drawPanel: (panel: ChartSpec, place: (panelCanvas: Canvas) => void) => void,
): Canvas {
  const { canvas, ctx } = blank(spec.width, spec.height, ratio);
  drawHeader(ctx, spec.composite, spec.width, family);
  const boxes = panelBoxes(spec, family);
  spec.composite.panels.forEach((panel, i) => {
    const box = boxes[i];
    if (!box) return;
    if (panel.empty || !panel.config) {
      drawEmptyPanel(ctx, box, panel.empty?.message ?? '', family);
    } else {
      drawPanel(panel, (panelCanvas) => {
        ctx.drawImage(panelCanvas, box.x, box.y, box.width, box.height);
      });
    }
    ctx.strokeStyle = INK.grid;
    ctx.lineWidth = 1;
    ctx.strokeRect(box.x + 0.5, box.y + 0.5, box.width - 1, box.height - 1);
    const accent = spec.composite.accents[i];
    if (accent) {
      ctx.fillStyle = accent;
      ctx.fillRect(box.x, box.y, box.width, COMPOSITE.strip);
    }
  });
  return canvas;
}

function drawEmptyPanel(
  ctx: CanvasRenderingContext2D,
  box: { x: number; y: number; width: number; height: number },
  message: string,
  family: string,
): void {
  ctx.fillStyle = '#F7F7F7';
  ctx.fillRect(box.x, box.y, box.width, box.height);
  ctx.fillStyle = INK.text;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.font = cssFont(GRID.font, family, 'bold');
  const lines = wrapText(message, box.width - 32, (s) => ctx.measureText(s).width);
  const h = lineHeight(GRID.font);
  const top = box.y + box.height / 2 - ((lines.length - 1) * h) / 2;
  lines.forEach((line, i) => {
    ctx.fillText(line, box.x + box.width / 2, top + i * h);
  });
}

/** Draws a status table: header, column heads, then a row per item with its coloured cells. */
export function drawGrid(
  spec: ChartSpec & { grid: GridSpec },
  family: string,
  ratio: number,
): Canvas {
  const { grid } = spec;
  const { canvas, ctx } = blank(spec.width, spec.height, ratio);
  drawHeader(ctx, grid, spec.width, family);
  const top = headerHeight(headerLines(ctx, grid, spec.width, family));
  const left = COMPOSITE.margin;
  const nameWidth = Math.round((spec.width - 2 * left) * GRID.nameShare);
  const cellWidth = (spec.width - 2 * left - nameWidth) / Math.max(1, grid.columns.length);
  const ellipsize = (text: string, width: number) => {
    if (ctx.measureText(text).width <= width) return text;
    let cut = text;
    while (cut.length > 1 && ctx.measureText(`${cut}…`).width > width) cut = cut.slice(0, -1);
    return `${cut}…`;
  };
  ctx.textBaseline = 'middle';
  ctx.font = cssFont(GRID.headFont, family, 'bold');
  ctx.fillStyle = INK.text;
  ctx.textAlign = 'center';
  grid.columns.forEach((column, c) => {
    const x = left + nameWidth + c * cellWidth;
    const lines = wrapText(column, cellWidth - 6, (t) => ctx.measureText(t).width).slice(0, 2);
    const h = lineHeight(GRID.headFont);
    lines.forEach((line, i) => {
      const y = top + GRID.headHeight / 2 + (i - (lines.length - 1) / 2) * h;
      ctx.fillText(ellipsize(line, cellWidth - 6), x + cellWidth / 2, y);
    });
  });
  grid.rows.forEach((row, r) => {
    const y = top + GRID.headHeight + r * GRID.rowHeight;
    ctx.textAlign = 'left';
    ctx.font = cssFont(GRID.font, family);
    ctx.fillStyle = INK.text;
    ctx.fillText(ellipsize(row.name, nameWidth - 8), left, y + GRID.rowHeight / 2);
    row.cells.forEach((cell, c) => {
      const x = left + nameWidth + c * cellWidth;
      ctx.fillStyle = cell.color;
      ctx.fillRect(x + 2, y + 2, cellWidth - 4, GRID.rowHeight - 4);
      ctx.fillStyle = cell.ink;
      ctx.textAlign = 'center';
      ctx.font = cssFont(GRID.headFont, family, 'bold');
      ctx.fillText(ellipsize(cell.text, cellWidth - 10), x + cellWidth / 2, y + GRID.rowHeight / 2);
    });
  });
  if (grid.footer) {
    ctx.textAlign = 'left';
    ctx.font = cssFont(GRID.headFont, family);
    ctx.fillStyle = INK.muted;
    const y = top + GRID.headHeight + grid.rows.length * GRID.rowHeight + COMPOSITE.gap;
    ctx.fillText(grid.footer, left, y + lineHeight(GRID.headFont) / 2);
  }
  return canvas;
}
