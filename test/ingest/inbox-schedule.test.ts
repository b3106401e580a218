/**
 * The inbox's settings, its schedule (a failing scan never stops it) and the summary it
 * posts to the ops channel (file names only in plain_text, cuts made visible).
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { InboxSummary } from '../../src/ingest/inbox/inbox.ts';
import { startInbox } from '../../src/ingest/inbox/start-inbox.ts';
import { inboxSummaryBlocks, inboxSummaryText } from '../../src/ingest/inbox/summary-message.ts';

describe('inbox settings', () => {
  it('reads TEAMHEALTH_INBOX, its scan interval and the ops channel', () => {
    const config = loadConfig({
      TEAMHEALTH_INBOX: '/srv/inbox',
      TEAMHEALTH_INBOX_SCAN_SECONDS: '5',
      TEAMHEALTH_OPS_CHANNEL: 'C0OPS1234',
    });
    expect(config.inbox).toEqual({ dir: '/srv/inbox', scanSeconds: 5 });
    expect(config.opsChannel).toBe('C0OPS1234');
    expect(config.inboxScanSeconds).toBe(5);
    expect(loadConfig({}).inbox).toBeUndefined();
    // The interval also serves `import --watch <dir>`, which needs no TEAMHEALTH_INBOX.
    expect(loadConfig({ TEAMHEALTH_INBOX_SCAN_SECONDS: '2' }).inboxScanSeconds).toBe(2);
  });

  it('names a malformed ops channel and scan interval', () => {
    expect(() =>
      loadConfig({ TEAMHEALTH_OPS_CHANNEL: '#ops', TEAMHEALTH_INBOX_SCAN_SECONDS: '0' }),
    ).toThrow(
      /TEAMHEALTH_INBOX_SCAN_SECONDS must be at least 0\.1.*TEAMHEALTH_OPS_CHANNEL must be a Slack channel id/,
    );
  });
});

describe('the inbox schedule', () => {
  it('goes on after a scan that throws, and after a summary that cannot be posted', async () => {
    const errors: string[] = [];
    const log = { info() {}, warn() {}, error: (_: object, m: string) => errors.push(m) };
    let scans = 0;
    const summary: InboxSummary = { at: '2026-11-30T10:00:00.000Z', files: [] };
    let third: () => void = () => {};
    const reachedThird = new Promise<void>((resolve) => {
      third = resolve;
    });
    const running = startInbox({
      intervalMs: 1,
      log,
      inbox: {
        async scan() {
          scans += 1;
          if (scans === 1) throw new Error('store down');
          if (scans === 3) third();
          return summary;
        },
      },
      post: async () => {
        throw new Error('channel_not_found');
      },
    });
    await reachedThird;
    await running.stop();
    expect(errors.slice(0, 2)).toEqual([
      'inbox: scan failed; trying again at the next scan',
      'inbox: could not post the summary',
    ]);
  });
});

describe('the ops summary', () => {
  const file = (name: string, outcome: 'done' | 'rejected' | 'duplicate') => ({
    name,
    outcome,
    detail: `${name}: kpis: read 1 row`,
    problems: outcome === 'rejected' ? [`${name}:2: agent_id: unknown agent "<!channel>"`] : [],
  });

  it('counts in the notification text and puts file names only in plain_text', () => {
    const summary: InboxSummary = {
      at: '2026-11-30T10:00:00.000Z',
      files: [file('<!here>.csv', 'done'), file('b.csv', 'rejected'), file('c.csv', 'duplicate')],
    };
    expect(inboxSummaryText(summary)).toBe(
      'teamhealth inbox: 3 files: 1 imported, 1 rejected, 1 duplicate',
    );
    const blocks = inboxSummaryBlocks(summary);
    const texts = JSON.stringify(blocks);
    expect(texts).not.toContain('mrkdwn');
    expect(blocks[3]).toEqual({
      type: 'section',
      text: {
        type: 'plain_text',
        text: 'REJECTED: b.csv: kpis: read 1 row\nb.csv:2: agent_id: unknown agent "<!channel>"',
      },
    });
  });

  it('stays under 50 blocks and says how many files it left out', () => {
    const files = Array.from({ length: 60 }, (_, i) => file(`f${i}.csv`, 'done'));
    const blocks = inboxSummaryBlocks({ at: '2026-11-30T10:00:00.000Z', files });
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(JSON.stringify(blocks.at(-1))).toContain('… and 15 more files (see the log)');
  });
});
