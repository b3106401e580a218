/**
 * The compiled CLI (scripts/build-cli.mjs → dist/): bin/teamhealth.mjs runs it only while
 * it was built from exactly the sources there, and a command prints the same from it as
 * from the TypeScript sources. Child processes, as an operator runs the command.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoOrganisation } from '../src/demo/organisation.ts';
import { writeDemoToStore } from '../src/demo/store-writer.ts';
import { openStore } from '../src/store/open.ts';
import { embeddedEnv } from './support/child-process.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DESCRIPTION = 'Coaches contact-centre teams from their own numbers, in Slack.';

/** `node …args` in `cwd`, whatever TEAMHEALTH_FROM_SOURCE the tests themselves run with. */
function node(cwd: string, args: string[], extra: Record<string, string> = {}) {
  const { TEAMHEALTH_FROM_SOURCE: _forced, ...env } = process.env;
  return spawnSync(process.execPath, args, { cwd, env: { ...env, ...extra }, encoding: 'utf8' });
}

describe('bin/teamhealth.mjs and the compiled CLI', { timeout: 120_000 }, () => {
  // A copy of the package (its node_modules linked), so its sources can be touched and
  // edited without disturbing the working tree.
  let copy: string;
  beforeAll(() => {
    copy = mkdtempSync(join(tmpdir(), 'teamhealth-bundle-'));
    for (const entry of ['bin', 'scripts', 'src', 'blocks', 'jobs']) {
      cpSync(join(ROOT, entry), join(copy, entry), { recursive: true });
    }
    for (const file of ['package.json', 'package-lock.json', 'tsconfig.json']) {
      cpSync(join(ROOT, file), join(copy, file));
    }
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('runs dist/ while fresh, and the sources once one is newer, edited, or forced', () => {
    const built = node(copy, ['scripts/build-cli.mjs']);
    expect(built.status, built.stderr).toBe(0);
    expect(built.stderr).toContain('built dist/');
    expect(existsSync(join(copy, 'dist', 'build.json'))).toBe(true);
    // Marks the compiled copy of the description, so the help text says which one ran.
    const cliJs = join(copy, 'dist', 'cli.js');
    const compiled = readFileSync(cliJs, 'utf8');
    expect(compiled).toContain(DESCRIPTION);
    writeFileSync(cliJs, compiled.replace(DESCRIPTION, `COMPILED ${DESCRIPTION}`));
    const help = (extra: Record<string, string> = {}) =>
      node(copy, ['bin/teamhealth.mjs', '--help'], extra).stdout;

    expect(help()).toContain(`COMPILED ${DESCRIPTION}`);
    expect(help({ TEAMHEALTH_FROM_SOURCE: '1' })).toContain(`\n${DESCRIPTION}`);

    // A file deep in the graph saved again, unchanged: its time alone makes dist/ stale.
    const dates = join(copy, 'src', 'domain', 'dates.ts');
    const later = new Date(statSync(dates).mtimeMs + 2_000);
    utimesSync(dates, later, later);
    expect(help()).toContain(`\n${DESCRIPTION}`);
    expect(help()).not.toContain('COMPILED');

    // An edit takes effect at once; after a build the compiled CLI runs it.
    const cliTs = join(copy, 'src', 'cli.ts');
    writeFileSync(cliTs, readFileSync(cliTs, 'utf8').replace(DESCRIPTION, 'Edited.'));
    expect(help()).toContain('\nEdited.\n');
    expect(node(copy, ['scripts/build-cli.mjs']).status).toBe(0);
    expect(readFileSync(cliJs, 'utf8')).toContain('Edited.');
    expect(help()).toContain('\nEdited.\n');

    // Nothing changed since: the build is a no-op and says nothing.
    const again = node(copy, ['scripts/build-cli.mjs']);
    expect([again.status, again.stderr]).toEqual([0, '']);
  });

  it('runs the sources when a file the bundle was built from is gone', () => {
    expect(node(copy, ['scripts/build-cli.mjs', '--force']).status).toBe(0);
    const compiled = readFileSync(join(copy, 'dist', 'cli.js'), 'utf8');
    writeFileSync(join(copy, 'dist', 'cli.js'), compiled.replace(/^/, 'throw new Error("ran");\n'));
    rmSync(join(copy, 'src', 'demo', 'tips.ts'));
    // --help never loads the demo, so the sources still start.
    const run = node(copy, ['bin/teamhealth.mjs', '--help']);
    expect(run.status, run.stderr).toBe(0);
  });
});

describe('a command from the compiled CLI and from source', { timeout: 180_000 }, () => {
  let dir: string;
  beforeAll(async () => {
    const built = node(ROOT, ['scripts/build-cli.mjs']);
    expect(built.status, built.stderr).toBe(0);
    dir = mkdtempSync(join(tmpdir(), 'teamhealth-bundle-demo-'));
    const store = await openStore({ dataDir: join(dir, 'data') });
    try {
      await writeDemoToStore({ store, org: generateDemoOrganisation() });
    } finally {
      await store.close();
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const teamhealth = (args: string[], fromSource: boolean, extra: Record<string, string> = {}) => {
    const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'teamhealth.mjs'), ...args], {
      env: embeddedEnv(join(dir, 'data'), {
        LOG_LEVEL: 'warn',
        ...extra,
        ...(fromSource ? { TEAMHEALTH_FROM_SOURCE: '1' } : {}),
      }),
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
  };

  it('prints the same report --json on the demo organisation', () => {
    const compiled = teamhealth(['report', '--json'], false);
    expect(compiled.status, compiled.stderr).toBe(0);
    expect(JSON.parse(compiled.stdout).teams.length).toBeGreaterThan(0);
    expect(compiled).toEqual(teamhealth(['report', '--json'], true));
  });

  it('names a bad setting in the same words either way (the bundle keeps only the zod it uses)', () => {
    const compiled = teamhealth(['report'], false, { SLACK_API_URL: 'not a url' });
    expect(compiled.status).toBe(1);
    expect(compiled.stderr).toBe('teamhealth: Invalid configuration: SLACK_API_URL Invalid URL\n');
    expect(compiled).toEqual(teamhealth(['report'], true, { SLACK_API_URL: 'not a url' }));
  });

  it('dry-runs a job with its charts (the compiled chart worker) the same way', () => {
    const written = [false, true].map((fromSource) => {
      const out = join(dir, fromSource ? 'source' : 'compiled');
      const run = teamhealth(
        ['run', 'team-charts', '--dry-run', '--team', 'TM01', '--out', out],
        fromSource,
      );
      expect(run.status, run.stderr).toBe(0);
      const files = readdirSync(out, { recursive: true, encoding: 'utf8' })
        .filter((name) => name.endsWith('.png') || name.endsWith('.jsonl'))
        .sort();
      return Object.fromEntries(files.map((name) => [name, readFileSync(join(out, name))]));
    });
    expect(Object.keys(written[0] ?? {}).filter((name) => name.endsWith('.png'))).toHaveLength(1);
    expect(written[0]).toEqual(written[1]);
  });
});
