/** Saving a tip from the tip modal: only an agent may share one, as themselves. */
import { randomUUID } from 'node:crypto';
import { TIP_FIELD } from '../../blocks/ids.ts';
import { readTipSubmission, type ViewStateValues } from '../../blocks/tip-modal.ts';
import { metricLabel } from '../messages/metric-names.ts';
import { t } from '../messages/t.ts';
import type { Store } from '../store/types.ts';

export type TipResult =
  | { ok: true; thanks: string }
  | { ok: false; errors: Record<string, string> };

export async function submitTip(args: {
  store: Store;
  slackUserId: string;
  values: ViewStateValues | undefined;
  now: Date;
}): Promise<TipResult> {
  const agent = await args.store.agents.bySlackUser({ slackUserId: args.slackUserId });
  const read = readTipSubmission(args.values);
  if (!agent)
    return {
      ok: false,
      errors: { ...(read.ok ? {} : read.errors), [TIP_FIELD.text.block]: t('tip.error.not_agent') },
    };
  if (!read.ok) return read;
  await args.store.tips.add({
    tip: {
      id: randomUUID(),
      agent_id: agent.id,
      team_id: agent.team_id,
      metric: read.metric,
      text: read.text,
      consent_named: read.consentNamed,
      created_at: args.now.toISOString(),
      helpful_count: 0,
    },
  });
  return { ok: true, thanks: t('tip.thanks', { label: metricLabel(read.metric) }) };
}
