/**
 * The tip modal (a top agent shares what works: metric, up to 500 characters, consent to
 * be named) and the reading of its submission, which returns field errors keyed by
 * block_id, the shape Slack's `response_action: 'errors'` wants.
 */
import type { ModalView } from '@slack/types';
import { isMetric, type Metric } from '../src/domain/metrics.ts';
import { metricLabel } from '../src/messages/metric-names.ts';
import { t } from '../src/messages/t.ts';
import { CALLBACK, TIP_FIELD, TIP_MAX_CHARS } from './ids.ts';
import { section } from './message.ts';
import { BALANCED_ORDER } from './metric-lines.ts';

const plain = (text: string) => ({ type: 'plain_text' as const, text, emoji: true });

export interface TipModalArgs {
  /** Preselected metric (e.g. the agent's strength). */
  metric?: Metric;
  /** Carried through to view_submission (e.g. the channel to confirm in). */
  privateMetadata?: string;
}

export function buildTipModal(args: TipModalArgs = {}): ModalView {
  const option = (metric: Metric) => ({ text: plain(metricLabel(metric)), value: metric });
  return {
    type: 'modal',
    callback_id: CALLBACK.tipModal,
    title: plain(t('tip.title')),
    submit: plain(t('tip.submit')),
    close: plain(t('tip.close')),
    ...(args.privateMetadata ? { private_metadata: args.privateMetadata } : {}),
    blocks: [
      section(t('tip.intro')),
      {
        type: 'input',
        block_id: TIP_FIELD.metric.block,
        label: plain(t('tip.metric_label')),
        element: {
          type: 'static_select',
          action_id: TIP_FIELD.metric.action,
          placeholder: plain(t('tip.metric_placeholder')),
          options: BALANCED_ORDER.map(option),
          ...(args.metric ? { initial_option: option(args.metric) } : {}),
        },
      },
      {
        type: 'input',
        block_id: TIP_FIELD.text.block,
        label: plain(t('tip.text_label')),
        element: {
          type: 'plain_text_input',
          action_id: TIP_FIELD.text.action,
          multiline: true,
          max_length: TIP_MAX_CHARS,
          placeholder: plain(t('tip.text_placeholder')),
        },
      },
      {
        type: 'input',
        block_id: TIP_FIELD.consent.block,
        optional: true,
        label: plain(t('tip.consent_label')),
        hint: plain(t('tip.consent_hint')),
        element: {
          type: 'checkboxes',
          action_id: TIP_FIELD.consent.action,
          options: [{ text: plain(t('tip.consent_option')), value: 'named' }],
        },
      },
    ],
  };
}

/** The part of `view.state.values` the reader looks at (Slack's shape, loosely typed). */
export type ViewStateValues = Record<
  string,
  Record<
    string,
    {
      selected_option?: { value?: string } | null;
      value?: string | null;
      selected_options?: { value?: string }[];
    }
  >
>;

export type TipSubmission =
  | { ok: true; metric: Metric; text: string; consentNamed: boolean }
  | { ok: false; errors: Record<string, string> };

/**
 * Validates a submitted tip. Slack enforces max_length in the client, but a crafted
 * submission can skip the client, so the length is checked here too.
 */
export function readTipSubmission(values: ViewStateValues | undefined): TipSubmission {
  const errors: Record<string, string> = {};
  const metricValue =
    values?.[TIP_FIELD.metric.block]?.[TIP_FIELD.metric.action]?.selected_option?.value ?? '';
  const text = (values?.[TIP_FIELD.text.block]?.[TIP_FIELD.text.action]?.value ?? '').trim();
  const consent =
    values?.[TIP_FIELD.consent.block]?.[TIP_FIELD.consent.action]?.selected_options?.some(
      (o) => o.value === 'named',
    ) ?? false;
  if (!isMetric(metricValue)) errors[TIP_FIELD.metric.block] = t('tip.error.metric');
  const length = Array.from(text).length;
  if (length === 0) errors[TIP_FIELD.text.block] = t('tip.error.text_empty');
  else if (length > TIP_MAX_CHARS)
    errors[TIP_FIELD.text.block] = t('tip.error.text_long', { max: TIP_MAX_CHARS, length });
  if (Object.keys(errors).length > 0 || !isMetric(metricValue)) return { ok: false, errors };
  return { ok: true, metric: metricValue, text, consentNamed: consent };
}
