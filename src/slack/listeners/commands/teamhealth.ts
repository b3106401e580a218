/**
 * `/teamhealth [help | team … | metric … | tiers | mix | enablement … | digest]`: ack at
 * once (Slack allows 3 s), then answer privately through response_url.
 */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { buildHelpBlocks } from '../../../../blocks/help.ts';
import { METRICS } from '../../../domain/metrics.ts';
import { parseCommandText } from '../../../domain/query.ts';
import { escapeMrkdwn } from '../../../messages/mrkdwn.ts';
import { t } from '../../../messages/t.ts';
import { answerQuery } from '../../answer.ts';
import { answerDeps, type SlackDeps } from '../../deps.ts';
import { privateUpload } from '../../place-charts.ts';

export function teamhealthCommand(deps: SlackDeps) {
  return async ({
    command,
    ack,
    respond,
    client,
  }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const parsed = parseCommandText(command.text);
    const director = deps.config.directorIds.includes(command.user_id);
    if (parsed.kind === 'help') {
      await respond({ response_type: 'ephemeral', ...buildHelpBlocks({ director }) });
      return;
    }
    if (parsed.kind === 'usage') {
      const problem =
        parsed.problem === 'bad_metric'
          ? t('usage.bad_metric', {
              input: escapeMrkdwn(parsed.input),
              metrics: METRICS.join(', '),
            })
          : t('usage.unknown', { input: escapeMrkdwn(parsed.input) });
      await respond({ response_type: 'ephemeral', ...buildHelpBlocks({ problem, director }) });
      return;
    }
    const answer = await answerQuery(answerDeps(deps), {
      slackUserId: command.user_id,
      query: parsed.query,
      place: privateUpload(client),
    });
    if (answer.denied)
      deps.logger.info({ user: command.user_id, text: command.text }, 'teamhealth: refused');
    await respond({ response_type: 'ephemeral', ...answer.message });
  };
}
