/**
 * Agent-day KPIs on SQLite. Rows are clustered by (date, agent_id), so a date window is
 * one contiguous range scan; sums are grouped in SQL. Every import batch also keeps the
 * `team_days` rollup for the (date, team) pairs it touched, in the same transaction, so
 * `teamDailySums` reads a few thousand rollup rows instead of millions:
 * - rows the batch inserted whose counts are all whole numbers are summed per pair in the
 *   batch and added to the pair's stored sums (whole numbers add exactly in any order),
 *   when those are whole numbers too;
 * - every other touched pair (a row updated or moved between teams, a fractional count,
 *   a stored sum that is not whole) is recomputed from the stored rows themselves.
 * Either way the rollup equals grouping the raw rows. A missing count is NULL ("not
 * measured"); SUM skips it.
 */
import { dateRange, daysBetween } from '../../domain/dates.ts';
import { SUM_FIELDS } from '../../domain/metrics.ts';
import type { AgentDay } from '../../domain/records.ts';
import { agentDayCounts, byText, checkRange } from '../repositories/documents.ts';
import type { AgentDaySums, AgentWindowSums, KpiStore, TeamDaySums } from '../types.ts';
import type { SqliteDatabase } from './database.ts';
import { ReaderGoneError, type ReaderThread } from './reader-thread.ts';
import { inList } from './records.ts';
import { AGENT_DAYS } from './schema.ts';
import { inTransaction, makeUpserter, placeholders, type SqlRow } from './upsert.ts';

/**
 * The rows of `query` as arrays, packed by SQLite into one JSON text and parsed at once:
 * several times cheaper than better-sqlite3 building a JS value per column for tens of
 * thousands of rows (JSON keeps every double exactly: SQLite writes 17 digits). Run on
 * the reader thread when there is one and it is idle, else on `db`.
 */
async function packedRows(
  db: SqliteDatabase,
  reader: ReaderThread | undefined,
  columns: readonly string[],
  query: string,
  params: unknown[],
): Promise<SqlRow[]> {
  const sql = `SELECT json_group_array(json_array(${columns.join(', ')})) FROM (${query})`;
  const offThread = reader?.tryRun(sql, params);
  if (offThread) {
    try {
      return JSON.parse((await offThread) as string) as SqlRow[];
    } catch (error) {
      if (!(error instanceof ReaderGoneError)) throw error;
    }
  }
  return JSON.parse(
    db
      .prepare(sql)
      .pluck()
      .get(...params) as string,
  ) as SqlRow[];
}

/** `head` with the SUM_FIELDS read from `row` starting at column `at` (NULL, not measured, → 0). */
function withSums<T>(head: Record<string, unknown>, row: SqlRow, at: number): T {
  for (let i = 0; i < SUM_FIELDS.length; i++) {
    head[SUM_FIELDS[i] as string] = Number(row[at + i] ?? 0);
  }
  return head as T;
}
/** Agent-days read by key before a range scan is the cheaper way (agentDailySums). */
const SEEK_LIMIT = 50_000;

const SUMS = SUM_FIELDS.map((f) => `SUM(${f}) AS ${f}`).join(', ');

/** The row's values in AGENT_DAYS column order (date, agent_id, team_id, …sums). */
function toAgentDayRow(row: AgentDay, i: number): SqlRow {
  return [row.date, row.agent_id, row.team_id, ...agentDayCounts(row, i)];
}

/**
 * Whole numbers JavaScript holds exactly add up to the same sum in any order, so a
 * batch's sums of them may be added onto the stored ones. ROW_IS_WHOLE is the same test
 * in SQL, on a stored row.
 */
const ROW_IS_WHOLE = SUM_FIELDS.map(
  (f) => `(${f} IS NULL OR (typeof(${f}) = 'integer' AND abs(${f}) <= ${Number.MAX_SAFE_INTEGER}))`,
).join(' AND ');

function isWhole(row: SqlRow): boolean {
  for (let i = 3; i < row.length; i++) {
    const value = row[i];
    if (value !== null && !Number.isSafeInteger(value)) return false;
  }
  return true;
}

