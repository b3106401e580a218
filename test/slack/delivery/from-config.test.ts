/**
 * The delivery engine built from the settings paces posts at
 * TEAMHEALTH_SLACK_POSTS_PER_MINUTE.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { deliveryFromConfig } from '../../../src/slack/delivery/from-config.ts';
import { quietLogger } from '../../../support/quiet-logger.ts';
import { type Harness, message, startHarness } from './harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.stop());

it('paces chat.postMessage at the configured rate across channels', async () => {
  // 60 a minute = one a second, five times slower than the default 300.
  const config = loadConfig({
    SLACK_BOT_TOKEN: h.slack.token,
    SLACK_API_URL: h.slack.apiUrl,
    TEAMHEALTH_SLACK_POSTS_PER_MINUTE: '60',
  });
  const delivery = deliveryFromConfig(config, h.store, quietLogger);
  const { summary } = await delivery.deliverAll([message('C1'), message('C2'), message('C3')], {
    concurrency: 3,
  });
  expect(summary.sent).toBe(3);
  const at = h.slack.callsTo('chat.postMessage').map((c) => c.at);
  expect(at).toHaveLength(3);
  // Three posts at one a second span about 2,000 ms (at the default pace, about 400).
  // Arrival times carry transit jitter, so the bound leaves 500 ms for it.
  expect((at[2] as number) - (at[0] as number)).toBeGreaterThanOrEqual(1500);
});
