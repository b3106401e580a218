/**
 * Agent-day KPIs on SQLite. Rows are clustered by (date, team_id, agent_id), so a date
 * window is one contiguous range scan; sums are grouped in SQL. Every import batch also
 * recomputes the `team_days` rollup for the (date, team) pairs it touched, in the same
 * transaction, from the stored rows themselves: the rollup always equals grouping the
 * raw rows, and `teamDailySums` reads a few thousand rollup rows instead of millions.
 * A missing count is NULL ("not measured"); SUM skips it.
 */
import { SUM_FIELDS } from '../../domain/metrics.ts';
import type { AgentDay } from '../../domain/records.ts';
import { InputError } from '../../errors.ts';
import {
  byText,
  checkDate,
  checkId,
  checkRange,
  isDateShaped,
  isId,
} from '../repositories/documents.ts';
import type { AgentDaySums, AgentWindowSums, KpiStore, TeamDaySums } from '../types.ts';
import type { SqliteDatabase } from './database.ts';
import { inList } from './records.ts';
import { AGENT_DAYS } from './schema.ts';
import { inTransaction, makeUpserter, type SqlRow } from './upsert.ts';

const where = (i: number) => `kpis.upsertMany: rows[${i}]`;

/**
 * The rows of `query` as arrays, packed by SQLite into one JSON text and parsed at once:
 * several times cheaper than better-sqlite3 building a JS value per column for tens of
 * thousands of rows (JSON keeps every double exactly: SQLite writes 17 digits).
 */
function packedRows(
  db: SqliteDatabase,
  columns: readonly string[],
  query: string,
  params: unknown[],
): SqlRow[] {
  const json = db
    .prepare(`SELECT json_group_array(json_array(${columns.join(', ')})) FROM (${query})`)
    .pluck()
    .get(...params) as string;
  return JSON.parse(json) as SqlRow[];
}

/** `head` with the SUM_FIELDS read from `row` starting at column `at` (NULL, not measured, → 0). */
function withSums<T>(head: Record<string, unknown>, row: SqlRow, at: number): T {
  for (let i = 0; i < SUM_FIELDS.length; i++) {
    head[SUM_FIELDS[i] as string] = Number(row[at + i] ?? 0);
  }
  return head as T;
}
const SUMS = SUM_FIELDS.map((f) => `SUM(${f}) AS ${f}`).join(', ');

/** The row's values in AGENT_DAYS column order (date, agent_id, team_id, …sums). */
function toAgentDayRow(row: AgentDay, i: number): SqlRow {
  // Messages are built only for a row that fails: this runs once per imported row.
  if (!isDateShaped(row.date)) checkDate(row.date, `${where(i)}.date`);
  if (!isId(row.agent_id)) checkId(row.agent_id, `${where(i)}.agent_id`);
  if (!isId(row.team_id)) checkId(row.team_id, `${where(i)}.team_id`);
  const values: SqlRow = [row.date, row.agent_id, row.team_id];
  for (const field of SUM_FIELDS) {
    const value = row[field];
    if (value === undefined) {
      values.push(null);
    } else if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new InputError(
        `${where(i)}.${field} must be a finite number or absent, got ${JSON.stringify(value)}`,
      );
    } else {
      values.push(value);
    }
  }
  return values;
}

