/**
 * `teamhealth import <file...> [--kind …] [--no-progress]`: reads the configuration,
 * opens the store and imports the files (src/ingest/run-import.ts). Exit codes: 0 every
 * row accepted, 2 some rows rejected, 1 a file or the store could not be used.
 */
import { loadConfig } from '../config.ts';
import { TeamhealthError } from '../errors.ts';
import type { ImportKind } from '../ingest/kinds.ts';
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
}

export async function importCommand(options: ImportOptions): Promise<number> {
  const err = (line: string) => process.stderr.write(`${line}\n`);
  let store: Store | undefined;
  try {
    const config = loadConfig();
    const logger = createLogger(config.logLevel);
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
      progress: createProgress(options.progress !== false),
    });
  } catch (error) {
    if (!(error instanceof TeamhealthError)) throw error;
    err(`teamhealth import: ${error.message}`);
    return 1;
  } finally {
    await store?.close();
  }
}
