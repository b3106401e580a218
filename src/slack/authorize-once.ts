/**
 * Bolt's `authorize` for our one bot token, asking Slack who the token is (auth.test) once
 * rather than before every request.
 *
 * Why: with `tokenVerificationEnabled: false` (app.ts defers the check, because Bolt's
 * eager one rejects unhandled when Slack is unreachable), Bolt 5's single-token
 * authorization calls auth.test on *every* incoming request, before any listener runs,
 * so every ack waited for a Web API round trip (measured: 300 auth.test calls for 300
 * slash commands in bench/ack.ts) and a busy workspace would spend auth.test's
 * 100-a-minute allowance. Here the first request asks; later ones reuse the answer. A
 * failed ask is not kept, so the next request asks again (Slack may come back).
 */
import type { AuthorizeResult, AuthorizeSourceData } from '@slack/bolt';

export interface AuthTestClient {
  auth: {
    test(args: {
      token: string;
    }): Promise<{ ok?: boolean; user_id?: string; bot_id?: string; error?: string }>;
  };
}

/**
 * @param botToken the bot token (xoxb-…)
 * @param client a Web API client; only auth.test is called
 * @throws TypeError when botToken is empty
 * @example
 *   const authorize = authorizeOnce({ botToken, client: new WebClient(undefined, options) });
 *   new App({ authorize, receiver }); // the bot's identity is asked for at the first request only
 */
export function authorizeOnce({
  botToken,
  client,
}: {
  botToken: string;
  client: AuthTestClient;
}): (
  source: Pick<AuthorizeSourceData<boolean>, 'isEnterpriseInstall'>,
) => Promise<AuthorizeResult> {
  if (!botToken) throw new TypeError('authorizeOnce needs the bot token (SLACK_BOT_TOKEN)');
  let identity: Promise<{ botId?: string; botUserId?: string }> | null = null;
  return async ({ isEnterpriseInstall }) => {
    if (!identity) {
      const asking = client.auth.test({ token: botToken }).then((result) => ({
        ...(result.bot_id ? { botId: result.bot_id } : {}),
        ...(result.user_id ? { botUserId: result.user_id } : {}),
      }));
      identity = asking;
      asking.catch(() => {
        if (identity === asking) identity = null;
      });
    }
    // The same result Bolt's own single-token authorization gives.
    return { isEnterpriseInstall, botToken, ...(await identity) };
  };
}
