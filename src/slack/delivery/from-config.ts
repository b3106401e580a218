/**
 * The delivery engine as the app runs it: a Web API client for the configured token and
 * API URL, the configured pace and working hours. `serve`, `run` and a bare createApp
 * all build theirs here, so a setting cannot reach one and miss another.
 */
import type { Config } from '../../config.ts';
import type { Store } from '../../store/types.ts';
import { createDelivery, type Delivery, type DeliveryLogger } from './create-delivery.ts';
import { createSlackClient } from './slack-client.ts';

export function deliveryFromConfig(config: Config, store: Store, logger: DeliveryLogger): Delivery {
  const { botToken, apiUrl } = config.slack;
  return createDelivery({
    client: createSlackClient({ token: botToken ?? '', ...(apiUrl ? { apiUrl } : {}) }),
    store,
    logger,
    workingHours: config.workingHours,
    limits: { postsPerMinute: config.slackPostsPerMinute },
  });
}
