/**
 * Compiles a validated mapping (mapping.ts) into a RowMapper: one small step per field,
 * decided once, so a row costs only the reads and arithmetic its fields need. Problems
 * in a cell name the export's column (`Average handle time: must be a duration …`).
 *
 * Derivations (each exact given its inputs; METRICS.md keeps sums, never averages):
 * - average × count: 250 s average over 42 contacts → handle_time_sec 10500;
 * - percent of a count, rounded to the nearest whole: 85.7% of 42 → 36 (0.857 × 42 = 35.99);
 * - count_if: a per-contact row counts 1 when its cell is one of the listed values.
 * An average or a percentage over a count of 0 is usually left empty by exports: the
 * sum or the part is then 0, as it must be.
 */

import { KIND_SPECS } from '../kinds.ts';
import { agentZone, type KnownIds } from '../known-ids.ts';
import type { MappedRow, RowMapper } from '../row-mapper.ts';
import type { Issue, RawRow } from '../rows/field-reader.ts';
import { type CellValue, durationSeconds, isEmpty, numberOf, percentOf } from './cells.ts';
import { createDayReader } from './local-day.ts';
import type { FieldSpec, Mapping } from './mapping.ts';

/** One field's value from a row, or a problem naming the export's column. */
type Step = (row: RawRow, known: KnownIds, out: Record<string, unknown>) => Issue | undefined;

const NUMERIC = new Set([
  'contacts_handled',
  'handle_time_sec',
  'first_contact_resolved',
  'csat_responses',
  'csat_positive',
  'qa_evaluations',
  'qa_score_total',
  'assigned',
  'answered_in_sla',
  'count',
  'applicable_contacts',
  'applied_contacts',
]);

function columnsOf(spec: FieldSpec): string[] {
  switch (spec.type) {
    case 'column':
    case 'date':
      return [spec.column];
    case 'average':
      return [spec.average, spec.count];
    case 'percent':
      return [spec.percent, spec.of];
    case 'count_if':
      return [spec.count_if];
    case 'sum':
      return spec.sum;
    case 'constant':
      return [];
  }
}

/** How a message names our field: the export's column, or how it was derived. */
function describe(field: string, spec: FieldSpec): string {
  switch (spec.type) {
    case 'column':
    case 'date':
      return spec.column;
    case 'average':
      return `${field} (${spec.average} × ${spec.count})`;
    case 'percent':
      return `${field} (${spec.percent} of ${spec.of})`;
    case 'count_if':
      return `${field} (${spec.count_if})`;
    case 'sum':
      return `${field} (${spec.sum.join(' + ')})`;
    case 'constant':
      return `${field} (constant)`;
  }
}

