/**
 * A delivery sink with the engine's `deliver` signature that writes each message to a
 * folder instead of posting: `<dir>/<job>/<period>/<target>.json` (the Block Kit JSON,
 * image blocks pointing at the PNG files beside it) and one line per message in
 * `<dir>/messages.jsonl`, for the browsable index page to read.
 */
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deliveryKey } from '../../domain/surfaces.ts';
import type { DryRunRecord } from '../../dry-run/record.ts';
import { resolveFileRefs } from './file-refs.ts';
import { type DeliveryOutcome, type OutgoingMessage, type RunSummary, summarize } from './types.ts';

export type { DryRunRecord };

/** File-system-safe name part: letters, digits, dot, dash, underscore. */
function safe(part: string): string {
  return part.replace(/[^A-Za-z0-9._-]/g, '_');
}

export function createDryRunSink(args: { outDir: string }) {
  if (!args.outDir) throw new Error('createDryRunSink needs outDir');
  const { outDir } = args;
  const seen = new Set<string>();

  async function deliver(message: OutgoingMessage): Promise<DeliveryOutcome> {
    const key = deliveryKey(message.job, message.period, message.target);
    if (seen.has(key)) return { key, target: message.target, status: 'skipped' };
    seen.add(key);
    const folder = join(safe(message.job), safe(message.period));
    await mkdir(join(outDir, folder), { recursive: true });
    const stem = safe(message.target);
    const files = message.files ?? [];
    const paths = new Map(files.map((f) => [f.filename, `${stem}-${safe(f.filename)}`]));
    for (const file of files)
      await writeFile(join(outDir, folder, paths.get(file.filename) ?? ''), file.bytes);
    const blocks = resolveFileRefs(message.blocks, files, (name) => ({
      image_url: paths.get(name) ?? name,
    }));
    const json = join(folder, `${stem}.json`);
    const record: DryRunRecord = {
      key,
      job: message.job,
      period: message.period,
      target: message.target,
      kind: message.kind,
      text: message.text,
      json,
      files: files.map((f) => join(folder, paths.get(f.filename) ?? '')),
      ...(message.notBefore ? { notBefore: message.notBefore.toISOString() } : {}),
    };
    await writeFile(join(outDir, json), `${JSON.stringify({ ...record, blocks }, null, 2)}\n`);
    await appendFile(join(outDir, 'messages.jsonl'), `${JSON.stringify(record)}\n`);
    return { key, target: message.target, status: 'sent', channel: 'dry-run', ts: json };
  }

  async function deliverAll(
    messages: OutgoingMessage[],
  ): Promise<{ summary: RunSummary; outcomes: DeliveryOutcome[] }> {
    const outcomes: DeliveryOutcome[] = [];
    for (const message of messages) outcomes.push(await deliver(message));
    return { summary: summarize(outcomes), outcomes };
  }

  return { deliver, deliverAll };
}
