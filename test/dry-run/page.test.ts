/**
 * The dry run of every job for the small organisation, and its index.html opened in
 * headless Chromium: it loads, shows every message, and every chart image decodes.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSpec } from '../../src/charts/renderer.ts';
import { runAllJobsDryRun } from '../../src/commands/run.ts';
import { mrkdwnToHtml } from '../../src/dry-run/mrkdwn.ts';
import { AS_OF, buildOrg } from '../../support/jobs/org.ts';

const CHROMIUM = '/usr/bin/chromium';
let out: string;
let result: Awaited<ReturnType<typeof runAllJobsDryRun>>;

beforeAll(async () => {
  const org = await buildOrg();
  out = await mkdtemp(join(tmpdir(), 'dry-run-'));
  try {
    result = await runAllJobsDryRun({
      store: org.store,
      out,
      asOf: AS_OF,
      render: async (s) => renderSpec(s),
    });
  } finally {
    await org.close();
  }
}, 120_000);
afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

describe('dry run with nothing to post', () => {
  it('still writes the page, into an --out folder it makes, saying it holds no messages', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'dry-run-empty-'));
    const org = await buildOrg();
    try {
      const empty = join(parent, 'not-yet-made');
      // Only the digest, with no channel to post it to: no message at all.
      const run = await runAllJobsDryRun({
        store: org.store,
        out: empty,
        asOf: AS_OF,
        jobs: ['director-digest'],
        digestChannel: '',
        render: async (s) => renderSpec(s),
      });
      expect(run.messages).toBe(0);
      expect(existsSync(join(empty, 'index.html'))).toBe(true);
      expect(await readFile(join(empty, 'index.html'), 'utf8')).toContain('0 messages');
    } finally {
      await org.close();
      await rm(parent, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('dry run', () => {
  it('writes every job’s messages: 2 charts + 2 nudges + 2 recognitions + 11 DMs + 1 digest', async () => {
    expect(result.messages).toBe(18);
    const lines = (await readFile(join(out, 'messages.jsonl'), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(18);
  });

  it('renders mrkdwn basics and escapes HTML', () => {
    expect(mrkdwnToHtml('*CSAT* _up_ <b>\n>quoted')).toBe(
      '<strong>CSAT</strong> <em>up</em> &lt;b&gt;<br><blockquote>quoted</blockquote>',
    );
  });

  it('draws the emoji shortcodes the app uses, and leaves unknown ones as written', () => {
    expect(
      mrkdwnToHtml(':large_green_circle: healthy :red_circle: :warning: :no_such_emoji:'),
    ).toBe('🟢 healthy 🔴 ⚠️ :no_such_emoji:');
  });

  it('shows escaped data as Slack does: the characters, never a link, mention or quote', () => {
    // What src/messages/mrkdwn.ts makes of a tip "&gt; <!channel> & <https://a.example|b>".
    expect(mrkdwnToHtml('&gt; &lt;!channel&gt; &amp; &lt;https://a.example|b&gt;')).toBe(
      '&gt; &lt;!channel&gt; &amp; &lt;https://a.example|b&gt;',
    );
    expect(mrkdwnToHtml('Shared to <#C123>.')).toBe(
      'Shared to <span class="mention">#C123</span>.',
    );
  });

  it.skipIf(!existsSync(CHROMIUM))(
    'index.html loads in Chromium, shows every message, and every image loads',
    async () => {
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          '--no-sandbox',
          '--headless',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      });
      try {
        const page = await browser.newPage();
        await page.goto(pathToFileURL(result.page).href, { waitUntil: 'load' });
        expect(await page.locator('article.message').count()).toBe(18);
        expect(await page.locator('section.job h2').allTextContents()).toEqual([
          'team-charts (2 messages)',
          'peer-nudges (2 messages)',
          'recognition (2 messages)',
          'coaching-dms (11 messages)',
          'director-digest (1 message)',
        ]);
        const widths = await page.$$eval('img', (imgs) =>
          imgs.map((i) => (i as unknown as { naturalWidth: number }).naturalWidth),
        );
        // 2 teams × one dashboard + the digest's organisation dashboard and tier-mix chart.
        expect(widths).toHaveLength(4);
        expect(widths.every((w) => w > 0)).toBe(true);
        expect(await page.locator('a', { hasText: 'JSON' }).count()).toBe(18);
      } finally {
        await browser.close();
      }
    },
    60_000,
  );
});
