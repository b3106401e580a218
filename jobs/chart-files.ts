/**
 * Renders a chart spec into a file the message carries, and the image the blocks show
 * for it: `fileRef(filename)` stands where Slack's file id goes until the engine uploads.
 */
import type { ChartImage } from '../blocks/message.ts';
import type { ChartSpec } from '../src/charts/spec.ts';
import { fileRef, type OutgoingFile } from '../src/slack/delivery/index.ts';

export async function chartFile(
  render: (spec: ChartSpec) => Promise<Buffer>,
  spec: ChartSpec,
  filename: string,
  title: string,
): Promise<{ file: OutgoingFile; image: ChartImage }> {
  const bytes = await render(spec);
  return {
    file: { filename, bytes, alt_text: spec.altText, title },
    image: { fileId: fileRef(filename), title, altText: spec.altText },
  };
}
