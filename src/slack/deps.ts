/** What the Slack listeners are given: the core's collaborators, injected so tests can use real ones. */
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { ReportCache } from '../reporting/org-report-cache.ts';
import type { Store } from '../store/types.ts';
import type { ChartMaker } from './charts.ts';
import type { Delivery } from './delivery/create-delivery.ts';

export interface SlackDeps {
  config: Pick<Config, 'directorIds'>;
  store: Store;
  /**
   * The app's report cache, made where the app is wired (serve) and handed to every
   * listener's `buildOrgReport`, so they share one organisation-wide report.
   */
  reports: ReportCache;
  logger: Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;
  charts?: ChartMaker;
  delivery?: Delivery;
  /** The clock, for snoozes and tips. */
  now: () => Date;
}

/** The subset the core (src/slack/answer.ts) needs. */
export function answerDeps(deps: SlackDeps) {
  return {
    store: deps.store,
    reports: deps.reports,
    directorIds: deps.config.directorIds,
    logger: deps.logger,
    ...(deps.charts ? { charts: deps.charts } : {}),
  };
}
