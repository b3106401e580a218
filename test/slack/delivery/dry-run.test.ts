import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KnownBlock } from '@slack/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDryRunSink } from '../../../src/slack/delivery/dry-run.ts';
import { fileRef } from '../../../src/slack/delivery/file-refs.ts';
import { message } from './harness.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dry-run-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('createDryRunSink', () => {
  it('writes the Block Kit JSON and the PNG beside it, image blocks pointing at the PNG', async () => {
    const sink = createDryRunSink({ outDir: dir });
    const blocks: KnownBlock[] = [
      { type: 'image', alt_text: 'trend', slack_file: { id: fileRef('trend.png') } },
    ];
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
    await sink.deliver(
      message('C1', {
        blocks,
        files: [{ filename: 'trend.png', bytes, alt_text: 'trend', title: 'Trend' }],
      }),
    );
    const written = JSON.parse(await readFile(join(dir, 'team-charts/2026-11-23/C1.json'), 'utf8'));
    expect(written.blocks).toEqual([
      { type: 'image', alt_text: 'trend', image_url: 'C1-trend.png' },
    ]);
    expect(await readFile(join(dir, 'team-charts/2026-11-23/C1-trend.png'))).toEqual(bytes);
    const lines = (await readFile(join(dir, 'messages.jsonl'), 'utf8')).trim().split('\n');
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({
        key: 'team-charts|2026-11-23|C1',
        json: 'team-charts/2026-11-23/C1.json',
        files: ['team-charts/2026-11-23/C1-trend.png'],
      }),
    ]);
  });

  it('writes a key once per run and never posts', async () => {
    const sink = createDryRunSink({ outDir: dir });
    const { summary } = await sink.deliverAll([message('C1'), message('C1'), message('C2')]);
    expect(summary).toMatchObject({ sent: 2, skipped: 1 });
    expect((await readFile(join(dir, 'messages.jsonl'), 'utf8')).trim().split('\n')).toHaveLength(
      2,
    );
    await expect(stat(join(dir, 'team-charts/2026-11-23/C2.json'))).resolves.toBeTruthy();
  });
});
