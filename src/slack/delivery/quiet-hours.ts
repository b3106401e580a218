/**
 * When a message may go out: never before its own `notBefore` or the ledger's
 * `not_before`, and a DM only inside the recipient's working hours in their time zone
 * (PRODUCT.md, "Humane delivery"; working-hours.ts). The time zone comes from the
 * message, else the settings cache, else users.info (then cached).
 */
import type { WebClient } from '@slack/web-api';
import { SlackDeliveryError } from '../../errors.ts';
import type { Store } from '../../store/types.ts';
import { slackFailure } from '../classify-slack-error.ts';
import type { Step } from './retry-policy.ts';
import type { Clock, OutgoingMessage } from './types.ts';
import { heldUntil, type WorkingHours } from './working-hours.ts';

export interface QuietHours {
  /** The later of every reason to wait, or null to send now. */
  holdUntil(message: OutgoingMessage, ledgerNotBefore?: string): Promise<Date | null>;
}

export function createQuietHours(deps: {
  client: WebClient;
  store: Pick<Store, 'settings'>;
  clock: Clock;
  step: Step;
  workingHours: WorkingHours;
}): QuietHours {
  const { client, store, clock, step, workingHours } = deps;

  async function timeZoneOf(message: OutgoingMessage): Promise<string> {
    if (message.tz) return message.tz;
    const cached = await store.settings.get({ slackUserId: message.target });
    if (cached?.tz) return cached.tz;
    const info = await step('users.info', () => client.users.info({ user: message.target }));
    const tz = info.user?.tz;
    if (!tz) {
      throw new SlackDeliveryError(
        slackFailure('permanent', 'no_time_zone', {
          detail: `users.info gave no tz for ${message.target}`,
        }),
      );
    }
    await store.settings.upsert({
      settings: {
        ...cached,
        slack_user_id: message.target,
        tz,
        updated_at: clock.now().toISOString(),
      },
    });
    return tz;
  }

  return {
    async holdUntil(message, ledgerNotBefore) {
      const now = clock.now();
      const reasons: Date[] = [];
      if (message.notBefore && message.notBefore > now) reasons.push(message.notBefore);
      if (ledgerNotBefore && new Date(ledgerNotBefore) > now)
        reasons.push(new Date(ledgerNotBefore));
      if (message.kind === 'dm') {
        const until = heldUntil({ tz: await timeZoneOf(message), workingHours, now });
        if (until) reasons.push(until);
      }
      if (reasons.length === 0) return null;
      return new Date(Math.max(...reasons.map((d) => d.getTime())));
    },
  };
}
