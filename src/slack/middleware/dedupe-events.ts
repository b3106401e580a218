/**
 * Slack retries an event it thinks we missed (X-Slack-Retry-Num) and Bolt does not
 * deduplicate (SLACK-NOTES.md). Each event_id is claimed once in the store's ledger, so
 * a retried event, even one landing on another instance, is acknowledged and dropped.
 */
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Store } from '../../store/types.ts';

/** The ledger job under which received events are recorded (kept apart from deliveries). */
export const EVENT_LEDGER_JOB = 'slack-event';

export function dedupeEvents(deps: {
  store: Store;
  logger: { info(obj: object, msg?: string): void };
  now: () => Date;
}): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const envelope = body as { type?: string; event_id?: string; event?: { type?: string } };
    if (envelope.type !== 'event_callback' || !envelope.event_id) return next();
    const at = deps.now().toISOString();
    const { created } = await deps.store.deliveries.claim({
      delivery: {
        key: `${EVENT_LEDGER_JOB}|${envelope.event_id}`,
        job: EVENT_LEDGER_JOB,
        period: envelope.event_id,
        target: envelope.event?.type ?? 'unknown',
        status: 'sent',
        attempts: 1,
        created_at: at,
        updated_at: at,
      },
    });
    if (!created) {
      deps.logger.info(
        {
          eventId: envelope.event_id,
          retryNum: context.retryNum,
          retryReason: context.retryReason,
        },
        'duplicate event ignored',
      );
      return;
    }
    await next();
  };
}