function stepFor(field: string, spec: FieldSpec): Step {
  const numeric = NUMERIC.has(field);
  const take = (out: Record<string, unknown>, column: string, value: CellValue) => {
    if (typeof value === 'string') return { column, reason: value };
    if (value !== undefined) out[field] = value;
    return undefined;
  };
  switch (spec.type) {
    case 'constant':
      return (_row, _known, out) => {
        out[field] = spec.constant;
        return undefined;
      };
    case 'column': {
      const { column, unit } = spec;
      if (unit !== undefined) {
        return (row, _k, out) => take(out, column, durationSeconds(row[column], unit));
      }
      if (numeric) return (row, _k, out) => take(out, column, numberOf(row[column]));
      return (row, _k, out) => {
        out[field] = row[column];
        return undefined;
      };
    }
    case 'date': {
      const read = createDayReader({
        format: spec.format,
        ...(spec.zone ? { zone: spec.zone } : {}),
      });
      const { column } = spec;
      return (row, known, out) => {
        const value = row[column];
        if (isEmpty(value)) return undefined;
        const agent = out.agent_id;
        const day = read(
          String(value),
          typeof agent === 'string' ? agentZone(known, agent) : undefined,
        );
        if (typeof day === 'string') {
          out[field] = day;
          return undefined;
        }
        return { column, reason: day.problem };
      };
    }
    case 'average': {
      const unit = spec.unit ?? 'seconds';
      return (row, _k, out) => {
        const average = durationSeconds(row[spec.average], unit);
        if (typeof average === 'string') return { column: spec.average, reason: average };
        const count = numberOf(row[spec.count]);
        if (typeof count === 'string') return { column: spec.count, reason: count };
        if (average === undefined && count === undefined) return undefined;
        // Over no contacts an export leaves the average empty: the sum is 0.
        if (count === 0) {
          out[field] = 0;
          return undefined;
        }
        if (average === undefined || count === undefined) {
          const [empty, given] =
            average === undefined ? [spec.average, spec.count] : [spec.count, spec.average];
          return {
            column: empty,
            reason: `empty while ${given} is given (an average needs its count)`,
          };
        }
        out[field] = Math.round(average * count * 1000) / 1000;
        return undefined;
      };
    }
    case 'percent':
      return (row, _k, out) => {
        const share = percentOf(row[spec.percent]);
        if (typeof share === 'string') return { column: spec.percent, reason: share };
        const whole = numberOf(row[spec.of]);
        if (typeof whole === 'string') return { column: spec.of, reason: whole };
        if (share === undefined) {
          // A percentage of nothing is left empty by exports: the count is 0.
          if (whole === 0) out[field] = 0;
          return undefined;
        }
        if (whole === undefined) {
          return {
            column: spec.of,
            reason: `empty while ${spec.percent} is given (a percentage needs the count it is of)`,
          };
        }
        out[field] = Math.round(share * whole);
        return undefined;
      };
    case 'count_if': {
      const wanted = new Set(spec.in.map((value) => String(value).trim().toLowerCase()));
      return (row, _k, out) => {
        const value = row[spec.count_if];
        out[field] = !isEmpty(value) && wanted.has(String(value).trim().toLowerCase()) ? 1 : 0;
        return undefined;
      };
    }
    case 'sum': {
      const unit = spec.unit ?? 'seconds';
      return (row, _k, out) => {
        let total = 0;
        let any = false;
        for (const column of spec.sum) {
          const value = durationSeconds(row[column], unit);
          if (typeof value === 'string') return { column, reason: value };
          if (value !== undefined) {
            total += value;
            any = true;
          }
        }
        if (any) out[field] = total;
        return undefined;
      };
    }
  }
}

export function compileMapping(mapping: Mapping): RowMapper {
  // agent_id first: a timestamp's local day needs the agent's team zone.
  const fields = Object.entries(mapping.fields).sort(([a], [b]) =>
    a === 'agent_id' ? -1 : b === 'agent_id' ? 1 : 0,
  );
  const steps = fields.map(([field, spec]) => stepFor(field, spec));
  const reads = new Set(fields.flatMap(([, spec]) => columnsOf(spec)));
  const names = new Map(fields.map(([field, spec]) => [field, describe(field, spec)]));
  const kindRequired = new Set(KIND_SPECS[mapping.kind].required);
  // The columns a row cannot do without: those of the kind's required fields.
  const required = [
    ...new Set(
      fields.filter(([field]) => kindRequired.has(field)).flatMap(([, spec]) => columnsOf(spec)),
    ),
  ];
  return {
    label: `profile ${mapping.name}`,
    required,
    reads,
    notices(columns) {
      return Object.entries(mapping.notImported)
        .filter(([column]) => columns.includes(column))
        .map(([column, reason]) => `not imported: "${column}": ${reason}`);
    },
    map(row, known): MappedRow {
      const out: Record<string, unknown> = {};
      let issues: Issue[] | undefined;
      for (const step of steps) {
        const issue = step(row, known, out);
        if (issue === undefined) continue;
        if (issues === undefined) issues = [issue];
        else issues.push(issue);
      }
      return issues === undefined ? { ok: true, values: out } : { ok: false, issues, values: out };
    },
    sourceOf: (column) => names.get(column) ?? column,
    groupByAgentDay: mapping.group === 'agent-day',
  };
}
