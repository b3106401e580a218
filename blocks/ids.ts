/**
 * Every id Slack echoes back to us, defined once and used by both the block builders
 * (blocks/) and the listeners that answer them (src/slack/listeners/), so a renamed
 * button can never silently stop working.
 */

export const COMMAND = '/teamhealth';

export const ACTION = {
  /** Switch the view to another metric (value: an encoded query). */
  metric: 'teamhealth_metric',
  /** Switch the window length (value: an encoded query). */
  period: 'teamhealth_period',
  /** Post the team's aggregates to its channel (value: an encoded query). */
  share: 'teamhealth_share',
  /** Snooze coaching DMs for 4 weeks. */
  snooze: 'teamhealth_snooze',
  /** Count a tip as helpful (value: the tip id). */
  tipHelpful: 'teamhealth_tip_helpful',
  /** Open the tip modal. */
  openTipModal: 'teamhealth_open_tip_modal',
  /** App Home's "Open" on a team row: post that team's view to the viewer's DM (value: an encoded query). */
  openTeam: 'teamhealth_open_team',
} as const;

/** Buttons that switch a view share one listener; their action_ids carry a suffix so each is unique in its block. */
export const VIEW_ACTION_PATTERN = /^teamhealth_(metric|period)(:.+)?$/;

export const CALLBACK = {
  tipModal: 'teamhealth_tip_modal',
} as const;

/** block_id / action_id of the tip modal's inputs, read back in view_submission. */
export const TIP_FIELD = {
  metric: { block: 'tip_metric', action: 'tip_metric_select' },
  text: { block: 'tip_text', action: 'tip_text_input' },
  consent: { block: 'tip_consent', action: 'tip_consent_check' },
} as const;

export const TIP_MAX_CHARS = 500;

/** Snooze length for coaching DMs (PRODUCT.md: "can be snoozed"). */
export const SNOOZE_DAYS = 28;

/** Window lengths the period buttons offer. */
export const PERIOD_DAYS = [14, 28, 91] as const;
