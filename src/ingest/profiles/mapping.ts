/**
 * A mapping profile: how one export's columns become the columns of one kind of file
 * (docs/profiles.md). Written in YAML, validated with zod; every problem names the file
 * and the field (`fields.csat_positive: …`). What cannot be derived is refused here,
 * before any row is read: an average score is not a count of positive answers, an
 * average is a sum only when multiplied by its count, a percentage is a count only of
 * a count that is given.
 *
 * Field specs (`fields: { <our column>: <spec> }`):
 * - `Column name`, or `{ column, unit? }`: the cell as it is (a duration in `unit`);
 * - `{ column, format, zone? }` for `date`: see local-day.ts;
 * - `{ average, count, unit? }`: average × count (handle_time_sec, qa_score_total);
 * - `{ percent, of }`: percentage × the count in column `of`, rounded (a part count);
 * - `{ count_if, in: [...] }`: 1 when the cell is one of the values, else 0 (per-contact rows);
 * - `{ sum: [columns], unit? }`: the columns added up;
 * - `{ constant }`: the same value on every row.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parse as parseYaml } from 'yaml';
import * as z from 'zod';
import { InputError } from '../../errors.ts';
import { IMPORT_KINDS, type ImportKind, KIND_SPECS } from '../kinds.ts';
import { DURATION_UNITS } from './cells.ts';

const column = z.string().trim().min(1, 'must name a column');
const unit = z.enum(DURATION_UNITS).optional();

const specShapes = {
  column: z.strictObject({ column, unit }),
  date: z.strictObject({ column, format: z.string().min(1), zone: z.string().min(1).optional() }),
  average: z.strictObject({ average: column, count: column, unit }),
  percent: z.strictObject({ percent: column, of: column }),
  count_if: z.strictObject({
    count_if: column,
    in: z.array(z.union([z.string(), z.number()])).min(1, 'must list at least one value'),
  }),
  sum: z.strictObject({ sum: z.array(column).min(1, 'must list at least one column'), unit }),
  constant: z.strictObject({ constant: z.union([z.string(), z.number(), z.boolean()]) }),
};

export type FieldSpec =
  | ({ type: 'column' } & z.infer<typeof specShapes.column>)
  | ({ type: 'date' } & z.infer<typeof specShapes.date>)
  | ({ type: 'average' } & z.infer<typeof specShapes.average>)
  | ({ type: 'percent' } & z.infer<typeof specShapes.percent>)
  | ({ type: 'count_if' } & z.infer<typeof specShapes.count_if>)
  | ({ type: 'sum' } & z.infer<typeof specShapes.sum>)
  | ({ type: 'constant' } & z.infer<typeof specShapes.constant>);

const fileSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes')
    .optional(),
  description: z.string().optional(),
  kind: z.enum(IMPORT_KINDS).default('kpis'),
  /** Inbox file-name patterns (globs) this profile is chosen for. */
  files: z.array(z.string().min(1)).optional(),
  /** `agent-day`: rows are per contact; sum them to one record per agent and day. */
  group: z.literal('agent-day').optional(),
  fields: z.record(z.string(), z.unknown()),
  /** Export columns known to be unusable, with the reason (printed as a notice). */
  not_imported: z.record(z.string(), z.string()).optional(),
});

export interface Mapping {
  name: string;
  description?: string;
  kind: ImportKind;
  files: string[];
  group?: 'agent-day';
  fields: Record<string, FieldSpec>;
  notImported: Record<string, string>;
}

/** Sums of seconds or scores: the only fields an average times its count can give. */
const SUM_FIELDS = new Set(['handle_time_sec', 'qa_score_total']);
/** A part count, and the whole it is a part of (a percentage of that whole). */
const PART_OF: Record<string, string> = {
  first_contact_resolved: 'contacts_handled',
  csat_positive: 'csat_responses',
  answered_in_sla: 'assigned',
};
const COUNT_FIELDS = new Set([
  'contacts_handled',
  'first_contact_resolved',
  'csat_responses',
  'csat_positive',
  'qa_evaluations',
  'assigned',
  'answered_in_sla',
  'count',
  'applicable_contacts',
  'applied_contacts',
]);

function specType(raw: unknown): keyof typeof specShapes | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  for (const key of ['average', 'percent', 'count_if', 'sum', 'constant'] as const) {
    if (key in raw) return key;
  }
  if ('format' in raw) return 'date';
  if ('column' in raw) return 'column';
  return null;
}

