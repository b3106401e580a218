/**
 * `teamhealth import --profile / --mapping / --dry-run` as an operator runs them (child
 * processes, embedded store in a temp folder).
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.ts';
import { embeddedEnv, startNode } from '../support/child-process.ts';
import { tempDir, writeFixture } from './support/run.ts';

const BIN = fileURLToPath(new URL('../../bin/teamhealth.mjs', import.meta.url));
const PROFILES = fileURLToPath(new URL('../fixtures/ingest/profiles/', import.meta.url));

const cli = (dataDir: string, args: string[]) =>
  startNode([BIN, 'import', ...args, '--no-progress'], embeddedEnv(dataDir, { LOG_LEVEL: 'warn' }))
    .done;

describe('teamhealth import through a profile (child process)', { timeout: 180_000 }, () => {
  it('--dry-run reports what the profile would store and writes nothing; then the import stores it', async () => {
    const dir = await tempDir();
    const dataDir = join(dir, 'data');
    const org = await cli(dataDir, [join(PROFILES, 'teams.csv'), join(PROFILES, 'agents.csv')]);
    expect(org.code).toBe(0);
    const tickets = join(PROFILES, 'zendesk-tickets.csv');

    const dry = await cli(dataDir, ['--profile', 'zendesk-tickets', tickets, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toBe(
      `${tickets}: kpis (profile zendesk-tickets): dry run, nothing written: read 6 rows, would store 3 records for 2026-11-30 to 2026-12-01, 2 agents, would reject 0\n`,
    );
    const afterDry = await openStore({ dataDir });
    try {
      expect(await afterDry.kpis.count()).toBe(0);
    } finally {
      await afterDry.close();
    }

    const real = await cli(dataDir, ['--profile', 'zendesk-tickets', tickets]);
    expect(real.code).toBe(0);
    expect(real.stdout).toContain('stored 3 (3 inserted, 0 updated, 0 unchanged), rejected 0');
    // The fixtures folder is left as it was: no .rejected.csv was written.
    expect((await readdir(PROFILES)).some((name) => name.endsWith('.rejected.csv'))).toBe(false);
  });

  it('names an unknown profile, and a mapping that cannot be derived, and exits 1', async () => {
    const dir = await tempDir();
    const dataDir = join(dir, 'data');
    const file = await writeFixture(dir, 'x.csv', 'Day,Agent,Handled,CSAT\n2026-11-30,A1,4,4.5\n');
    const unknown = await cli(dataDir, ['--profile', 'nice-cxone', file]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain(
      'teamhealth import: no profile named "nice-cxone" (shipped: amazon-connect, genesys-cloud, talkdesk-calls, zendesk-tickets;',
    );
    const mapping = await writeFixture(
      dir,
      'm.yml',
      'fields:\n  date: Day\n  agent_id: Agent\n  contacts_handled: Handled\n  csat_responses: Handled\n  csat_positive: { average: CSAT, count: Handled }\n',
    );
    const refused = await cli(dataDir, ['--mapping', mapping, file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${mapping}: fields.csat_positive: an average score`);
  });

  it('refuses --watch with files (usage, exit 64)', async () => {
    const dir = await tempDir();
    const run = await cli(join(dir, 'data'), ['--watch', dir, 'x.csv']);
    expect(run.code).toBe(64);
    expect(run.stderr).toContain('import --watch <dir> takes no files');
  });
});
