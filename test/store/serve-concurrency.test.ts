/**
 * `teamhealth serve` on a SQLite folder while `teamhealth import`, `report --json` and
 * `run director-digest --dry-run` run against the same folder, each a real process as an operator
 * (or cron) starts them. Nothing is refused, serve answers every signed `/teamhealth`
 * throughout, and once the import is done a director's `/teamhealth` shows the imported
 * team within the report cache's lifetime (60 s). Nothing here is timed beyond that bound.
 */

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.ts';
import { openStore } from '../../src/store/open.ts';
import { sendSlashCommand } from '../../support/signed-requests.ts';
import { AS_OF, seedOrganisation, USERS } from '../../support/slack/org.ts';
import { type SlackStandIn, startStandIn } from '../../support/slack-stand-in.ts';
import { type Exit, embeddedEnv, startNode } from '../support/child-process.ts';

const BIN = fileURLToPath(new URL('../../bin/teamhealth.mjs', import.meta.url));
const SECRET = 'stand-in-signing-secret';
const CACHE_LIFETIME_MS = 60_000;

let dir: string | undefined;
let slack: SlackStandIn | undefined;
let serve: ReturnType<typeof startNode> | undefined;
afterEach(async () => {
  serve?.child.kill('SIGKILL');
  await serve?.done;
  await slack?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A third team, "Cargo West", of 40 agents with 60 days of KPIs ending on AS_OF. */
function writeNewTeamFiles(into: string): string[] {
  const teams = join(into, 'teams.csv');
  const agents = join(into, 'agents.csv');
  const kpis = join(into, 'kpis.csv');
  writeFileSync(teams, 'id,name,timezone,site\nT3,Cargo West,Europe/London,Leeds\n');
  const ids = Array.from({ length: 40 }, (_, i) => `C${i}`);
  writeFileSync(agents, `id,name,team_id\n${ids.map((id) => `${id},Agent ${id},T3`).join('\n')}\n`);
  const lines = ['date,agent_id,contacts_handled,csat_responses,csat_positive'];
  for (let d = 0; d < 60; d++) {
    for (const [i, id] of ids.entries())
      lines.push(`${addDays(AS_OF, -d)},${id},${20 + (i % 7)},8,6`);
  }
  writeFileSync(kpis, `${lines.join('\n')}\n`);
  return [teams, agents, kpis];
}

describe('serve while other processes use its folder', { timeout: 300_000 }, () => {
  it('keeps answering while import, report and a dry run work on the same folder, and shows the import', async () => {
    dir = mkdtempSync(join(tmpdir(), 'teamhealth-serve-'));
    const dataDir = join(dir, 'data');
    const seeded = await openStore({ dataDir });
    await seedOrganisation(seeded);
    await seeded.close();

    slack = await startStandIn();
    for (const id of Object.values(USERS)) slack.addUser({ id, name: id, tz: 'Europe/London' });
    slack.addChannel({ id: 'C0BILLING', name: 'billing-north' });
    slack.addChannel({ id: 'C0RETURNS', name: 'returns-east' });
    const port = await freePort();
    const env = (extra: Record<string, string> = {}) =>
      embeddedEnv(dataDir, {
        SLACK_API_URL: slack?.apiUrl ?? '',
        SLACK_BOT_TOKEN: slack?.token ?? '',
        SLACK_SIGNING_SECRET: SECRET,
        TEAMHEALTH_DIRECTOR_IDS: USERS.director,
        LOG_LEVEL: 'warn',
        ...extra,
      });
    serve = startNode(
      [BIN, 'serve', '--no-schedules'],
      env({ PORT: String(port), LOG_LEVEL: 'info' }),
    );
    let serveLog = '';
    serve.child.stderr?.on('data', (chunk) => {
      serveLog += chunk;
    });
    serve.child.stdout?.on('data', (chunk) => {
      serveLog += chunk;
    });
    const url = `http://127.0.0.1:${port}/slack/events`;
    for (;;) {
      if (serve.child.exitCode !== null) throw new Error(`serve exited:\n${serveLog}`);
      if (/listens on/.test(serveLog)) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    let seq = 0;
    /** A director's `/teamhealth`: the HTTP status of the ack and the answer's text. */
    const ask = async (): Promise<{ status: number; text: string }> => {
      const id = `q${++seq}`;
      const sent = await sendSlashCommand(url, SECRET, {
        command: '/teamhealth',
        text: '',
        user_id: USERS.director,
        channel_id: 'C0BILLING',
        response_url: slack?.responseUrl(id) ?? '',
      });
      for (;;) {
        const answer = slack?.responsesTo(id)[0];
        if (answer) return { status: sent.status, text: JSON.stringify(answer.body) };
        if (serve?.child.exitCode !== null) throw new Error(`serve exited:\n${serveLog}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    const before = await ask();
    expect(before.status).toBe(200);
    expect(before.text).toContain('Director digest: 2 teams');

    // The three commands at once, while serve answers a question every 300 ms.
    const files = writeNewTeamFiles(dir);
    const others = Promise.all([
      startNode([BIN, 'import', ...files, '--no-progress'], env()).done,
      startNode([BIN, 'report', '--json'], env()).done,
      startNode(
        [BIN, 'run', 'director-digest', '--dry-run', '--out', join(dir, 'out'), '--as-of', AS_OF],
        env(),
      ).done,
    ]);
    let finished = false;
    const asked: { status: number; text: string }[] = [];
    const asking = (async () => {
      while (!finished) {
        asked.push(await ask());
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
    })();
    const [imported, reported, dryRun] = (await others) as Exit[];
    finished = true;
    await asking;
    const importedAt = Date.now();

    expect(imported?.code, `signal ${imported?.signal}: ${imported?.stderr}`).toBe(0);
    expect(imported?.stdout).toContain('kpis: read 2400 rows, stored 2400 (2400 inserted');
    expect(reported?.code, `signal ${reported?.signal}: ${reported?.stderr}`).toBe(0);
    expect(JSON.parse(reported?.stdout ?? '').teams.length).toBeGreaterThanOrEqual(2);
    expect(dryRun?.code, `signal ${dryRun?.signal}: ${dryRun?.stderr}`).toBe(0);
    expect(asked.length).toBeGreaterThan(0);
    for (const answer of asked) {
      expect(answer.status).toBe(200);
      expect(answer.text).toMatch(/Director digest: [23] teams/);
    }

    // The import shows once the cached report (built before it ended) has expired.
    let after = await ask();
    while (!after.text.includes('Director digest: 3 teams')) {
      if (Date.now() - importedAt > CACHE_LIFETIME_MS + 15_000) {
        throw new Error(`the new team did not show within the cache lifetime: ${after.text}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      after = await ask();
    }
    expect(after.status).toBe(200);
    expect(after.text).toContain('*Cargo West*');
    expect(serve.child.exitCode).toBeNull();
  });
});
