/**
 * The Bolt app, wired and nothing more (after Slack's bolt-ts starter): HTTP mode at
 * POST /slack/events with GET /healthz, or Socket Mode when an app token is set; the Web
 * API base URL from SLACK_API_URL; listeners registered from one table of contents.
 * Security beyond Bolt: future-dated requests are refused, retried events processed once.
 */
import { App, HTTPReceiver } from '@slack/bolt';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { Store } from '../store/types.ts';
import { boltLogger } from './bolt-logger.ts';
import type { ChartMaker } from './charts.ts';
import { createDelivery, type Delivery } from './delivery/create-delivery.ts';
import { createSlackClient } from './delivery/slack-client.ts';
import type { SlackDeps } from './deps.ts';
import { createErrorHandler } from './error-handler.ts';
import { registerListeners } from './listeners/index.ts';
import { dedupeEvents } from './middleware/dedupe-events.ts';
import { rejectFutureDated } from './middleware/future-timestamp.ts';

export const EVENTS_PATH = '/slack/events';
export const HEALTH_PATH = '/healthz';

export interface CreateAppArgs {
  config: Config;
  store: Store;
  logger: Logger;
  charts?: ChartMaker;
  delivery?: Delivery;
  now?: () => Date;
}

export function createApp({
  config,
  store,
  logger,
  charts,
  delivery,
  now = () => new Date(),
}: CreateAppArgs): App {
  const { botToken, signingSecret, appToken, apiUrl, socketMode } = config.slack;
  if (!botToken) throw new TypeError('createApp needs config.slack.botToken (SLACK_BOT_TOKEN)');
  if (!socketMode && !signingSecret)
    throw new TypeError(
      'createApp needs config.slack.signingSecret in HTTP mode (SLACK_SIGNING_SECRET)',
    );

  const clientOptions = {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    // Interactive answers must not wait half an hour: fail fast and tell the person.
    retryConfig: { retries: 2, minTimeout: 100, maxTimeout: 1000 },
    rejectRateLimitedCalls: true,
  };
  const log = boltLogger(logger);
  // Bolt's eager auth.test at construction rejects unhandled (and kills the process) when
  // Slack is unreachable; serve checks the token itself, so defer Bolt's check to first use.
  const tokenVerificationEnabled = false;
  let app: App;
  if (socketMode) {
    app = new App({
      token: botToken,
      appToken,
      socketMode: true,
      logger: log,
      clientOptions,
      extendedErrorHandler: true,
      tokenVerificationEnabled,
    });
  } else {
    const receiver = new HTTPReceiver({
      signingSecret: signingSecret as string,
      endpoints: EVENTS_PATH,
      logger: log,
      customRoutes: [
        {
          path: HEALTH_PATH,
          method: ['GET'],
          handler: (_req, res) => {
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ ok: true, store: store.kind }));
          },
        },
      ],
    });
    receiver.requestListener = rejectFutureDated(receiver.requestListener, (req) =>
      logger.warn(
        { timestamp: req.headers['x-slack-request-timestamp'], url: req.url },
        'refused a future-dated request',
      ),
    );
    app = new App({
      token: botToken,
      receiver,
      logger: log,
      clientOptions,
      extendedErrorHandler: true,
      tokenVerificationEnabled,
    });
  }

  const deps: SlackDeps = {
    config,
    store,
    logger,
    now,
    ...(charts ? { charts } : {}),
    delivery:
      delivery ??
      createDelivery({
        client: createSlackClient({ token: botToken, ...(apiUrl ? { apiUrl } : {}) }),
        store,
        logger,
        workingHours: config.workingHours,
      }),
  };
  app.use(dedupeEvents({ store, logger, now }));
  registerListeners(app, deps);
  app.error(createErrorHandler(deps));
  return app;
}