/** Why a spec cannot give this field, or null when it can. */
function refusal(field: string, spec: FieldSpec): string | null {
  if (spec.type === 'date' && field !== 'date' && field !== 'hire_date') {
    return 'a date format applies only to date columns';
  }
  if (spec.type === 'average' && !SUM_FIELDS.has(field)) {
    if (field === 'csat_positive' || field === 'csat_responses') {
      return 'an average score (such as CSAT 1–5) cannot be derived into a count of positive answers: the average does not say how many answers were 4 or 5. Map a per-response score with count_if, or a percentage positive with percent and of, or leave CSAT out';
    }
    return `an average becomes a sum only for handle_time_sec and qa_score_total (average × count); ${field} is a count`;
  }
  if (spec.type === 'percent') {
    const whole = PART_OF[field];
    if (whole === undefined) {
      return `a percentage becomes a count only for a part with a given whole (${Object.entries(
        PART_OF,
      )
        .map(([part, of]) => `${part} of ${of}`)
        .join(', ')})`;
    }
  }
  if (spec.type === 'count_if' && !COUNT_FIELDS.has(field)) {
    return `count_if gives 0 or 1 per row, which only a count can use; ${field} is not a count`;
  }
  return null;
}

function problem(file: string, path: (string | number)[], message: string): string {
  return `${file}: ${path.length > 0 ? `${path.join('.')}: ` : ''}${message}`;
}

/**
 * Validates a parsed mapping document.
 * @param file where it came from, for messages
 * @throws InputError listing every problem as `file: field: reason`
 */
export function parseMapping(document: unknown, file: string, fallbackName: string): Mapping {
  const parsed = fileSchema.safeParse(document);
  if (!parsed.success) {
    throw new InputError(
      parsed.error.issues
        .map((issue) => problem(file, issue.path as string[], issue.message))
        .join('\n'),
    );
  }
  const { kind } = parsed.data;
  const spec = KIND_SPECS[kind];
  const known = new Set([...spec.required, ...spec.optional]);
  const problems: string[] = [];
  const fields: Record<string, FieldSpec> = {};
  for (const [field, raw] of Object.entries(parsed.data.fields)) {
    const path = ['fields', field];
    if (!known.has(field)) {
      problems.push(
        problem(
          file,
          path,
          `${kind} has no column ${field} (its columns: ${[...known].join(', ')})`,
        ),
      );
      continue;
    }
    if (typeof raw === 'string') {
      if (raw.trim() === '') problems.push(problem(file, path, 'must name a column'));
      else fields[field] = { type: 'column', column: raw.trim() };
      continue;
    }
    const type = specType(raw);
    if (type === null) {
      problems.push(
        problem(
          file,
          path,
          'must be a column name or one of { column }, { column, format }, { average, count }, { percent, of }, { count_if, in }, { sum }, { constant }',
        ),
      );
      continue;
    }
    const shaped = specShapes[type].safeParse(raw);
    if (!shaped.success) {
      for (const issue of shaped.error.issues) {
        problems.push(problem(file, [...path, ...(issue.path as string[])], issue.message));
      }
      continue;
    }
    const fieldSpec = { type, ...shaped.data } as FieldSpec;
    const why = refusal(field, fieldSpec);
    if (why !== null) problems.push(problem(file, path, why));
    else fields[field] = fieldSpec;
  }
  if (parsed.data.group === 'agent-day' && kind !== 'kpis') {
    problems.push(problem(file, ['group'], 'agent-day grouping applies to kpis only'));
  }
  for (const required of spec.required) {
    if (!(required in parsed.data.fields)) {
      problems.push(problem(file, ['fields'], `must give ${required} (${kind} needs it)`));
    }
  }
  for (const [part, whole] of Object.entries(PART_OF)) {
    const partSpec = fields[part];
    if (partSpec?.type === 'percent' && fields[whole] === undefined) {
      problems.push(
        problem(file, ['fields', part], `a percentage of ${whole} needs ${whole} mapped too`),
      );
    }
  }
  if (problems.length > 0) throw new InputError(problems.join('\n'));
  return {
    name: parsed.data.name ?? fallbackName,
    ...(parsed.data.description ? { description: parsed.data.description } : {}),
    kind,
    files: parsed.data.files ?? [],
    ...(parsed.data.group ? { group: parsed.data.group } : {}),
    fields,
    notImported: parsed.data.not_imported ?? {},
  };
}

/**
 * Reads and validates a mapping file (YAML).
 * @throws InputError naming the file (and line, for YAML that does not parse).
 */
export async function loadMappingFile(path: string, fallbackName?: string): Promise<Mapping> {
  const name =
    fallbackName ??
    (basename(path)
      .replace(/\.(mapping\.)?ya?ml$/i, '')
      .replace(/\.(csv|tsv|json|ndjson|jsonl)$/i, '')
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '') ||
      'mapping');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      `${path}: cannot read the mapping: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
      error,
    );
  }
  let document: unknown;
  try {
    document = parseYaml(text, { prettyErrors: true });
  } catch (error) {
    const line = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    throw new InputError(
      `${path}${line ? `:${line}` : ''}: not valid YAML: ${(error as Error).message.split('\n')[0]}`,
      error,
    );
  }
  return parseMapping(document, path, name);
}
