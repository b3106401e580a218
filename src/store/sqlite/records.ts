/**
 * Teams, agents, contact volumes and enablement events on SQLite. Inputs are checked
 * first, with the same messages as the MongoDB repositories (the contract suite holds
 * both to them); each `upsertMany` is one transaction.
 */
import type { Agent, ContactVolume, EnablementEvent, Team } from '../../domain/records.ts';
import {
  byText,
  checkContactVolume,
  checkDate,
  checkEnablementEvent,
  checkId,
  checkRange,
} from '../repositories/documents.ts';
import type {
  AgentStore,
  ContactCount,
  ContactStore,
  DateRange,
  EnablementStore,
  TeamStore,
} from '../types.ts';
import type { SqliteDatabase } from './database.ts';
import { AGENTS, CONTACT_VOLUMES, ENABLEMENT, TEAMS } from './schema.ts';
import { fromRow, makeUpserter, toRow, upsertRows } from './upsert.ts';

type Row = Record<string, unknown>;

/** `AND <column> IN (…)` over a JSON array parameter, or nothing when no list is given. */
export function inList(column: string, list: string[] | undefined): [string, string[]] {
  return list === undefined
    ? ['', []]
    : [` AND ${column} IN (SELECT value FROM json_each(?))`, [JSON.stringify(list)]];
}

export function makeTeamStore(db: SqliteDatabase): TeamStore {
  const upserter = makeUpserter(db, TEAMS);
  const all = db.prepare('SELECT * FROM teams ORDER BY id');
  const one = db.prepare('SELECT * FROM teams WHERE id = ?');
  return {
    upsertMany: async ({ teams }) => {
      const rows = teams.map((team, i) => {
        checkId(team.id, `teams.upsertMany: teams[${i}].id`);
        return toRow(TEAMS, team);
      });
      return upsertRows(db, TEAMS, upserter, rows);
    },
    list: async () => (all.all() as Row[]).map((r) => fromRow<Team>(TEAMS, r)),
    get: async ({ id }) => {
      const row = one.get(id) as Row | undefined;
      return row ? fromRow<Team>(TEAMS, row) : null;
    },
  };
}

export function makeAgentStore(db: SqliteDatabase): AgentStore {
  const upserter = makeUpserter(db, AGENTS);
  const one = db.prepare('SELECT * FROM agents WHERE id = ?');
  const bySlack = db.prepare('SELECT * FROM agents WHERE slack_user_id = ?');
  const all = db.prepare('SELECT * FROM agents ORDER BY id');
  const ofTeam = db.prepare('SELECT * FROM agents WHERE team_id = ? ORDER BY id');
  const read = (row: unknown) => (row ? fromRow<Agent>(AGENTS, row as Row) : null);
  return {
    upsertMany: async ({ agents }) => {
      const rows = agents.map((agent, i) => {
        checkId(agent.id, `agents.upsertMany: agents[${i}].id`);
        checkId(agent.team_id, `agents.upsertMany: agents[${i}].team_id`);
        return toRow(AGENTS, agent);
      });
      return upsertRows(db, AGENTS, upserter, rows);
    },
    list: async (args = {}) => {
      const rows = (args.teamId !== undefined ? ofTeam.all(args.teamId) : all.all()) as Row[];
      return rows.map((r) => fromRow<Agent>(AGENTS, r));
    },
    // The same check as the Mongo repository: an id that is not a non-empty string is a
    // caller's bug, not "no such agent".
    get: async ({ id }) => {
      checkId(id, 'agents.get: id');
      return read(one.get(id));
    },
    bySlackUser: async ({ slackUserId }) => {
      checkId(slackUserId, 'agents.bySlackUser: slackUserId');
      return read(bySlack.get(slackUserId));
    },
  };
}

export function makeContactStore(db: SqliteDatabase): ContactStore {
  const upserter = makeUpserter(db, CONTACT_VOLUMES);
  return {
    upsertMany: async ({ rows }) => {
      const prepared = rows.map((r, i) => {
        const where = `contacts.upsertMany: rows[${i}]`;
        checkContactVolume(r, where);
        return toRow(CONTACT_VOLUMES, r satisfies ContactVolume);
      });
      return upsertRows(db, CONTACT_VOLUMES, upserter, prepared);
    },
    reasonCounts: async (args: DateRange & { teamIds?: string[] }) => {
      checkRange(args, 'contacts.reasonCounts');
      const [teams, teamParams] = inList('team_id', args.teamIds);
      const rows = db
        .prepare(
          'SELECT team_id, reason, SUM(count) AS count FROM contact_volumes ' +
            `WHERE date BETWEEN ? AND ?${teams} GROUP BY team_id, reason`,
        )
        .all(args.from, args.to, ...teamParams) as Row[];
      return rows
        .map(
          (r): ContactCount => ({
            team_id: r.team_id as string,
            reason: r.reason as string,
            count: Number(r.count ?? 0),
          }),
        )
        .sort((a, b) => byText(a.team_id, b.team_id) || byText(a.reason, b.reason));
    },
  };
}

export function makeEnablementStore(db: SqliteDatabase): EnablementStore {
  const upserter = makeUpserter(db, ENABLEMENT);
  const initiatives = db.prepare('SELECT DISTINCT initiative_id FROM enablement_events').pluck();
  return {
    upsertMany: async ({ rows }) => {
      const prepared = rows.map((r, i) => {
        const where = `enablement.upsertMany: rows[${i}]`;
        checkEnablementEvent(r, where);
        return toRow(ENABLEMENT, r);
      });
      return upsertRows(db, ENABLEMENT, upserter, prepared);
    },
    /** Ordered by date, then the natural key string `initiative|agent|stage` (as MongoDB's `_id`). */
    list: async ({ initiativeId, agentIds, to }) => {
      let where = 'WHERE 1 = 1';
      const params: unknown[] = [];
      if (initiativeId !== undefined) {
        where += ' AND initiative_id = ?';
        params.push(initiativeId);
      }
      const [agents, agentParams] = inList('agent_id', agentIds);
      where += agents;
      params.push(...agentParams);
      if (to !== undefined) {
        checkDate(to, 'enablement.list: to');
        where += ' AND date <= ?';
        params.push(to);
      }
      const rows = db
        .prepare(
          `SELECT * FROM enablement_events ${where} ` +
            "ORDER BY date, initiative_id || '|' || agent_id || '|' || stage",
        )
        .all(...params) as Row[];
      return rows.map((r) => fromRow<EnablementEvent>(ENABLEMENT, r));
    },
    initiatives: async () => (initiatives.all() as string[]).sort(byText),
  };
}
