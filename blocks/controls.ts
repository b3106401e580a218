/**
 * The buttons under a view: switch metric, switch period, share, snooze, mark a tip
 * helpful, share a tip. Each carries what it asks for as an encoded query; the listener
 * decodes it and authorizes it again, so a button is never trusted more than a command.
 */
import type { ActionsBlock, Button } from '@slack/types';
import { encodeQuery, type Query } from '../src/domain/query.ts';
import { metricLabel } from '../src/messages/metric-names.ts';
import { t } from '../src/messages/t.ts';
import { ACTION, PERIOD_DAYS } from './ids.ts';
import { actions, button } from './message.ts';
import { BALANCED_ORDER } from './metric-lines.ts';

/** Metric buttons (one per metric, the current one highlighted) for a team view. */
export function metricButtons(query: Query): ActionsBlock {
  return actions(
    BALANCED_ORDER.map((metric) => {
      const target: Query = { ...query, view: 'metric', metric };
      return button({
        actionId: `${ACTION.metric}:${metric}`,
        text: t('button.metric', { label: metricLabel(metric) }),
        value: encodeQuery(target),
        ...(query.view === 'metric' && query.metric === metric
          ? { style: 'primary' as const }
          : {}),
      });
    }),
    'teamhealth_metrics',
  );
}

/** Period buttons, plus "Team summary" from a metric view and "Share" when allowed. */
export function periodButtons(
  query: Query,
  options: { canShare: boolean; days: number },
): ActionsBlock {
  const elements: Button[] = PERIOD_DAYS.map((days) =>
    button({
      actionId: `${ACTION.period}:${days}`,
      text: t('button.period', { days }),
      value: encodeQuery({ ...query, days }),
      ...(days === options.days ? { style: 'primary' as const } : {}),
    }),
  );
  if (query.view === 'metric') {
    // The monthly trend only on request: one button switches between it and the daily chart.
    const { monthly, ...daily } = query;
    elements.push(
      button({
        actionId: `${ACTION.period}:monthly`,
        text: t(monthly ? 'button.daily' : 'button.monthly'),
        value: encodeQuery(monthly ? daily : { ...query, monthly: true }),
      }),
    );
    const { metric: _dropped, monthly: _monthly, ...rest } = query;
    elements.push(
      button({
        actionId: `${ACTION.metric}:summary`,
        text: t('button.back'),
        value: encodeQuery({ ...rest, view: 'team' }),
      }),
    );
  }
  if (options.canShare) elements.push(shareButton(query));
  return actions(elements, 'teamhealth_periods');
}

export function shareButton(query: Query): Button {
  return button({ actionId: ACTION.share, text: t('button.share'), value: encodeQuery(query) });
}

export function snoozeButton(): Button {
  return button({ actionId: ACTION.snooze, text: t('button.snooze'), value: 'snooze' });
}

export function helpfulButton(tipId: string): Button {
  return button({ actionId: ACTION.tipHelpful, text: t('button.helpful'), value: tipId });
}

export function shareTipButton(): Button {
  return button({
    actionId: ACTION.openTipModal,
    text: t('button.share_tip'),
    value: 'tip',
    style: 'primary',
  });
}

/**
 * "Open" on a team row of App Home: asks for the team's full view, as `/teamhealth team
 * <id>` would. The value is only a request: the listener authorizes it again.
 */
export function openTeamButton(teamId: string): Button {
  return button({
    actionId: ACTION.openTeam,
    text: t('button.open_team'),
    value: encodeQuery({ view: 'team', team: teamId }),
  });
}