export function makeKpiStore(db: SqliteDatabase): KpiStore {
  const upserter = makeUpserter(db, AGENT_DAYS);
  const teamOf = db
    .prepare('SELECT team_id FROM agent_days WHERE agent_id = ? AND date = ?')
    .pluck();
  const dropRollup = db.prepare('DELETE FROM team_days WHERE date = ? AND team_id = ?');
  const fillRollup = db.prepare(
    `INSERT INTO team_days (date, team_id, ${SUM_FIELDS.join(', ')}) ` +
      `SELECT date, team_id, ${SUMS} FROM agent_days WHERE date = ? AND team_id = ? ` +
      'GROUP BY date, team_id',
  );
  // Two subqueries: each of MIN and MAX alone is one step along the date-first key.
  const span = db.prepare(
    'SELECT (SELECT MIN(date) FROM agent_days) AS "from", (SELECT MAX(date) FROM agent_days) AS "to"',
  );
  const count = db.prepare('SELECT COUNT(*) FROM agent_days').pluck();

  return {
    upsertMany: async ({ rows }) => {
      const prepared = rows.map(toAgentDayRow);
      const result = { inserted: 0, updated: 0, unchanged: 0 };
      if (prepared.length === 0) return result;
      inTransaction(db, AGENT_DAYS, () => {
        // (date, team) pairs whose rollup must be recomputed: "date\u0000team".
        const touched = new Set<string>();
        for (const row of prepared) {
          const [date, agentId, teamId] = row as [string, string, string];
          // A stored row may have been done for another team: its old pair changes too.
          let previous: string | undefined;
          const outcome = upserter.write(row, () => {
            previous = teamOf.get(agentId, date) as string | undefined;
          });
          result[outcome] += 1;
          if (outcome === 'unchanged') continue;
          touched.add(`${date}\u0000${teamId}`);
          if (previous !== undefined && previous !== teamId)
            touched.add(`${date}\u0000${previous}`);
        }
        for (const pair of touched) {
          const [date, teamId] = pair.split('\u0000') as [string, string];
          dropRollup.run(date, teamId);
          fillRollup.run(date, teamId);
        }
      });
      return result;
    },

    teamDailySums: async (args) => {
      checkRange(args, 'kpis.teamDailySums');
      const [teams, params] = inList('team_id', args.teamIds);
      const rows = packedRows(
        db,
        ['team_id', 'date', ...SUM_FIELDS],
        `SELECT * FROM team_days WHERE date BETWEEN ? AND ?${teams} ORDER BY team_id, date`,
        [args.from, args.to, ...params],
      );
      // Already in order; the sort only pins JavaScript's string order (cheap when sorted).
      return rows
        .map((r) => withSums<TeamDaySums>({ team_id: r[0], date: r[1] }, r, 2))
        .sort((a, b) => byText(a.team_id, b.team_id) || byText(a.date, b.date));
    },

    /**
     * `team_id` is the team of the agent's latest day in range: with exactly one MAX()
     * in the query, SQLite takes a bare column from the row holding the maximum.
     */
    agentWindowSums: async (args) => {
      checkRange(args, 'kpis.agentWindowSums');
      const [teams, teamParams] = inList('team_id', args.teamIds);
      const [agents, agentParams] = inList('agent_id', args.agentIds);
      const rows = packedRows(
        db,
        ['agent_id', 'team_id', 'days', 'last_date', ...SUM_FIELDS],
        `SELECT agent_id, team_id, COUNT(*) AS days, MAX(date) AS last_date, ${SUMS} ` +
          `FROM agent_days WHERE date BETWEEN ? AND ?${teams}${agents} GROUP BY agent_id`,
        [args.from, args.to, ...teamParams, ...agentParams],
      );
      return rows
        .map((r) =>
          withSums<AgentWindowSums>({ agent_id: r[0], team_id: r[1], days: Number(r[2]) }, r, 4),
        )
        .sort((a, b) => byText(a.agent_id, b.agent_id));
    },

    agentDailySums: async (args) => {
      checkRange(args, 'kpis.agentDailySums');
      if (args.agentIds.length === 0) return [];
      const rows = packedRows(
        db,
        ['agent_id', 'date', ...SUM_FIELDS],
        'SELECT * FROM agent_days ' +
          'WHERE agent_id IN (SELECT value FROM json_each(?)) AND date BETWEEN ? AND ?',
        [JSON.stringify(args.agentIds), args.from, args.to],
      );
      return rows
        .map((r) => withSums<AgentDaySums>({ agent_id: r[0], date: r[1] }, r, 2))
        .sort((a, b) => byText(a.agent_id, b.agent_id) || byText(a.date, b.date));
    },

    dateSpan: async () => {
      const row = span.get() as { from: string | null; to: string | null };
      return row.from !== null && row.to !== null ? { from: row.from, to: row.to } : null;
    },

    count: async () => Number(count.get()),
  };
}
