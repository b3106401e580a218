/**
 * `teamhealth import <file...> [--kind …] [--profile name | --mapping file.yml]
 * [--dry-run] [--no-progress]`: reads the configuration, opens the store and imports the
 * files (src/ingest/run-import.ts). Exit codes: 0 every row accepted, 2 some rows
 * rejected, 1 a file, the profile or the store could not be used.
 *
 * `teamhealth import --watch <dir>`: the inbox on its own (src/commands/inbox.ts), until
 * SIGINT or SIGTERM.
 */
import { loadConfig } from '../config.ts';
import { TeamhealthError } from '../errors.ts';
import type { ImportKind } from '../ingest/kinds.ts';
import { profileFromOptions } from '../ingest/profiles/load-profile.ts';
import { createProgress } from '../ingest/progress.ts';
import { runImport } from '../ingest/run-import.ts';
import { createLogger } from '../log.ts';
import { openStore } from '../store/open.ts';
import type { Store } from '../store/types.ts';

export interface ImportOptions {
  files: string[];
  kind?: ImportKind;
  /** false with --no-progress */
  progress?: boolean;
  /** --profile: a shipped profile's name */
  profile?: string;
  /** --mapping: the operator's own mapping file */
  mapping?: string;
  /** --dry-run: validate and report, write nothing */
  dryRun?: boolean;
}

export async function importCommand(options: ImportOptions): Promise<number> {
  const err = (line: string) => process.stderr.write(`${line}\n`);
  let store: Store | undefined;
  try {
    const config = loadConfig();
    const logger = createLogger(config.logLevel);
    // The profile first: a bad mapping file is reported before the store is opened.
    const mapping = await profileFromOptions(options);
    const opened: Store = await openStore(
      { mongoUri: config.mongoUri, mongoDb: config.mongoDb, dataDir: config.dataDir },
      { logger },
    );
    // openStore has created the indexes (init) already.
    store = opened;
    return await runImport({
      files: options.files,
      kind: options.kind,
      store: opened,
      out: (line) => process.stdout.write(`${line}\n`),
      err,
      progress: createProgress(options.progress !== false && !options.dryRun),
      ...(mapping ? { mapping } : {}),
      ...(options.dryRun ? { dryRun: true } : {}),
    });
  } catch (error) {
    if (!(error instanceof TeamhealthError)) throw error;
    err(`teamhealth import: ${error.message}`);
    return 1;
  } finally {
    await store?.close();
  }
}

/** Runs the inbox on `dir` until stopped; 1 when the settings or the store cannot be used. */
export async function watchCommand(options: { dir: string }): Promise<number> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    process.stderr.write(`teamhealth import: ${(error as Error).message}\n`);
    return 1;
  }
  const logger = createLogger(config.logLevel);
  let store: Store;
  try {
    store = await openStore(
      { mongoUri: config.mongoUri, mongoDb: config.mongoDb, dataDir: config.dataDir },
      { logger },
    );
  } catch (error) {
    process.stderr.write(
      `teamhealth import: ${error instanceof TeamhealthError ? error.message : String(error)}\n`,
    );
    return 1;
  }
  let delivery: import('../slack/delivery/index.ts').Delivery | undefined;
  if (config.opsChannel && config.slack.botToken) {
    const { deliveryFromConfig } = await import('../slack/delivery/index.ts');
    delivery = deliveryFromConfig(config, store, logger);
  } else if (config.opsChannel) {
    logger.warn(
      'TEAMHEALTH_OPS_CHANNEL is set but SLACK_BOT_TOKEN is not: summaries are only logged',
    );
  }
  const { startConfiguredInbox } = await import('./inbox.ts');
  const inbox = await startConfiguredInbox({
    dir: options.dir,
    config,
    store,
    logger,
    ...(delivery ? { delivery } : {}),
  });
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await inbox.stop();
  await store.close();
  return 0;
}
