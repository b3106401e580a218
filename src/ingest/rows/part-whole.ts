/**
 * A part and its whole (csat_positive of csat_responses, …) are measured together or
 * not at all, and the part is never larger than `scale` × the whole. A part alone
 * would make a ratio against a denominator that was never counted.
 */
import type { FieldReader } from './field-reader.ts';

export interface PartWhole {
  part: string;
  whole: string;
  partValue: number | undefined;
  wholeValue: number | undefined;
  /** The part may reach scale × whole (QA: each review scores up to 100). */
  scale?: number;
  /** The whole may be given without the part (contacts_handled without first_contact_resolved). */
  partOptional?: boolean;
}

/**
 * @example checkPartWhole(reader, { part: 'csat_positive', whole: 'csat_responses', partValue: 12, wholeValue: 10 })
 * // reader.issues gets { column: 'csat_positive', reason: '12 is more than csat_responses (10)' }
 */
export function checkPartWhole(reader: FieldReader, pair: PartWhole): void {
  const { part, whole, partValue, wholeValue, scale = 1 } = pair;
  if (partValue !== undefined && wholeValue === undefined) {
    reader.fail(whole, `empty while ${part} is given (give both or neither)`);
  } else if (partValue === undefined && wholeValue !== undefined && !pair.partOptional) {
    reader.fail(part, `empty while ${whole} is given (give both or neither)`);
  } else if (
    partValue !== undefined &&
    wholeValue !== undefined &&
    partValue > scale * wholeValue
  ) {
    const limit =
      scale === 1 ? `${whole} (${wholeValue})` : `${scale} × ${whole} (${scale * wholeValue})`;
    reader.fail(part, `${partValue} is more than ${limit}`);
  }
}
