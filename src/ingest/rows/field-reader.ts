/**
 * Reads the cells of one raw row (CSV strings or JSON values) into typed values and
 * collects every problem as `{ column, reason }`, in the words the operator will read
 * as `file:line: column: reason`. An empty cell (absent, null, '' or spaces) is "not
 * measured": the reader returns undefined, never 0.
 */
import { isLocalDate, isTimeZone } from '../../domain/dates.ts';

export interface Issue {
  column: string;
  reason: string;
}

export type RawRow = Readonly<Record<string, unknown>>;

const WHOLE = /^\d+$/;
const SLACK_USER = /^[UW][A-Z0-9]{2,}$/;
const SLACK_CHANNEL = /^[CG][A-Z0-9]{2,}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const TRUE_WORDS = new Set(['true', 'yes', 'y', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0']);

/** How a value is quoted back in a message: strings in quotes, long ones cut. */
export function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const cut = text.length > 40 ? `${text.slice(0, 37)}...` : text;
  return typeof value === 'string' ? `"${cut}"` : cut;
}

/** Dates already found real; imports repeat the same few hundred dates millions of times. */
const realDates = new Set<string>();

const DASH = 45;

/** The shape check first (length, dashes), so most bad dates cost no more than that. */
function isRealDate(value: string): boolean {
  if (value.length !== 10 || value.charCodeAt(4) !== DASH || value.charCodeAt(7) !== DASH) {
    return false;
  }
  if (realDates.has(value)) return true;
  if (!isLocalDate(value)) return false;
  if (realDates.size >= 10_000) realDates.clear();
  realDates.add(value);
  return true;
}

/** Up to 15 digits is always below 2^53, so a digit loop gives the exact safe integer. */
const MAX_FAST_DIGITS = 15;

/**
 * The value of text made only of ASCII digits, or -1 when it is anything else (sign,
 * point, space, letter) or beyond a safe integer. Same verdict as /^\d+$/ plus
 * Number.isSafeInteger, without a regex or a Number() parse per cell.
 * @example wholeNumberOf('0042') // 42
 * @example wholeNumberOf('2.5') // -1
 */
export function wholeNumberOf(text: string): number {
  const length = text.length;
  if (length === 0) return -1;
  if (length > MAX_FAST_DIGITS) {
    return WHOLE.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : -1;
  }
  let value = 0;
  for (let i = 0; i < length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * The value of text written as digits with at most one decimal point between digits
 * (/^\d+(\.\d+)?$/), or -1 otherwise.
 * @example decimalOf('12.5') // 12.5
 * @example decimalOf('.5') // -1
 */
export function decimalOf(text: string): number {
  const length = text.length;
  let point = -1;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    if (c !== 46 || point !== -1 || i === 0 || i === length - 1) return -1;
    point = i;
  }
  if (length === 0) return -1;
  return point === -1 && length <= MAX_FAST_DIGITS ? wholeNumberOf(text) : Number(text);
}

/**
 * A class rather than a closure bag: one is made per row, and methods on the prototype
 * keep that allocation small on a million-row import.
 */
export class FieldReader {
  readonly issues: Issue[] = [];
  constructor(private readonly row: RawRow) {}

  fail(column: string, reason: string): undefined {
    this.issues.push({ column, reason });
    return undefined;
  }

  /** The cell as trimmed text, or undefined when empty; arrays/objects are a problem. */
  private scalar(column: string, required: boolean): string | number | boolean | undefined {
    const value = this.row[column];
    if (typeof value === 'string') {
      // CSV cells are rarely padded; trim only when there is something to trim.
      const text =
        value.length > 0 && value.charCodeAt(0) > 32 && value.charCodeAt(value.length - 1) > 32
          ? value
          : value.trim();
      if (text !== '') return text;
    } else if (typeof value === 'number' || typeof value === 'boolean') {
      return value;
    } else if (value !== undefined && value !== null) {
      return this.fail(column, `must be a single value, got ${shown(value)}`);
    }
    return required ? this.fail(column, 'required, but empty') : undefined;
  }

  /** A non-empty piece of text (ids, names). */
  text(column: string, required = false): string | undefined {
    const value = this.scalar(column, required);
    if (value === undefined) return undefined;
    return String(value);
  }

  /** A whole number 0 or more (counts). */
  count(column: string, required = false): number | undefined {
    const value = this.scalar(column, required);
    if (value === undefined) return undefined;
    if (typeof value === 'string') {
      const whole = wholeNumberOf(value);
      if (whole !== -1) return whole;
    } else if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) {
      return value;
    }
    return this.fail(column, `must be a whole number 0 or more, got ${shown(value)}`);
  }

  /** A number 0 or more, decimals allowed (sums of seconds or of QA scores). */
  amount(column: string, required = false): number | undefined {
    const value = this.scalar(column, required);
    if (value === undefined) return undefined;
    if (typeof value === 'string') {
      const amount = decimalOf(value);
      if (amount !== -1) return amount;
    } else if (typeof value === 'number' && Number.isFinite(value) && value >= 0) {
      return value;
    }
    return this.fail(column, `must be a number 0 or more, got ${shown(value)}`);
  }

  /** A real calendar date written YYYY-MM-DD. */
  date(column: string, required = false): string | undefined {
    const value = this.scalar(column, required);
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || !isRealDate(value)) {
      return this.fail(column, `must be a real date written YYYY-MM-DD, got ${shown(value)}`);
    }
    return value;
  }

  /** true/false; in CSV also yes/no, y/n, 1/0 (any case). */
  flag(column: string, required = false): boolean | undefined {
    const value = this.scalar(column, required);
    if (value === undefined) return undefined;
    if (typeof value === 'boolean') return value;
    const word = String(value).toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
    return this.fail(column, `must be true or false, got ${shown(value)}`);
  }

  /** One of a fixed list of words. */
  oneOf<T extends string>(column: string, allowed: readonly T[], required = false): T | undefined {
    const value = this.scalar(column, required);
    if (value === undefined) return undefined;
    if (!(allowed as readonly unknown[]).includes(value)) {
      return this.fail(column, `must be one of ${allowed.join(', ')}; got ${shown(value)}`);
    }
    return value as T;
  }

  /** An IANA time zone such as Europe/London. */
  timeZone(column: string, required = false): string | undefined {
    const value = this.scalar(column, required);
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || !value.includes('/') || !isTimeZone(value)) {
      return this.fail(column, `${shown(value)} is not an IANA time zone (like Europe/London)`);
    }
    return value;
  }

  /** A Slack user id (U… or W…). */
  slackUser(column: string, required = false): string | undefined {
    const value = this.scalar(column, required);
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || !SLACK_USER.test(value)) {
      return this.fail(column, `${shown(value)} is not a Slack user id (like U0123ABCD)`);
    }
    return value;
  }

  /** A Slack channel id (C… or G…). */
  slackChannel(column: string, required = false): string | undefined {
    const value = this.scalar(column, required);
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || !SLACK_CHANNEL.test(value)) {
      return this.fail(column, `${shown(value)} is not a Slack channel id (like C0123ABCD)`);
    }
    return value;
  }

  /**
   * Slack user ids: a JSON array, or text separated by spaces or semicolons (CSV).
   * Empty means none.
   */
  slackUsers(column: string): string[] {
    const value = this.row[column];
    if (value === undefined || value === null) return [];
    let parts: unknown[];
    if (Array.isArray(value)) parts = value;
    else if (typeof value === 'string') parts = value.split(/[\s;]+/).filter(Boolean);
    else {
      this.fail(column, `must be Slack user ids, got ${shown(value)}`);
      return [];
    }
    const bad = parts.filter((part) => typeof part !== 'string' || !SLACK_USER.test(part));
    if (bad.length > 0) {
      const list = bad.map(shown).join(', ');
      const verb = bad.length === 1 ? 'is not a Slack user id' : 'are not Slack user ids';
      this.fail(
        column,
        `${list} ${verb} (like U0123ABCD; separate several with spaces or semicolons)`,
      );
      return [];
    }
    return parts as string[];
  }

  /** An email address (a plausibility check, not RFC 5322). */
  email(column: string, required = false): string | undefined {
    const value = this.scalar(column, required);
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || !EMAIL.test(value)) {
      return this.fail(column, `${shown(value)} is not an email address`);
    }
    return value;
  }
}

export function createFieldReader(row: RawRow): FieldReader {
  return new FieldReader(row);
}
