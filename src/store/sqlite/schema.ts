/**
 * Every SQLite table, its natural key and its indexes, declared once. `createSchema`
 * turns them into idempotent DDL; the repositories read column lists from here.
 *
 * The agent-day table is keyed (date, agent_id) `WITHOUT ROWID`: its rows sit in date
 * order on disk, so the report's window scans read one contiguous range, and an import
 * (files come a day at a time) appends to the end of it. The one index beside it,
 * (team_id, date), grows at one place per team; an index led by agent_id would take a
 * write in a different page for every row of a day, which cost an import two thirds of
 * its time. `team_days` is the per-team, per-day rollup of it, kept in the same
 * transaction as each import batch (a year of 250 teams is 91k rows, so any date range
 * of it is a quick scan).
 */
import { SUM_FIELDS } from '../../domain/metrics.ts';

/** How a column's value is stored: JSON for arrays, 0/1 for booleans, else as is. */
export type ColumnKind = 'text' | 'number' | 'boolean' | 'json';

export interface TableSpec {
  name: string;
  /** Columns in record order (the order fields are read back in). */
  columns: Readonly<Record<string, ColumnKind>>;
  /** The natural key: one row per key; upserts conflict on it. */
  key: readonly string[];
  /** The physical primary key when it differs from the natural key (clustering). */
  primaryKey?: readonly string[];
  withoutRowid?: boolean;
  indexes?: readonly { columns: readonly string[]; unique?: boolean }[];
}

const sumColumns = Object.fromEntries(SUM_FIELDS.map((f) => [f, 'number'])) as Record<
  string,
  ColumnKind
>;

export const TEAMS: TableSpec = {
  name: 'teams',
  columns: {
    id: 'text',
    name: 'text',
    channel_id: 'text',
    lead_slack_ids: 'json',
    timezone: 'text',
    site: 'text',
  },
  key: ['id'],
};

export const AGENTS: TableSpec = {
  name: 'agents',
  columns: {
    id: 'text',
    name: 'text',
    team_id: 'text',
    slack_user_id: 'text',
    email: 'text',
    hire_date: 'text',
    site: 'text',
  },
  key: ['id'],
  // NULLs are distinct in a SQLite unique index: agents without a Slack user never clash.
  indexes: [{ columns: ['team_id'] }, { columns: ['slack_user_id'], unique: true }],
};

export const AGENT_DAYS: TableSpec = {
  name: 'agent_days',
  columns: { date: 'text', agent_id: 'text', team_id: 'text', ...sumColumns },
  key: ['agent_id', 'date'],
  primaryKey: ['date', 'agent_id'],
  withoutRowid: true,
  indexes: [{ columns: ['team_id', 'date'] }],
};

/**
 * Keyed team first: the report reads every team's days in (team, date) order. `whole` is
 * 1 when every count summed into the row is a whole number JavaScript holds exactly,
 * so later whole counts may be added on (kpis.ts); 0 or NULL, recomputed instead.
 */
export const TEAM_DAYS: TableSpec = {
  name: 'team_days',
  columns: { date: 'text', team_id: 'text', ...sumColumns, whole: 'number' },
  key: ['team_id', 'date'],
  withoutRowid: true,
};

export const CONTACT_VOLUMES: TableSpec = {
  name: 'contact_volumes',
  columns: { date: 'text', team_id: 'text', reason: 'text', count: 'number' },
  key: ['date', 'team_id', 'reason'],
  withoutRowid: true,
};

export const ENABLEMENT: TableSpec = {
  name: 'enablement_events',
  columns: {
    initiative_id: 'text',
    agent_id: 'text',
    stage: 'text',
    date: 'text',
    passed: 'boolean',
    applicable_contacts: 'number',
    applied_contacts: 'number',
  },
  key: ['initiative_id', 'agent_id', 'stage'],
  indexes: [{ columns: ['date'] }],
};

export const TIPS: TableSpec = {
  name: 'tips',
  columns: {
    id: 'text',
    agent_id: 'text',
    team_id: 'text',
    metric: 'text',
    text: 'text',
    consent_named: 'boolean',
    created_at: 'text',
    helpful_count: 'number',
  },
  key: ['id'],
  indexes: [{ columns: ['team_id', 'metric'] }],
};

export const DELIVERIES: TableSpec = {
  name: 'deliveries',
  columns: {
    key: 'text',
    job: 'text',
    period: 'text',
    target: 'text',
    status: 'text',
    attempts: 'number',
    channel: 'text',
    ts: 'text',
    error: 'text',
    not_before: 'text',
    claimed_until: 'text',
    created_at: 'text',
    updated_at: 'text',
  },
  key: ['key'],
  indexes: [{ columns: ['job', 'period'] }, { columns: ['job', 'target', 'status', 'updated_at'] }],
};

export const LEASES: TableSpec = {
  name: 'leases',
  columns: { name: 'text', holder: 'text', expires_at: 'text', acquired_at: 'text' },
  key: ['name'],
};

export const SETTINGS: TableSpec = {
  name: 'settings',
  columns: { slack_user_id: 'text', snoozed_until: 'text', tz: 'text', updated_at: 'text' },
  key: ['slack_user_id'],
};

export const TABLES: readonly TableSpec[] = [
  TEAMS,
  AGENTS,
  AGENT_DAYS,
  TEAM_DAYS,
  CONTACT_VOLUMES,
  ENABLEMENT,
  TIPS,
  DELIVERIES,
  LEASES,
  SETTINGS,
];

/**
 * Bumped when a table changes shape, with a migration from the version before
 * (database.ts, MIGRATIONS); a file of a newer version is refused.
 */
export const SCHEMA_VERSION = 2;

const SQL_TYPE: Record<ColumnKind, string> = {
  text: 'TEXT',
  number: 'NUMERIC',
  boolean: 'INTEGER',
  json: 'TEXT',
};

/** `CREATE TABLE IF NOT EXISTS` and `CREATE INDEX IF NOT EXISTS` for one table. */
export function tableDdl(spec: TableSpec): string[] {
  const primary = spec.primaryKey ?? spec.key;
  const columns = Object.entries(spec.columns).map(
    ([name, kind]) => `${name} ${SQL_TYPE[kind]}${primary.includes(name) ? ' NOT NULL' : ''}`,
  );
  const statements = [
    `CREATE TABLE IF NOT EXISTS ${spec.name} (${columns.join(', ')}, ` +
      `PRIMARY KEY (${primary.join(', ')}))${spec.withoutRowid ? ' WITHOUT ROWID' : ''}`,
  ];
  for (const index of spec.indexes ?? []) {
    const name = `${spec.name}_${index.columns.join('_')}`;
    statements.push(
      `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${name} ON ${spec.name} (${index.columns.join(', ')})`,
    );
  }
  return statements;
}