/** Adds `row`'s counts (from column 3 on) into `sums`; NULL, not measured, adds nothing. */
function addInto(sums: SqlRow, row: SqlRow): void {
  for (let i = 0; i < SUM_FIELDS.length; i++) {
    const value = row[i + 3] as number | null;
    if (value === null) continue;
    const sum = sums[i] as number | null;
    sums[i] = sum === null ? value : sum + value;
  }
}

export function makeKpiStore(db: SqliteDatabase, reader?: ReaderThread): KpiStore {
  const upserter = makeUpserter(db, AGENT_DAYS);
  const teamOf = db
    .prepare('SELECT team_id FROM agent_days WHERE date = ? AND agent_id = ?')
    .pluck();
  const dropRollup = db.prepare('DELETE FROM team_days WHERE date = ? AND team_id = ?');
  const fillRollup = db.prepare(
    `INSERT INTO team_days (date, team_id, ${SUM_FIELDS.join(', ')}, whole) ` +
      `SELECT date, team_id, ${SUMS}, MIN(${ROW_IS_WHOLE}) FROM agent_days ` +
      'WHERE date = ? AND team_id = ? GROUP BY date, team_id',
  );
  // Adds a batch's sums of whole counts onto a pair's; changes nothing (changes = 0)
  // unless the pair's stored sums are of whole counts too, and the pair is then
  // recomputed instead.
  const addRollup = db.prepare(
    `INSERT INTO team_days (date, team_id, ${SUM_FIELDS.join(', ')}, whole) ` +
      `VALUES (?, ?, ${placeholders(SUM_FIELDS.length)}, 1) ` +
      `ON CONFLICT(team_id, date) DO UPDATE SET ${SUM_FIELDS.map(
        (f) => `${f} = coalesce(team_days.${f} + excluded.${f}, team_days.${f}, excluded.${f})`,
      ).join(', ')} WHERE team_days.whole = 1`,
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
        // Pairs keyed "date\u0000team": sums to add on, and pairs to recompute.
        const added = new Map<string, SqlRow>();
        const recompute = new Set<string>();
        for (const row of prepared) {
          const [date, agentId, teamId] = row as [string, string, string];
          // A stored row may have been done for another team: its old pair changes too.
          let previous: string | undefined;
          const outcome = upserter.write(row, () => {
            previous = teamOf.get(date, agentId) as string | undefined;
          });
          result[outcome] += 1;
          if (outcome === 'unchanged') continue;
          const pair = `${date}\u0000${teamId}`;
          if (outcome === 'inserted' && isWhole(row)) {
            let sums = added.get(pair);
            if (sums === undefined) {
              sums = SUM_FIELDS.map(() => null);
              added.set(pair, sums);
            }
            addInto(sums, row);
          } else {
            recompute.add(pair);
          }
          if (previous !== undefined && previous !== teamId)
            recompute.add(`${date}\u0000${previous}`);
        }
        for (const [pair, sums] of added) {
          if (recompute.has(pair)) continue;
          const [date, teamId] = pair.split('\u0000') as [string, string];
          if (addRollup.run(date, teamId, ...sums).changes === 0) recompute.add(pair);
        }
        for (const pair of recompute) {
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
      const rows = await packedRows(
        db,
        reader,
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
      const rows = await packedRows(
        db,
        reader,
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
      const seeks = (daysBetween(args.from, args.to) + 1) * args.agentIds.length;
      const agents = JSON.stringify(args.agentIds);
      // A few agents over months (recognition's history) are a seek per agent and day
      // along the (date, agent_id) key; scanning the range instead would read every
      // agent's days. Past SEEK_LIMIT seeks, the one range scan is the cheaper.
      const [query, params] =
        seeks <= SEEK_LIMIT
          ? [
              'SELECT t.* FROM json_each(?) AS d CROSS JOIN json_each(?) AS a ' +
                'CROSS JOIN agent_days AS t WHERE t.date = d.value AND t.agent_id = a.value',
              [JSON.stringify(dateRange(args.from, args.to)), agents],
            ]
          : [
              'SELECT * FROM agent_days ' +
                'WHERE agent_id IN (SELECT value FROM json_each(?)) AND date BETWEEN ? AND ?',
              [agents, args.from, args.to],
            ];
      const rows = await packedRows(db, reader, ['agent_id', 'date', ...SUM_FIELDS], query, params);
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
