/** Tips and per-person settings on SQLite. */
import type { Settings, Tip } from '../../domain/surfaces.ts';
import { checkId } from '../repositories/documents.ts';
import type { SettingsStore, TipStore } from '../types.ts';
import type { SqliteDatabase } from './database.ts';
import { SETTINGS as SETTINGS_SPEC, TIPS as TIPS_SPEC } from './schema.ts';
import { columnsOf, fromRow, inTransaction, placeholders, toRow } from './upsert.ts';
import { whereEquals } from './where.ts';

type Row = Record<string, unknown>;

export function makeTipStore(db: SqliteDatabase): TipStore {
  const columns = columnsOf(TIPS_SPEC);
  const insert = db.prepare(
    `INSERT INTO tips (${columns.join(', ')}) VALUES (${placeholders(columns.length)})`,
  );
  const helpful = db.prepare(
    'UPDATE tips SET helpful_count = COALESCE(helpful_count, 0) + 1 WHERE id = ? RETURNING *',
  );
  return {
    /** @throws DuplicateKeyError when a tip with this id exists. */
    add: async ({ tip }) => {
      checkId(tip.id, 'tips.add: tip.id');
      const row = toRow(TIPS_SPEC, tip);
      inTransaction(db, TIPS_SPEC, () => insert.run(row), row);
    },
    /** Matching tips, most helpful first, then newest. */
    list: async ({ teamId, metric, agentId }) => {
      const { sql: where, params } = whereEquals([
        ['team_id', teamId],
        ['metric', metric],
        ['agent_id', agentId],
      ]);
      const rows = db
        .prepare(`SELECT * FROM tips ${where} ORDER BY helpful_count DESC, created_at DESC, id`)
        .all(...params) as Row[];
      return rows.map((r) => fromRow<Tip>(TIPS_SPEC, r));
    },
    markHelpful: async ({ tipId }) => {
      const row = helpful.get(tipId) as Row | undefined;
      return row ? fromRow<Tip>(TIPS_SPEC, row) : null;
    },
  };
}

export function makeSettingsStore(db: SqliteDatabase): SettingsStore {
  const columns = columnsOf(SETTINGS_SPEC);
  const one = db.prepare('SELECT * FROM settings WHERE slack_user_id = ?');
  // Replaces the person's settings as a whole: fields left out become NULL (absent).
  const replace = db.prepare(
    `INSERT OR REPLACE INTO settings (${columns.join(', ')}) VALUES (${placeholders(columns.length)})`,
  );
  return {
    get: async ({ slackUserId }) => {
      const row = one.get(slackUserId) as Row | undefined;
      return row ? fromRow<Settings>(SETTINGS_SPEC, row) : null;
    },
    upsert: async ({ settings }) => {
      checkId(settings.slack_user_id, 'settings.upsert: settings.slack_user_id');
      replace.run(toRow(SETTINGS_SPEC, settings));
    },
  };
}
