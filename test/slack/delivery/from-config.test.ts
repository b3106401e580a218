/**
 * The delivery engine built from the settings paces posts at
 * TEAMHEALTH_SLACK_POSTS_PER_MINUTE, against the stand-in enforcing the same rate.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { deliveryFromConfig } from '../../../src/slack/delivery/from-config.ts';
import { quietLogger } from '../../support/quiet-logger.ts';
import { type Harness, message, startHarness } from './harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.stop());

const gaps = (xs: number[]) => xs.slice(1).map((x, i) => x - (xs[i] as number));

it('paces chat.postMessage at the configured rate across channels', async () => {
  // 100 a minute = one every 600 ms, slower than the default 300 (one every 200 ms).
  h.slack.enforceRateLimits({ postMessagePerWorkspacePerMinute: 100, workspaceBurst: 1 });
  const config = loadConfig({
    SLACK_BOT_TOKEN: h.slack.token,
    SLACK_API_URL: h.slack.apiUrl,
    TEAMHEALTH_SLACK_POSTS_PER_MINUTE: '100',
  });
  const delivery = deliveryFromConfig(config, h.store, quietLogger);
  const { summary } = await delivery.deliverAll([message('C1'), message('C2'), message('C3')], {
    concurrency: 3,
  });
  expect(summary.sent).toBe(3);
  const calls = h.slack.callsTo('chat.postMessage');
  expect(calls.map((c) => c.status)).toEqual([200, 200, 200]);
  // The stand-in measures arrivals, so allow its 50 ms tolerance.
  for (const gap of gaps(calls.map((c) => c.at))) expect(gap).toBeGreaterThanOrEqual(550);
});
