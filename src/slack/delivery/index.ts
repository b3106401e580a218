/** The delivery engine and what comes with it: the only way anything reaches Slack. */
export { backoffDelay } from './backoff.ts';
export { createDelivery, type Delivery, type DeliveryDeps } from './create-delivery.ts';
export { createDryRunSink, type DryRunRecord } from './dry-run.ts';
export { fileRef } from './file-refs.ts';
export { deliveryFromConfig } from './from-config.ts';
export { DEFAULT_LIMITS, type DeliveryLimits } from './limits.ts';
export { DELIVERY_EVENT_TYPE } from './reconcile.ts';
export { createSlackClient } from './slack-client.ts';
export type { Clock, DeliveryOutcome, OutgoingFile, OutgoingMessage, RunSummary } from './types.ts';
export { summarize, systemClock } from './types.ts';
export { heldUntil, type WorkingHours } from './working-hours.ts';
