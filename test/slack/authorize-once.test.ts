/**
 * Bolt's authorization for our bot token asks Slack who the token is once, not before
 * every request (src/slack/authorize-once.ts): against a counting auth.test, and in the
 * real app over HTTP against the Slack stand-in.
 */
import { describe, expect, it } from 'vitest';
import { authorizeOnce } from '../../src/slack/authorize-once.ts';
import { startHarness } from '../../support/slack/harness.ts';
import { USERS } from '../../support/slack/org.ts';

function client(answers: Array<() => Promise<{ ok: boolean; user_id?: string; bot_id?: string }>>) {
  let calls = 0;
  return {
    calls: () => calls,
    auth: {
      test: async ({ token }: { token: string }) => {
        expect(token).toBe('xoxb-test');
        const answer = answers[Math.min(calls++, answers.length - 1)];
        if (!answer) throw new Error('no answer scripted');
        return answer();
      },
    },
  };
}

const ok = async () => ({ ok: true, user_id: 'UBOT', bot_id: 'BBOT' });

describe('authorizeOnce', () => {
  it("answers with the bot's token and identity, asking auth.test only once", async () => {
    const c = client([ok]);
    const authorize = authorizeOnce({ botToken: 'xoxb-test', client: c });
    const source = { isEnterpriseInstall: false };
    const results = await Promise.all([authorize(source), authorize(source)]);
    results.push(await authorize(source));
    for (const result of results)
      expect(result).toEqual({
        isEnterpriseInstall: false,
        botToken: 'xoxb-test',
        botId: 'BBOT',
        botUserId: 'UBOT',
      });
    expect(c.calls()).toBe(1);
  });

  it('asks again on the next request after auth.test failed', async () => {
    const c = client([async () => Promise.reject(new Error('ECONNREFUSED')), ok]);
    const authorize = authorizeOnce({ botToken: 'xoxb-test', client: c });
    await expect(authorize({ isEnterpriseInstall: false })).rejects.toThrow('ECONNREFUSED');
    expect((await authorize({ isEnterpriseInstall: false })).botUserId).toBe('UBOT');
    expect(c.calls()).toBe(2);
  });

  it('needs a bot token', () => {
    expect(() => authorizeOnce({ botToken: '', client: client([ok]) })).toThrow(
      'authorizeOnce needs the bot token (SLACK_BOT_TOKEN)',
    );
  });
});

describe('the running app', () => {
  it('asks auth.test once for three slash commands, and its public client carries the bot token', async () => {
    const h = await startHarness();
    try {
      await h.command(USERS.lead1, 'help');
      await h.command(USERS.lead1, '');
      await h.command(USERS.director, 'digest');
      expect(h.slack.callsTo('auth.test')).toHaveLength(1);
      // serve checks the token with app.client.auth.test() and no token argument.
      expect((await h.app.client.auth.test()).ok).toBe(true);
    } finally {
      await h.close();
    }
  });
});
