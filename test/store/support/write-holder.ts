/**
 * Child process for test/store/processes.test.ts: opens the SQLite file in
 * TEAMHEALTH_DATA_DIR, begins a write transaction, writes a team `HELD` inside it, prints
 * `holding`, and keeps the transaction (and the write lock) open until it is killed.
 *   node --import tsx write-holder.ts
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../../../src/store/sqlite/database.ts';

const db = new Database(join(process.env.TEAMHEALTH_DATA_DIR as string, DATABASE_FILE));
db.exec('BEGIN IMMEDIATE');
db.prepare(
  "INSERT INTO teams (id, name, channel_id, lead_slack_ids, timezone, site) VALUES ('HELD', 'Held', '', '[]', 'UTC', 'X')",
).run();
process.stdout.write('holding\n');
setInterval(() => undefined, 60_000);
