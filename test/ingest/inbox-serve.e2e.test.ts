/**
 * The inbox inside a running `teamhealth serve` (a child process, as an operator runs
 * it, against the Slack stand-in and the embedded store in a temp folder), with files
 * arriving while it runs: the org files, a Zendesk export copied in two parts (it must
 * be read whole, never half), a `.part` file that must never be read, the same export
 * dropped again under another name (nothing changes), and a bad file (rejected, and the
 * inbox goes on). Each scan's summary is posted to the ops channel through the delivery
 * engine. Nothing here is timed: the test waits for files to move and for log lines.
 */
import type { ChildProcess } from 'node:child_process';
import { appendFile, copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.ts';
import { type SlackStandIn, startStandIn } from '../../support/slack-stand-in.ts';
import { type Exit, embeddedEnv, startNode } from '../support/child-process.ts';
import { tempDir } from './support/run.ts';

const BIN = fileURLToPath(new URL('../../bin/teamhealth.mjs', import.meta.url));
const PROFILES = fileURLToPath(new URL('../fixtures/ingest/profiles/', import.meta.url));

let slack: SlackStandIn | undefined;
let child: ChildProcess | undefined;
let root: string | undefined;
afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await slack?.stop();
  if (root) await rm(root, { recursive: true, force: true });
});

