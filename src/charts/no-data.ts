/**
 * The "No data for …" card: drawn straight on a canvas (no chart.js), so an empty
 * dataset gives a clear image rather than an exception or a blank frame.
 */
import { createCanvas } from 'canvas';
import { t } from '../messages/t.ts';
import { INK } from './palette.ts';
import { wrapText } from './wrap.ts';

/**
 * @param width, height CSS pixels; the PNG is `scale` times larger
 * @returns PNG bytes
 */
export function drawNoData(
  message: string,
  size: { width: number; height: number },
  fontFamily: string,
  scale = 2,
): Buffer {
  const canvas = createCanvas(size.width * scale, size.height * scale);
  const ctx = canvas.getContext('2d');
  ctx.scale(scale, scale);
  ctx.fillStyle = '#FFFFFF';
  ctx.fillRect(0, 0, size.width, size.height);
  ctx.strokeStyle = INK.grid;
  ctx.lineWidth = 2;
  ctx.setLineDash([8, 6]);
  ctx.strokeRect(12, 12, size.width - 24, size.height - 24);
  ctx.setLineDash([]);

  ctx.fillStyle = INK.text;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.font = `bold 18px ${fontFamily}`;
  const lines = wrapText(message, size.width - 64, (text) => ctx.measureText(text).width);
  const lineHeight = 24;
  const top = size.height / 2 - ((lines.length - 1) * lineHeight) / 2 - 10;
  lines.forEach((line, i) => {
    ctx.fillText(line, size.width / 2, top + i * lineHeight);
  });
  ctx.fillStyle = INK.muted;
  ctx.font = `13px ${fontFamily}`;
  ctx.fillText(t('chart.no_data_hint'), size.width / 2, top + lines.length * lineHeight + 6);
  return canvas.toBuffer('image/png');
}
