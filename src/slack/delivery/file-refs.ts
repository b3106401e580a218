/**
 * How a message's blocks point at its own files before they are uploaded: an image block
 * with `slack_file: { id: fileRef('trend.png') }`. The engine swaps in the real file id
 * after uploading; the dry-run sink swaps in the PNG's path. A file no block refers to
 * is appended as an image block of its own, so no chart is silently dropped.
 */
import type { KnownBlock } from '@slack/types';
import type { OutgoingFile } from './types.ts';

const PREFIX = 'teamhealth-file:';

/** The placeholder id for a file of the same message. */
export function fileRef(filename: string): string {
  return `${PREFIX}${filename}`;
}

type ImageSource = { slack_file: { id: string } } | { image_url: string };

/**
 * Replaces every `fileRef(name)` with `source(name)`, appending image blocks for files
 * not referenced.
 * @throws Error naming a referenced file the message does not carry.
 */
export function resolveFileRefs(
  blocks: KnownBlock[],
  files: OutgoingFile[],
  source: (filename: string) => ImageSource,
): KnownBlock[] {
  const known = new Map(files.map((f) => [f.filename, f]));
  const used = new Set<string>();
  const swap = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(swap);
    if (typeof node !== 'object' || node === null) return node;
    const record = node as Record<string, unknown>;
    const file = record.slack_file as { id?: unknown } | undefined;
    if (typeof file?.id === 'string' && file.id.startsWith(PREFIX)) {
      const name = file.id.slice(PREFIX.length);
      if (!known.has(name))
        throw new Error(`A block refers to file "${name}" that the message does not carry`);
      used.add(name);
      const { slack_file: _, ...rest } = record;
      return { ...rest, ...source(name) };
    }
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, swap(v)]));
  };
  const resolved = swap(blocks) as KnownBlock[];
  for (const file of files) {
    if (used.has(file.filename)) continue;
    resolved.push({
      type: 'image',
      alt_text: file.alt_text,
      title: { type: 'plain_text', text: file.title },
      ...source(file.filename),
    } as KnownBlock);
  }
  return resolved;
}
