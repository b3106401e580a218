/**
 * `teamhealth demo` as a command, with the store factory replaced by an in-memory store
 * (test/demo/memory-store.ts): what it prints, the files it writes, and that a second
 * run finds every record already stored. The same through the real embedded store is in
 * patterns.test.ts.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoDeps, demoCommand, describeStore } from '../../src/commands/demo.ts';
import { loadConfig } from '../../src/config.ts';
import { generateDemoOrganisation } from '../../src/demo/organisation.ts';
import type { OrganisationSummary } from '../../src/demo/summary.ts';
import type { OrgReport } from '../../src/domain/report-types.ts';
import { UsageError } from '../../src/errors.ts';
import { createLogger } from '../../src/log.ts';
import { expectPlantedPatterns } from './expect-patterns.ts';
import { type MemoryStore, memoryStore } from './memory-store.ts';

describe('teamhealth demo (in-memory store)', () => {
  let dir: string;
  let store: MemoryStore;
  let lines: string[];
  let deps: DemoDeps;
  let opened: { dataDir: string; mongoUri?: string }[];
  let jobRuns: { asOf?: string; out: string }[];
  const org = generateDemoOrganisation({ seed: 42 });

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'teamhealth-demo-cmd-'));
    store = memoryStore();
    lines = [];
    opened = [];
    jobRuns = [];
    deps = {
      // The operator's own store settings: the demo must not touch them.
      env: { TEAMHEALTH_DATA_DIR: path.join(dir, 'data'), MONGODB_URI: 'mongodb://db.example/th' },
      print: (line) => lines.push(line),
      logger: createLogger('silent'),
      openStore: async (settings) => {
        opened.push(settings);
        return store;
      },
      // The real dry run is exercised end to end in patterns.test.ts.
      runJobs: async (args) => {
        jobRuns.push({ asOf: args.asOf, out: args.out });
        return {
          summary: { sent: 0, skipped: 0, held: 0, failed: [] } as never,
          page: 'index.html',
          messages: 0,
        };
      },
    };
    expect(await demoCommand({ out: path.join(dir, 'out'), seed: 42 }, deps)).toBe(0);
  });

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('opens its own SQLite store inside --out, never the configured one, and closes it', () => {
    expect(opened).toEqual([{ dataDir: path.join(dir, 'out', 'data'), mongoUri: undefined }]);
    expect(store.closed).toBe(1);
  });

  it('dry-runs the jobs for the last day of the generated data', () => {
    expect(jobRuns).toEqual([{ asOf: '2026-10-31', out: path.join(dir, 'out') }]);
  });

  it('prints what it generated, where the data went and the files it wrote', () => {
    const text = lines.join('\n');
    // 8 teams over 4 sites; counts as generated, with thousands separators.
    expect(lines[0]).toBe(
      `Generated 8 teams at 4 sites, ${org.agents.length} agents, ${org.agentDays.length.toLocaleString('en-GB')} agent-days (2026-05-05 to 2026-10-31), ` +
        `${org.contacts.length.toLocaleString('en-GB')} contact-volume rows, ${org.enablement.length} enablement events, ${org.tips.length} tips (seed 42).`,
    );
    expect(text).toContain(`the demo's own SQLite store at ${path.resolve(dir, 'out', 'data')}`);
    expect(text).toContain(`Wrote ${path.join(dir, 'out', 'organisation.json')}`);
    expect(text).toContain(`Wrote ${path.join(dir, 'out', 'report.json')}`);
    expect(text).toContain(`open index.html`);
    // A few lines, not a log dump.
    expect(lines.length).toBeLessThanOrEqual(8);
  });

  it('stores every record of the organisation', async () => {
    expect(await store.kpis.count()).toBe(org.agentDays.length);
    expect(await store.teams.list()).toEqual(org.teams);
    expect((await store.tips.list({})).map((t) => t.id).sort()).toEqual(
      org.tips.map((t) => t.id).sort(),
    );
  });

  it('writes organisation.json with the counts, sites and planted patterns', async () => {
    const summary = JSON.parse(
      await readFile(path.join(dir, 'out', 'organisation.json'), 'utf8'),
    ) as OrganisationSummary;
    expect(summary.seed).toBe(42);
    expect(summary.counts).toMatchObject({ teams: 8, sites: 4, agents: org.agents.length });
    expect(summary.sites.map((s) => s.timezone).sort()).toEqual([
      'America/Chicago',
      'Asia/Manila',
      'Europe/London',
      'Europe/Warsaw',
    ]);
    expect(summary.patterns.find((p) => p.pattern === 'contact_mix_shift')?.teams).toEqual([
      'TM07',
    ]);
    expect(summary.teams.find((t) => t.id === 'TM02')?.patterns).toEqual([
      'csat_decline',
      'top_agents_with_tips',
    ]);
  });

  it('writes report.json, as of the anchor, in which every planted pattern is found', async () => {
    const report = JSON.parse(
      await readFile(path.join(dir, 'out', 'report.json'), 'utf8'),
    ) as OrgReport;
    expectPlantedPatterns(report, org);
  });

  it('changes nothing when run again with the same seed', async () => {
    lines.length = 0;
    expect(await demoCommand({ out: path.join(dir, 'out'), seed: 42 }, deps)).toBe(0);
    const total =
      org.teams.length +
      org.agents.length +
      org.agentDays.length +
      org.contacts.length +
      org.enablement.length +
      org.tips.length;
    expect(lines).toContain(
      `Stored: 0 new, 0 updated, ${total.toLocaleString('en-GB')} already there.`,
    );
    expect(await store.kpis.count()).toBe(org.agentDays.length);
  });

  it('warns when the store holds agents of another seed', async () => {
    lines.length = 0;
    expect(await demoCommand({ out: path.join(dir, 'out2'), seed: 7 }, deps)).toBe(0);
    expect(lines.join('\n')).toMatch(
      /Note: the store also holds \d+ agents this seed does not have/,
    );
  });

  it('rejects a negative or fractional seed as a usage error', async () => {
    await expect(demoCommand({ seed: -1 }, deps)).rejects.toThrow(UsageError);
    await expect(demoCommand({ seed: 2.5 }, deps)).rejects.toThrow(/--seed must be a whole number/);
  });

  it('returns 1 and names the cause when the store cannot be written', async () => {
    const broken = memoryStore();
    broken.kpis.upsertMany = async () => {
      throw new Error('disk full');
    };
    const errors: string[] = [];
    const original = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) =>
      errors.push(String(chunk)) > 0) as typeof process.stderr.write;
    try {
      const code = await demoCommand(
        { out: path.join(dir, 'out3') },
        { ...deps, openStore: async () => broken },
      );
      expect(code).toBe(1);
    } finally {
      process.stderr.write = original;
    }
    expect(errors.join('')).toContain('teamhealth demo: disk full');
    expect(broken.closed).toBe(1);
  });
});

describe('describeStore', () => {
  it('names the demo store folder as an absolute path and how to serve it', () => {
    expect(describeStore(loadConfig({ TEAMHEALTH_DATA_DIR: 'rel/data' }))).toBe(
      `the demo's own SQLite store at ${path.resolve('rel/data')} (serve it with TEAMHEALTH_DATA_DIR=rel/data)`,
    );
  });
});