/** Resolves once `check` is true; polls every 100 ms (the test's own timeout bounds it). */
async function until(check: () => boolean | Promise<boolean>, what: string, log: () => string) {
  for (;;) {
    if (await check()) return;
    if (child?.exitCode !== null && child?.exitCode !== undefined) {
      throw new Error(`serve exited (${child.exitCode}) while waiting for ${what}:\n${log()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const listing = async (dir: string) => (await readdir(dir).catch(() => [])).sort();

describe('the inbox in a running serve', { timeout: 180_000 }, () => {
  it('imports files as they arrive: whole once settled, never .part, duplicates change nothing, bad files rejected', async () => {
    root = await tempDir();
    const inbox = join(root, 'inbox');
    const dataDir = join(root, 'data');
    await mkdir(inbox);
    slack = await startStandIn();
    slack.addChannel({ id: 'COPS', name: 'ops' });
    // The org files are there before serve starts; a .part file sits there throughout.
    await copyFile(join(PROFILES, 'teams.csv'), join(inbox, 'teams.csv'));
    await copyFile(join(PROFILES, 'agents.csv'), join(inbox, 'agents.csv'));
    await writeFile(
      join(inbox, 'kpis.csv.part'),
      'date,agent_id,contacts_handled\n2026-11-30,372001,99\n',
    );

    const started = startNode(
      [BIN, 'serve', '--no-schedules'],
      embeddedEnv(dataDir, {
        SLACK_API_URL: slack.apiUrl,
        SLACK_BOT_TOKEN: slack.token,
        SLACK_SIGNING_SECRET: 'stand-in-signing-secret',
        PORT: '0',
        LOG_LEVEL: 'info',
        TEAMHEALTH_INBOX: inbox,
        // Two seconds between scans: the test appends the rest of the half-copied file
        // as soon as the inbox logs that it saw it, well inside one interval.
        TEAMHEALTH_INBOX_SCAN_SECONDS: '2',
        TEAMHEALTH_OPS_CHANNEL: 'COPS',
      }),
    );
    child = started.child;
    let log = '';
    child.stderr?.on('data', (chunk) => {
      log += chunk;
    });
    const logText = () => log;

    await until(
      async () => (await listing(join(inbox, 'done'))).includes('agents.csv'),
      'the org files',
      logText,
    );

    // A Zendesk export copied in two parts: the header and first rows, then the rest.
    const full = await readFile(join(PROFILES, 'zendesk-tickets.csv'), 'utf8');
    const lines = full.trimEnd().split('\n');
    const half = `${lines.slice(0, 3).join('\n')}\n`;
    const rest = `${lines.slice(3).join('\n')}\n`;
    const export1 = join(inbox, 'zendesk-2026-11-30.csv');
    await writeFile(export1, half);
    await until(
      () => /waiting for the file to settle/.test(log) && log.includes('zendesk-2026-11-30.csv'),
      'the inbox to see the half-copied file',
      logText,
    );
    await appendFile(export1, rest);
    await until(
      async () => (await listing(join(inbox, 'done'))).includes('zendesk-2026-11-30.csv'),
      'the Zendesk export',
      logText,
    );

    // The same bytes again under another name, and a bad file.
    await writeFile(join(inbox, 'zendesk-again.csv'), full);
    await writeFile(join(inbox, 'nonsense.csv'), 'day,who\n1,2\n');
    await until(
      async () =>
        (await listing(join(inbox, 'done'))).includes('zendesk-again.csv') &&
        (await listing(join(inbox, 'rejected'))).includes('nonsense.csv'),
      'the duplicate and the bad file',
      logText,
    );
    expect(log).toMatch(/zendesk-again\.csv: duplicate: the same bytes as zendesk-2026-11-30\.csv/);
    // The inbox went on after the bad file: one more file is still imported.
    await writeFile(join(inbox, 'late.csv'), 'date,agent_id,contacts_handled\n2026-12-02,jdoe,5\n');
    await until(
      async () => (await listing(join(inbox, 'done'))).includes('late.csv'),
      'a file after the bad one',
      logText,
    );
    // Files may settle in different scans on a busy machine: add up every scan's counts.
    const totals = () => {
      const sum = { imported: 0, rejected: 0, duplicates: 0 };
      for (const m of slack?.messages('COPS') ?? []) {
        const match = /: (\d+) imported, (\d+) rejected, (\d+) duplicates?$/.exec(m.text ?? '');
        if (!match) continue;
        sum.imported += Number(match[1]);
        sum.rejected += Number(match[2]);
        sum.duplicates += Number(match[3]);
      }
      return sum;
    };
    await until(() => totals().imported === 4, 'the ops summaries', logText);

    child.kill('SIGTERM');
    const exit: Exit = await started.done;
    expect(exit.code).toBe(0);
    expect(await listing(inbox)).toEqual(['done', 'kpis.csv.part', 'rejected']);

    // One post per scan that handled files: the org files, the export, the late file
    // imported; the bad file rejected; the second copy of the export a duplicate.
    expect(totals()).toEqual({ imported: 4, rejected: 1, duplicates: 1 });
    expect(slack.messages('COPS')[0]?.text).toBe(
      'teamhealth inbox: 2 files: 2 imported, 0 rejected, 0 duplicates',
    );

    const store = await openStore({ dataDir });
    try {
      const days = await store.kpis.agentDailySums({
        agentIds: ['372001'],
        from: '2026-11-30',
        to: '2026-12-01',
      });
      // The whole export: 3 tickets on the 30th (2 answers, 1 Good) and 1 on 1 Dec.
      // Half of it would have given 2 tickets on the 30th; the .part file would have given 99.
      days.sort((a, b) => a.date.localeCompare(b.date));
      expect(
        days.map((d) => [d.date, d.contacts_handled, d.csat_responses, d.csat_positive]),
      ).toEqual([
        ['2026-11-30', 3, 2, 1],
        ['2026-12-01', 1, 1, 1],
      ]);
      expect(await store.kpis.count()).toBe(4);
    } finally {
      await store.close();
    }
  });

  it('import --watch runs the same inbox without serving, until SIGTERM', async () => {
    root = await tempDir();
    const inbox = join(root, 'inbox');
    const dataDir = join(root, 'data');
    await mkdir(inbox);
    const started = startNode(
      [BIN, 'import', '--watch', inbox],
      embeddedEnv(dataDir, { LOG_LEVEL: 'info', TEAMHEALTH_INBOX_SCAN_SECONDS: '0.5' }),
    );
    child = started.child;
    let log = '';
    child.stderr?.on('data', (chunk) => {
      log += chunk;
    });
    await copyFile(join(PROFILES, 'teams.csv'), join(inbox, 'teams.csv'));
    await until(
      async () => (await listing(join(inbox, 'done'))).includes('teams.csv'),
      'the teams file',
      () => log,
    );
    child.kill('SIGTERM');
    const exit = await started.done;
    expect(exit.code).toBe(0);
    const store = await openStore({ dataDir });
    try {
      expect((await store.teams.list()).map((t) => t.id).sort()).toEqual(['T-LON', 'T-MNL']);
    } finally {
      await store.close();
    }
  });
});
