/**
 * Opens the SQLite file in the data folder, ready for several processes at once:
 * WAL (readers never wait for a writer, and a writer never waits for readers), a busy
 * timeout (writers queue for each other instead of failing), `synchronous=NORMAL`
 * (a committed transaction survives a killed process; WAL keeps the file consistent).
 * The schema is created idempotently on every open. Only src/store/sqlite/ imports
 * better-sqlite3.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { StoreError } from '../../errors.ts';
import { AGENT_DAYS, SCHEMA_VERSION, TABLES, tableDdl } from './schema.ts';

export type SqliteDatabase = Database.Database;

/** The database file inside the data folder. */
export const DATABASE_FILE = 'teamhealth.sqlite';

/** Files the store before SQLite (a home-written engine) kept in the data folder. */
export const OLD_ENGINE_FILES = ['snapshot.jsonl', 'journal.log'] as const;

/** How long a writer waits for another process's write transaction before failing. */
export const BUSY_TIMEOUT_MS = 5_000;

/**
 * @throws StoreError when the folder holds the old engine's files, the file is not a
 *   teamhealth database of this version, or the folder cannot be written.
 */
export function openDatabase(dataDir: string): SqliteDatabase {
  const dir = resolve(dataDir);
  const old = OLD_ENGINE_FILES.filter((file) => existsSync(join(dir, file)));
  if (old.length > 0 && !existsSync(join(dir, DATABASE_FILE))) {
    throw new StoreError(
      `the data folder ${dir} holds data from teamhealth's old store (${old.join(', ')}), which this version cannot read: move the folder aside (or point TEAMHEALTH_DATA_DIR elsewhere) and run teamhealth import again on your files`,
    );
  }
  let db: SqliteDatabase;
  try {
    mkdirSync(dir, { recursive: true });
    db = new Database(join(dir, DATABASE_FILE));
  } catch (error) {
    throw new StoreError(`cannot open the store in ${dir}: ${(error as Error).message}`, error);
  }
  try {
    // The busy timeout first: switching to WAL takes a lock another process may hold.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // GROUP BY sorts a report window's rows (~140k agent-days): in memory, not temp files.
    db.pragma('temp_store = MEMORY');
    db.pragma('foreign_keys = OFF');
    createSchema(db);
    return db;
  } catch (error) {
    db.close();
    throw new StoreError(
      `cannot use the store ${join(dir, DATABASE_FILE)}: ${(error as Error).message}`,
      error,
    );
  }
}

/**
 * How a file of an older schema version becomes the next one, each in the same write
 * transaction as the rest of createSchema: nothing stored is lost, and a failure leaves
 * the file as it was.
 */
const MIGRATIONS: Readonly<Record<number, (db: SqliteDatabase) => void>> = {
  // 1 → 2: agent-days keyed (date, agent_id) with a (team_id, date) index, instead of
  // (date, team_id, agent_id) with a unique (agent_id, date) index (schema.ts says why),
  // and the rollup's `whole` column.
  1: (db) => {
    const columns = Object.keys(AGENT_DAYS.columns).join(', ');
    db.exec('ALTER TABLE agent_days RENAME TO agent_days_v1');
    for (const statement of tableDdl(AGENT_DAYS)) db.exec(statement);
    db.exec(`INSERT INTO agent_days (${columns}) SELECT ${columns} FROM agent_days_v1`);
    db.exec('DROP TABLE agent_days_v1');
    // Rollup rows of unknown make-up: recomputed, not added onto, when next touched.
    db.exec('ALTER TABLE team_days ADD COLUMN whole NUMERIC');
  },
};

/**
 * Creates every table and index that is missing, and brings a file of an older schema
 * version up to this one, in one write transaction. A file already at this version is
 * only read (no write lock), so opening the store never waits for another process's
 * import.
 */
export function createSchema(db: SqliteDatabase): void {
  const current = Number(db.pragma('user_version', { simple: true }));
  if (current === SCHEMA_VERSION) return;
  db.transaction(() => {
    let version = Number(db.pragma('user_version', { simple: true }));
    if (version > SCHEMA_VERSION || (version !== 0 && MIGRATIONS[version] === undefined)) {
      throw new Error(
        `it was written by another teamhealth version (schema ${version}, this one reads ${SCHEMA_VERSION})`,
      );
    }
    if (version !== 0) {
      for (; version < SCHEMA_VERSION; version++) MIGRATIONS[version]?.(db);
    }
    for (const spec of TABLES) for (const statement of tableDdl(spec)) db.exec(statement);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}
