/**
 * `teamhealth demo [--out DIR] [--seed N]`: builds the synthetic organisation
 * (src/demo/), stores it in a SQLite store of its own at `<out>/data` — never the
 * operator's configured store, whose teams the demo's ids could overwrite — and writes
 * what there is to look at into --out: the organisation, the report, and every job's
 * dry run with a page to browse it (`<out>/index.html`).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type Config, loadConfig } from '../config.ts';
import { type DemoOrganisation, generateDemoOrganisation } from '../demo/organisation.ts';
import { DEFAULT_SEED } from '../demo/patterns.ts';
import { type DemoWriteResult, writeDemoToStore } from '../demo/store-writer.ts';
import { summariseOrganisation } from '../demo/summary.ts';
import { asTeamhealthError, UsageError } from '../errors.ts';
import { createLogger, type Logger } from '../log.ts';
import { buildOrgReport } from '../reporting/build-org-report.ts';
import { openStore } from '../store/open.ts';
import type { Store } from '../store/types.ts';
import { runAllJobsDryRun } from './run.ts';

export interface DemoOptions {
  out?: string;
  seed?: number;
}

export type OpenStore = typeof openStore;

export interface DemoDeps {
  env?: Record<string, string | undefined>;
  /** Where the few lines of progress go (default stdout). */
  print?: (line: string) => void;
  logger?: Logger;
  /** The store factory (default src/store/open.ts). */
  openStore?: OpenStore;
  /** The jobs' dry run (default src/commands/run.ts). */
  runJobs?: typeof runAllJobsDryRun;
}

const count = (n: number) => n.toLocaleString('en-GB');

/** @returns the exit code: 0 done, 1 failed (the message says what), 64 bad options */
export async function demoCommand(options: DemoOptions, deps: DemoDeps = {}): Promise<number> {
  const print = deps.print ?? ((line: string) => void process.stdout.write(`${line}\n`));
  const seed = options.seed ?? DEFAULT_SEED;
  const out = options.out ?? './out';
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new UsageError(
      `demo --seed must be a whole number of 0 or more, got ${String(options.seed)}`,
    );
  }
  // The demo is self-contained: its own SQLite store inside --out.
  const config: Config = {
    ...loadConfig(deps.env ?? process.env),
    mongoUri: undefined,
    dataDir: path.join(out, 'data'),
  };
  const logger = deps.logger ?? createLogger(config.logLevel);

  const org = generateOrganisation(seed, print);
  let store: Store | undefined;
  try {
    store = await openDemoStore(config, logger, deps.openStore);
    print(`Storing it in ${describeStore(config)} …`);
    const written = await storeOrganisation(store, org);
    print(describeWrite(written));
    await mkdir(out, { recursive: true });
    print(`Wrote ${await writeOrganisationFile(out, org)}`);
    print(`Wrote ${await writeReportFile(out, store, org)}`);
    print('Dry-running every job (charts render in worker threads) …');
    const jobs = await (deps.runJobs ?? runAllJobsDryRun)({ store, out, asOf: org.to });
    print(`Wrote ${jobs.messages} messages and their charts; open ${jobs.page}`);
    return 0;
  } catch (error) {
    const e = asTeamhealthError(error);
    logger.debug({ err: e.original ?? e }, 'demo failed');
    process.stderr.write(`teamhealth demo: ${e.message}\n`);
    return 1;
  } finally {
    await store?.close();
  }
}

/** Step 1: the organisation as records, from the seed. */
export function generateOrganisation(
  seed: number,
  print: (line: string) => void,
): DemoOrganisation {
  const org = generateDemoOrganisation({ seed });
  const sites = new Set(org.teams.map((t) => t.site)).size;
  print(
    `Generated ${org.teams.length} teams at ${sites} sites, ${count(org.agents.length)} agents, ` +
      `${count(org.agentDays.length)} agent-days (${org.from} to ${org.to}), ` +
      `${count(org.contacts.length)} contact-volume rows, ${count(org.enablement.length)} enablement events, ` +
      `${org.tips.length} tips (seed ${seed}).`,
  );
  return org;
}

/** Step 2: the store the rest of the app will read (openStore also creates the indexes). */
export async function openDemoStore(
  config: Config,
  logger: Logger,
  open: OpenStore = openStore,
): Promise<Store> {
  return open(
    { mongoUri: config.mongoUri, mongoDb: config.mongoDb, dataDir: config.dataDir },
    { logger },
  );
}

/** Step 3: every record upserted by natural key, so a second run changes nothing. */
export async function storeOrganisation(
  store: Store,
  org: DemoOrganisation,
): Promise<DemoWriteResult> {
  return writeDemoToStore({ store, org });
}

/** Step 4: `organisation.json`, what was generated and where each pattern is planted. */
export async function writeOrganisationFile(out: string, org: DemoOrganisation): Promise<string> {
  const file = path.join(out, 'organisation.json');
  await writeFile(file, `${JSON.stringify(summariseOrganisation(org), null, 2)}\n`);
  return file;
}

/** Step 5: `report.json`, the organisation's report as of the demo's last day. */
export async function writeReportFile(
  out: string,
  store: Store,
  org: DemoOrganisation,
): Promise<string> {
  const report = await buildOrgReport({ store, asOf: org.to });
  const file = path.join(out, 'report.json');
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}

/** Where the data went, in words an operator can act on (never the URI: it may hold a password). */
export function describeStore(config: Config): string {
  return `the demo's own SQLite store at ${path.resolve(config.dataDir)} (serve it with TEAMHEALTH_DATA_DIR=${config.dataDir})`;
}

function describeWrite(w: DemoWriteResult): string {
  const rows = [w.teams, w.agents, w.agentDays, w.contacts, w.enablement, w.tips];
  const sum = (key: 'inserted' | 'updated' | 'unchanged') =>
    rows.reduce((acc, r) => acc + r[key], 0);
  let line = `Stored: ${count(sum('inserted'))} new, ${count(sum('updated'))} updated, ${count(sum('unchanged'))} already there.`;
  if (w.foreignAgents.length > 0) {
    line +=
      ` Note: the store also holds ${w.foreignAgents.length} agents this seed does not have ` +
      '(an earlier run with another seed, or imported data); use an empty TEAMHEALTH_DATA_DIR for a clean demo.';
  }
  return line;
}
