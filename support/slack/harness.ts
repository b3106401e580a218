/**
 * The real Bolt app over HTTP against the Slack stand-in, with a real embedded store in a
 * temp folder seeded with the hand-built organisation. Each helper sends what Slack sends
 * and returns what the app posted back (recorded by the stand-in).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { App } from '@slack/bolt';
import pino from 'pino';
import { loadConfig } from '../../src/config.ts';
import { createReportCache, type ReportCache } from '../../src/reporting/org-report-cache.ts';
import { createApp } from '../../src/slack/app.ts';
import { type ChartMaker, createChartMaker } from '../../src/slack/charts.ts';
import { funnelSlots } from '../../src/slack/funnel-chart.ts';
import { openStore } from '../../src/store/open.ts';
import type { Store } from '../../src/store/types.ts';
import {
  type BlockActionsArgs,
  type EventArgs,
  type SigningKnobs,
  sendBlockActions,
  sendEvent,
  sendSlashCommand,
  sendViewSubmission,
  type ViewSubmissionArgs,
} from '../signed-requests.ts';
import { type SlackStandIn, startStandIn } from '../slack-stand-in.ts';
import { seedOrganisation, USERS } from './org.ts';

export const SECRET = 'test-signing-secret-0123456789';
/** The app's clock: snoozes and tips are dated from here. */
export const NOW = new Date('2026-11-02T10:00:00Z');

/**
 * The real chart selection (src/slack/charts.ts) with a stand-in for the renderer: a few
 * bytes per chart, so the tests see the files, names and alt texts each view really sends.
 */
export const fakeCharts: ChartMaker = createChartMaker(
  async () => Buffer.from('fake-png-bytes'),
  funnelSlots,
);

export interface Harness {
  url: string;
  /** The SQLite store's folder, for another process to work on at the same time. */
  dataDir: string;
  slack: SlackStandIn;
  store: Store;
  /** The report cache handed to the app. */
  reports: ReportCache;
  app: App;
  /** Runs `/teamhealth <text>` as `user` and waits for the (first) answer posted to response_url. */
  command(user: string, text: string): Promise<Record<string, unknown>>;
  /** Presses a button as `user` on an ephemeral message and waits for the answer. */
  press(
    user: string,
    action: { action_id: string; value?: string },
    extra?: Partial<BlockActionsArgs>,
  ): Promise<Record<string, unknown>>;
  submit(
    args: Omit<ViewSubmissionArgs, 'callback_id'> & { callback_id?: string },
  ): ReturnType<typeof sendViewSubmission>;
  event(args: EventArgs, knobs?: SigningKnobs): ReturnType<typeof sendEvent>;
  waitFor<T>(probe: () => T | undefined | false, what: string): Promise<T>;
  close(): Promise<void>;
}

export async function startHarness(options: { charts?: boolean } = {}): Promise<Harness> {
  const slack = await startStandIn();
  for (const id of Object.values(USERS))
    slack.addUser({ id, name: id.toLowerCase(), tz: 'Europe/London' });
  slack.addChannel({ id: 'C0BILLING', name: 'billing-north' });
  // The bot was never invited to Returns East's channel.
  slack.addChannel({ id: 'C0RETURNS', name: 'returns-east', members: [] });
  const dir = await mkdtemp(join(tmpdir(), 'teamhealth-slack-'));
  const logger = pino({ level: 'silent' });
  const store = await openStore({ dataDir: dir }, { logger });
  await seedOrganisation(store);
  const config = loadConfig({
    SLACK_BOT_TOKEN: slack.token,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    TEAMHEALTH_DIRECTOR_IDS: USERS.director,
    TEAMHEALTH_DATA_DIR: dir,
    PORT: '0',
  });
  const reports = createReportCache();
  const app = createApp({
    config,
    store,
    reports,
    logger,
    now: () => NOW,
    ...(options.charts === false ? {} : { charts: fakeCharts }),
  });
  const server = (await app.start(0)) as Server;
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;

  async function waitFor<T>(probe: () => T | undefined | false, what: string): Promise<T> {
    for (let i = 0; i < 400; i++) {
      const value = probe();
      if (value !== undefined && value !== false) return value;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`waited 10 s for ${what}`);
  }
  let seq = 0;
  const answerAt = async (id: string, what: string) =>
    (await waitFor(() => slack.responsesTo(id)[0], what)).body as Record<string, unknown>;

  return {
    url,
    dataDir: dir,
    slack,
    store,
    reports,
    app,
    waitFor,
    async command(user, text) {
      const id = `cmd${++seq}`;
      const sent = await sendSlashCommand(url, SECRET, {
        command: '/teamhealth',
        text,
        user_id: user,
        channel_id: 'C0BILLING',
        response_url: slack.responseUrl(id),
      });
      if (sent.status !== 200) throw new Error(`/teamhealth ${text} answered HTTP ${sent.status}`);
      return answerAt(id, `the answer to "/teamhealth ${text}"`);
    },
    async press(user, action, extra = {}) {
      const id = `btn${++seq}`;
      const sent = await sendBlockActions(url, SECRET, {
        user_id: user,
        channel_id: 'C0BILLING',
        is_ephemeral: true,
        response_url: slack.responseUrl(id),
        actions: [action],
        ...extra,
      });
      if (sent.status !== 200)
        throw new Error(`button ${action.action_id} answered HTTP ${sent.status}`);
      return answerAt(id, `the answer to ${action.action_id}`);
    },
    submit(args) {
      return sendViewSubmission(url, SECRET, { callback_id: 'teamhealth_tip_modal', ...args });
    },
    event(args, knobs) {
      return sendEvent(url, SECRET, args, knobs);
    },
    async close() {
      await app.stop();
      await store.close();
      await slack.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** All text of an answer (blocks and fallback), for "contains / never contains" checks. */
export const textOf = (answer: unknown): string => JSON.stringify(answer);
