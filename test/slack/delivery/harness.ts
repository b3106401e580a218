/**
 * Shared set-up for the delivery engine tests: a stand-in with a few channels and users,
 * the real WebClient configured as the engine needs it, and a store.
 *
 * Store: the real embedded store (`openStore({ dataDir })` in a fresh temporary folder) by
 * default; `{ store: 'fake' }` gives the in-memory fake of test/support/fake-store.ts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { createDelivery, type DeliveryDeps } from '../../../src/slack/delivery/create-delivery.ts';
import { createSlackClient } from '../../../src/slack/delivery/slack-client.ts';
import type { OutgoingMessage } from '../../../src/slack/delivery/types.ts';
import { openStore } from '../../../src/store/open.ts';
import type { Store } from '../../../src/store/types.ts';
import { quietLogger, quietSlackLogger } from '../../../support/quiet-logger.ts';
import {
  type SlackStandIn,
  type StandInOptions,
  startStandIn,
} from '../../../support/slack-stand-in.ts';
import { createFakeStore } from '../../support/fake-store.ts';

export interface Harness {
  slack: SlackStandIn;
  store: Store;
  client: WebClient;
  /** Stops the stand-in and closes (and removes) the store. */
  stop(): Promise<void>;
  engine(overrides?: Partial<DeliveryDeps>): ReturnType<typeof createDelivery>;
}

export async function startHarness(
  options: StandInOptions & { store?: 'sqlite' | 'fake' } = {},
): Promise<Harness> {
  const slack = await startStandIn(options);
  slack
    .addChannel({ id: 'C1', name: 'team-a' })
    .addChannel({ id: 'C2', name: 'team-b' })
    .addChannel({ id: 'C3', name: 'team-c' })
    .addChannel({ id: 'COUT', name: 'bot-not-invited', members: ['U1'] })
    .addChannel({ id: 'CARCH', name: 'archived', is_archived: true })
    .addUser({ id: 'ULON', tz: 'Europe/London' })
    .addUser({ id: 'UMNL', tz: 'Asia/Manila' })
    .addUser({ id: 'UNYC', tz: 'America/New_York' })
    .addUser({ id: 'UGONE', tz: 'Europe/London', deleted: true });
  const dataDir =
    options.store === 'fake' ? undefined : await mkdtemp(join(tmpdir(), 'delivery-store-'));
  const store = dataDir ? await openStore({ dataDir }) : createFakeStore();
  const client = createSlackClient({
    token: slack.token,
    apiUrl: slack.apiUrl,
    logger: quietSlackLogger,
  });
  return {
    slack,
    store,
    client,
    stop: async () => {
      await slack.stop();
      await store.close();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    },
    engine: (overrides = {}) =>
      createDelivery({
        client,
        store,
        logger: quietLogger,
        limits: { backoffBaseMs: 10, backoffCapMs: 100, fileReadyWaitMs: 50 },
        ...overrides,
      }),
  };
}

const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });

/** A message with sensible defaults: a post of one section for period 2026-11-23. */
export function message(target: string, overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  return {
    job: 'team-charts',
    period: '2026-11-23',
    target,
    kind: 'post',
    text: `Team health for ${target}`,
    blocks: [section(`Health for ${target}`)],
    ...overrides,
  };
}
