/**
 * The five kinds of file `teamhealth import` accepts and the columns each has
 * (METRICS.md, "Input records"). A kind is recognised by its signature columns;
 * the other columns are optional, and an empty optional cell means "not measured".
 */

export const IMPORT_KINDS = ['teams', 'agents', 'kpis', 'contacts', 'enablement'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface KindSpec {
  kind: ImportKind;
  /** Columns that identify the kind when --kind is omitted. */
  signature: readonly string[];
  /** Columns every row needs (a missing column stops the file). */
  required: readonly string[];
  optional: readonly string[];
  /**
   * Other names a column may have in this kind of file, unambiguous in it: an agents
   * file keyed `agent_id`, a teams file keyed `team_id` (real exports say which id it is).
   */
  aliases?: Readonly<Record<string, string>>;
}

export const KIND_SPECS: Readonly<Record<ImportKind, KindSpec>> = {
  teams: {
    kind: 'teams',
    signature: ['id', 'name', 'timezone'],
    required: ['id', 'name', 'timezone'],
    optional: ['channel_id', 'lead_slack_ids', 'site'],
    aliases: { team_id: 'id' },
  },
  agents: {
    kind: 'agents',
    signature: ['id', 'name', 'team_id'],
    required: ['id', 'name', 'team_id'],
    optional: ['slack_user_id', 'email', 'hire_date', 'site'],
    aliases: { agent_id: 'id' },
  },
  kpis: {
    kind: 'kpis',
    signature: ['date', 'agent_id', 'contacts_handled'],
    required: ['date', 'agent_id', 'contacts_handled'],
    optional: [
      'handle_time_sec',
      'first_contact_resolved',
      'csat_responses',
      'csat_positive',
      'qa_evaluations',
      'qa_score_total',
      'assigned',
      'answered_in_sla',
    ],
  },
  contacts: {
    kind: 'contacts',
    signature: ['date', 'team_id', 'reason', 'count'],
    required: ['date', 'team_id', 'reason', 'count'],
    optional: [],
  },
  enablement: {
    kind: 'enablement',
    signature: ['initiative_id', 'agent_id', 'stage'],
    required: ['initiative_id', 'agent_id', 'stage', 'date'],
    optional: ['passed', 'applicable_contacts', 'applied_contacts'],
  },
};

/**
 * Columns a rejected-rows file adds; ignored on re-import so a fixed
 * `<file>.rejected.csv` can be imported as it is.
 */
export const REJECTED_EXTRA_COLUMNS = ['line', 'error'] as const;

/** Teams before agents before the rest, so a run can bring in the ids its later files use. */
export const IMPORT_ORDER: Readonly<Record<ImportKind, number>> = {
  teams: 0,
  agents: 1,
  kpis: 2,
  contacts: 2,
  enablement: 2,
};

/**
 * The columns as the kind names them: an alias becomes its column, unless the file has
 * both (then it is left as it is, and aliasClash says so).
 * @example canonicalColumns('agents', ['agent_id', 'name', 'team_id']) // ['id', 'name', 'team_id']
 */
export function canonicalColumns(kind: ImportKind, columns: readonly string[]): string[] {
  const aliases = KIND_SPECS[kind].aliases ?? {};
  return columns.map((column) => {
    const target = aliases[column];
    return target !== undefined && !columns.includes(target) ? target : column;
  });
}

/**
 * The aliases a file uses, as `{ alias: column }`, or a problem when it has both an alias
 * and its column (which one is the id?).
 */
export function aliasesUsed(
  kind: ImportKind,
  columns: readonly string[],
): { renames: Record<string, string> } | { problem: string } {
  const renames: Record<string, string> = {};
  for (const [alias, target] of Object.entries(KIND_SPECS[kind].aliases ?? {})) {
    if (!columns.includes(alias)) continue;
    if (columns.includes(target)) {
      return {
        problem: `it has both ${target} and ${alias}, and either could be the ${kind === 'agents' ? 'agent' : 'team'}'s id; keep one`,
      };
    }
    renames[alias] = target;
  }
  return { renames };
}
