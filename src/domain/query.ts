/**
 * What a person asked to see, whether typed after `/teamhealth` or carried by a button.
 * One shape for both, so a button is answered by exactly the code (and the
 * authorization) that answers the typed command.
 */
import * as z from 'zod';
import { isMetric, METRICS, type Metric } from './metrics.ts';

export const VIEWS = [
  'default',
  'team',
  'metric',
  'tiers',
  'mix',
  'enablement',
  'digest',
  'agent',
] as const;
export type ViewName = (typeof VIEWS)[number];

export interface Query {
  view: ViewName;
  /** Team name or id as typed, or the id a button carries. Absent: the viewer's own team. */
  team?: string;
  /** Agent id (agent view). Absent: the viewer. */
  agent?: string;
  metric?: Metric;
  /** Window length in days; absent: the report default (28). */
  days?: number;
  initiative?: string;
  /** Metric view: the monthly trend instead of the daily chart (the "Monthly" button). */
  monthly?: boolean;
}

export type ParsedCommand =
  | { kind: 'help' }
  | { kind: 'usage'; problem: 'unknown' | 'bad_metric'; input: string }
  | { kind: 'query'; query: Query };

/**
 * Reads the text after `/teamhealth`.
 * @example parseCommandText('metric aht Billing North') // { kind: 'query', query: { view: 'metric', metric: 'aht', team: 'Billing North' } }
 * @example parseCommandText('frobnicate') // { kind: 'usage', problem: 'unknown', input: 'frobnicate' }
 */
export function parseCommandText(text: string | undefined): ParsedCommand {
  const words = (text ?? '').trim().split(/\s+/).filter(Boolean);
  const [first, ...rest] = words;
  const tail = rest.join(' ') || undefined;
  if (first === undefined) return { kind: 'query', query: { view: 'default' } };
  switch (first.toLowerCase()) {
    case 'help':
    case '?':
      return { kind: 'help' };
    case 'team':
      return { kind: 'query', query: tail ? { view: 'team', team: tail } : { view: 'default' } };
    case 'metric': {
      const [metric, ...teamWords] = rest;
      const key = metric?.toLowerCase() ?? '';
      if (!isMetric(key)) return { kind: 'usage', problem: 'bad_metric', input: metric ?? '' };
      const team = teamWords.join(' ') || undefined;
      return { kind: 'query', query: { view: 'metric', metric: key, ...(team ? { team } : {}) } };
    }
    case 'tiers':
    case 'mix':
      return {
        kind: 'query',
        query: { view: first.toLowerCase() as 'tiers' | 'mix', ...(tail ? { team: tail } : {}) },
      };
    case 'enablement':
      return {
        kind: 'query',
        query: { view: 'enablement', ...(tail ? { initiative: tail } : {}) },
      };
    case 'digest':
      return { kind: 'query', query: { view: 'digest' } };
    default:
      return { kind: 'usage', problem: 'unknown', input: words.join(' ').slice(0, 100) };
  }
}

const encoded = z
  .object({
    v: z.enum(VIEWS),
    t: z.string().min(1).max(200).optional(),
    a: z.string().min(1).max(200).optional(),
    m: z.enum(METRICS).optional(),
    d: z.number().int().min(1).max(366).optional(),
    i: z.string().min(1).max(200).optional(),
    mo: z.literal(true).optional(),
  })
  .strict();

/** A query as a button `value` (compact JSON, well under Slack's 2,000 characters). */
export function encodeQuery(query: Query): string {
  const short: z.infer<typeof encoded> = { v: query.view };
  if (query.team !== undefined) short.t = query.team;
  if (query.agent !== undefined) short.a = query.agent;
  if (query.metric !== undefined) short.m = query.metric;
  if (query.days !== undefined) short.d = query.days;
  if (query.initiative !== undefined) short.i = query.initiative;
  if (query.monthly === true) short.mo = true;
  return JSON.stringify(short);
}

/** The query a button carries, or null when the value is not one we wrote (tampered or stale). */
export function decodeQuery(value: string | undefined): Query | null {
  if (!value) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(value);
  } catch {
    return null;
  }
  const parsed = encoded.safeParse(raw);
  if (!parsed.success) return null;
  const { v, t, a, m, d, i, mo } = parsed.data;
  const query: Query = { view: v };
  if (t !== undefined) query.team = t;
  if (a !== undefined) query.agent = a;
  if (m !== undefined) query.metric = m;
  if (d !== undefined) query.days = d;
  if (i !== undefined) query.initiative = i;
  if (mo === true) query.monthly = true;
  return query;
}
