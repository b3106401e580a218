/**
 * One director digest (blocks/director-digest.ts): the weekly job and `/teamhealth digest`
 * build it with the same function, so for the same report they send the same blocks and
 * the same charts. Both run here against one embedded store (support/jobs/org.ts) and one
 * stand-in renderer; the answer places its charts the way the job refers to them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JOBS } from '../../jobs/index.ts';
import type { ChartSpec } from '../../src/charts/spec.ts';
import { createReportCache } from '../../src/reporting/org-report-cache.ts';
import { answerQuery } from '../../src/slack/answer.ts';
import { createChartMaker } from '../../src/slack/charts.ts';
import type { OutgoingFile } from '../../src/slack/delivery/index.ts';
import { collectFiles } from '../../src/slack/place-charts.ts';
import type { Store } from '../../src/store/types.ts';
import { AS_OF, buildOrg } from '../../support/jobs/org.ts';

const NOW = new Date('2026-11-23T10:00:00Z');
const DIRECTOR = 'UDIRECTOR';
/** A few bytes per chart, naming its kind: the files differ only if the charts do. */
const render = async (spec: ChartSpec) => Buffer.from(`${spec.kind}: ${spec.altText}`);

let org: Awaited<ReturnType<typeof buildOrg>>;
let store: Store;
beforeEach(async () => {
  org = await buildOrg();
  store = org.store;
});
afterEach(async () => {
  await org.close();
});

async function weekly() {
  const [message] = await JOBS['director-digest'].run({
    store,
    now: NOW,
    asOf: AS_OF,
    render,
    digestChannel: 'CDIG',
  });
  if (!message) throw new Error('the job sent no digest');
  return message;
}

async function asked(charts = createChartMaker(render)) {
  const placed: OutgoingFile[] = [];
  const answer = await answerQuery(
    {
      store,
      reports: createReportCache(),
      directorIds: [DIRECTOR],
      charts,
      logger: { warn: () => {} },
    },
    {
      slackUserId: DIRECTOR,
      query: { view: 'digest' },
      // As the job's messages refer to their files until the engine uploads them.
      place: collectFiles(placed),
    },
  );
  return { answer, placed };
}

describe('the director digest, weekly and asked for', () => {
  it('is the same report: the store’s last day, which the job is given', async () => {
    const { answer } = await asked();
    expect(answer.report?.asOf).toBe(AS_OF);
  });

  it('sends the same text and blocks, charts and "Why" included', async () => {
    const job = await weekly();
    const { answer } = await asked();
    expect(answer.denied).toBe(false);
    expect(answer.message.text).toBe(job.text);
    expect(answer.message.blocks).toEqual(job.blocks);
    const types = job.blocks.map((b) => b.type);
    // Header, legend, then the two charts straight after them.
    expect(types.slice(0, 4)).toEqual(['header', 'context', 'image', 'image']);
    expect(JSON.stringify(job.blocks)).toContain('*Why*');
  });

  it('sends the same chart files: names, titles, alt texts and bytes', async () => {
    const job = await weekly();
    const { placed } = await asked();
    const summary = (files: readonly OutgoingFile[]) =>
      files.map((f) => [f.filename, f.title, f.alt_text, Buffer.from(f.bytes).toString()]);
    expect(summary(placed)).toEqual(summary(job.files ?? []));
    expect(placed.map((f) => f.filename)).toEqual(['org-dashboard.png', 'org-tier-mix-teams.png']);
  });

  it('says so in the answer when the charts cannot be made, and keeps everything else', async () => {
    const job = await weekly();
    const failing = {
      charts: async (): Promise<OutgoingFile[]> => {
        throw new Error('renderer down');
      },
    };
    const { answer } = await asked(failing);
    const withoutImages = job.blocks.filter((b) => b.type !== 'image');
    // The note takes the images' place, after the header and legend.
    expect(answer.message.blocks.slice(0, 2)).toEqual(withoutImages.slice(0, 2));
    expect(JSON.stringify(answer.message.blocks[2])).toContain('Charts');
    expect(answer.message.blocks.slice(3)).toEqual(withoutImages.slice(2));
  });
});
