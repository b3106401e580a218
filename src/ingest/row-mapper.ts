/**
 * What stands between a file's rows and a kind's row checker when the file does not use
 * our column names: the aliases a kind accepts (an agents file keyed `agent_id`), or a
 * mapping profile (profiles/compile-mapping.ts). It turns each row into the kind's
 * columns, says which columns the file must have, and names columns the way the
 * operator's file does in every message.
 */
import type { KnownIds } from './known-ids.ts';
import type { Issue, RawRow } from './rows/field-reader.ts';

export type MappedRow =
  | { ok: true; values: RawRow }
  | { ok: false; issues: Issue[]; values: RawRow };

export interface RowMapper {
  /** How summaries name it: 'profile zendesk-tickets', 'aliases agent_id → id'. */
  label: string;
  /** Columns the file must have (a missing one stops the file). */
  required: readonly string[];
  /** Every column it reads. */
  reads: ReadonlySet<string>;
  /** Notices for the columns of this file (columns known to be unusable, and why). */
  notices(columns: readonly string[]): string[];
  map(values: RawRow, known: KnownIds): MappedRow;
  /** The operator's name for one of our columns, for messages. */
  sourceOf(column: string): string;
  /** Rows are per contact: sum them to one agent-day (agent-day-rollup.ts). */
  groupByAgentDay: boolean;
}

/**
 * Renames alias columns to the kind's column (`{ agent_id: 'id' }`), nothing else.
 * @example createAliasMapper({ agent_id: 'id' }).map({ agent_id: 'A1', name: 'Ann' }, known)
 * // { ok: true, values: { id: 'A1', name: 'Ann' } }
 */
export function createAliasMapper(renames: Readonly<Record<string, string>>): RowMapper {
  const entries = Object.entries(renames);
  const back = new Map(entries.map(([alias, column]) => [column, alias]));
  return {
    label: `reading ${entries.map(([alias, column]) => `${alias} as ${column}`).join(', ')}`,
    required: [],
    reads: new Set(),
    notices: () => [],
    map(values) {
      const out: Record<string, unknown> = { ...values };
      for (const [alias, column] of entries) {
        out[column] = values[alias];
        delete out[alias];
      }
      return { ok: true, values: out };
    },
    sourceOf: (column) => back.get(column) ?? column,
    groupByAgentDay: false,
  };
}
