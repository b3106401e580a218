/**
 * The Bolt app, wired and nothing more (after Slack's bolt-ts starter): HTTP mode at
 * POST /slack/events with GET /healthz, or Socket Mode when an app token is set; the Web
 * API base URL from SLACK_API_URL; listeners registered from one table of contents.
 * Security beyond Bolt: future-dated requests are refused, retried events processed once.
 * Acks stay fast: Bolt's HTTP receiver answers when a listener calls ack() (listeners ack
 * first; processBeforeResponse stays false), and the listeners' reports come from one
 * short-lived report cache, so the work after an ack does not hold up the next request.
 */
import { App, HTTPReceiver } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { ReportCache } from '../reporting/org-report-cache.ts';
import type { Store } from '../store/types.ts';
import { authorizeOnce } from './authorize-once.ts';
import { boltLogger } from './bolt-logger.ts';
import type { ChartMaker } from './charts.ts';
import type { Delivery } from './delivery/create-delivery.ts';
import { deliveryFromConfig } from './delivery/from-config.ts';
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
  /** The report cache the listeners share (createReportCache, made by the caller). */
  reports: ReportCache;
}

export function createApp({
  config,
  store,
  logger,
  charts,
  delivery,
  now = () => new Date(),
  reports,
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
  // Slack is unreachable, and its deferred one repeats auth.test before every request
  // (each ack then waits for a Web API round trip), so the bot's identity is asked for
  // once, at the first request (authorize-once.ts); serve checks the token at start.
  const authorize = authorizeOnce({
    botToken,
    client: new WebClient(undefined, { ...clientOptions, logger: log }),
  });
  // Bolt's per-conversation state store is unused here, and its default in-memory one
  // builds an Error (with a stack) on every request that has no state.
  const convoStore = false as const;
  let app: App;
  if (socketMode) {
    app = new App({
      authorize,
      appToken,
      socketMode: true,
      logger: log,
      clientOptions,
      convoStore,
      extendedErrorHandler: true,
    });
  } else {
    const receiver = new HTTPReceiver({
      signingSecret: signingSecret as string,
      // Said out loud because it decides ack latency: the 200 goes out at ack(), not
      // after the listener has finished its work.
      processBeforeResponse: false,
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
      authorize,
      receiver,
      logger: log,
      clientOptions,
      convoStore,
      extendedErrorHandler: true,
    });
  }
  // With `authorize` instead of `token`, Bolt's public client has no token; give it the bot
  // token as Bolt itself does for a single workspace. Listeners receive this client too
  // (Bolt uses app.client when the authorization names no workspace).
  app.client = new WebClient(botToken, app.webClientOptions);

  const deps: SlackDeps = {
    config,
    store,
    reports,
    logger,
    now,
    ...(charts ? { charts } : {}),
    delivery: delivery ?? deliveryFromConfig(config, store, logger),
  };
  app.use(dedupeEvents({ store, logger, now }));
  registerListeners(app, deps);
  app.error(createErrorHandler(deps));
  return app;
}
