/**
 * Splits CSV text into records (RFC 4180): fields separated by one delimiter character,
 * records ended by LF or CRLF, a field in double quotes may hold delimiters, line breaks
 * and doubled quotes (`""` is one `"`). A quote inside an unquoted field, or text after
 * a closing quote, is malformed, as csv-parse (strict) has it.
 *
 * Why not csv-parse: on the 1M-row import benchmark it cost more CPU than the whole
 * ingest budget (byte-buffer slicing and decoding per field). This
 * scans decoded text, slices each field once, and counts lines as it goes, so every
 * record comes with the line it starts on at no extra cost. A line with no quote in it
 * (nearly all of them) is split with indexOf alone; a quoted field is scanned in full.
 *
 * Text arrives in pieces; a record cut by the end of a piece is kept and scanned again
 * with the next piece (pieces that cannot close an open quote are only set aside, so a
 * long quoted field costs linear time). A record longer than MAX_RECORD_CHARS (in
 * practice: a quote opened and never closed) is refused, so memory stays bounded
 * whatever the file.
 */

import { CsvSyntaxError } from '../../errors.ts';

export const MAX_RECORD_CHARS = 8 * 1024 * 1024;

const QUOTE = 34; // "
const LF = 10;
const CR = 13;

/**
 * Receives each record: its fields (an array reused for the next record: copy what you
 * keep) and the 1-based line it starts on. Empty lines arrive as one empty field.
 */
export type OnRecord = (fields: string[], line: number) => void;

export interface CsvTokenizer {
  /** Scans more text, calling onRecord for every record it completes. */
  write(text: string): void;
  /** The text is over: completes a last record without a final line break. */
  end(): void;
  /** The line the next record starts on. */
  readonly line: number;
}

/**
 * @param delimiter one character (`,`, `;` or tab)
 * @example
 * const t = createCsvTokenizer(',', (fields, line) => seen.push([line, [...fields]]));
 * t.write('a,"b\nc"\r\nd,'); t.end();
 * // seen: [[1, ['a', 'b\nc']], [3, ['d', '']]]
 */
export function createCsvTokenizer(delimiter: string, onRecord: OnRecord): CsvTokenizer {
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    throw new Error(`createCsvTokenizer requires a one-character delimiter, got "${delimiter}"`);
  }
  const DELIM = delimiter.charCodeAt(0);
  const fields: string[] = [];
  let carry = '';
  let line = 1;
  let started = false;
  /** The unfinished record has a quoted field with no closing quote yet. */
  let openQuote = false;
  /** Pieces read while openQuote, not yet scanned (they hold no quote). */
  const waiting: string[] = [];
  let waitingChars = 0;

  /** Scans `text` from the start; returns where the unfinished record begins (or text.length). */
  const scan = (text: string): number => {
    const n = text.length;
    let pos = 0;
    let nextQuote = -1;
    let nextDelim = -1;
    while (pos < n) {
      // Fast path: a line that ends before the next quote has no quoted field, so its
      // fields are the text between delimiters (found with indexOf, which is native).
      if (nextQuote < pos) {
        nextQuote = text.indexOf('"', pos);
        if (nextQuote === -1) nextQuote = n;
      }
      const lineEnd = text.indexOf('\n', pos);
      if (lineEnd === -1) return pos;
      if (lineEnd < nextQuote) {
        let count = 0;
        let from = pos;
        for (;;) {
          // Each delimiter is searched for once, even when a line has none.
          if (nextDelim < from) {
            nextDelim = text.indexOf(delimiter, from);
            if (nextDelim === -1) nextDelim = n;
          }
          if (nextDelim > lineEnd) break;
          fields[count++] = text.slice(from, nextDelim);
          from = nextDelim + 1;
        }
        fields[count++] = text.slice(
          from,
          lineEnd > from && text.charCodeAt(lineEnd - 1) === CR ? lineEnd - 1 : lineEnd,
        );
        fields.length = count;
        onRecord(fields, line);
        line++;
        pos = lineEnd + 1;
        continue;
      }
      const recordStart = pos;
      let spanned = 0;
      fields.length = 0;
      for (;;) {
        if (pos >= n) return recordStart;
        let c = text.charCodeAt(pos);
        if (c === QUOTE) {
          let value = '';
          let from = pos + 1;
          for (;;) {
            const q = text.indexOf('"', from);
            if (q === -1) {
              openQuote = true;
              return recordStart;
            }
            // A quote whose meaning the next character decides.
            if (q + 1 >= n) return recordStart;
            if (text.charCodeAt(q + 1) === QUOTE) {
              value += text.slice(from, q + 1);
              from = q + 2;
              continue;
            }
            value += text.slice(from, q);
            pos = q + 1;
            break;
          }
          for (let at = value.indexOf('\n'); at !== -1; at = value.indexOf('\n', at + 1)) {
            spanned++;
          }
          fields.push(value);
          c = text.charCodeAt(pos);
          if (c === DELIM) {
            pos++;
            continue;
          }
          if (c === LF) {
            pos++;
            break;
          }
          if (c === CR) {
            if (pos + 1 >= n) return recordStart;
            if (text.charCodeAt(pos + 1) === LF) {
              pos += 2;
              break;
            }
          }
          throw new CsvSyntaxError(
            line,
            `a quoted field is followed by ${JSON.stringify(text[pos])} instead of a delimiter or the end of the line`,
          );
        }
        let p = pos;
        while (p < n) {
          c = text.charCodeAt(p);
          if (c === DELIM || c === LF) break;
          if (c === QUOTE) {
            throw new CsvSyntaxError(
              line,
              'a quote inside an unquoted field (quote the whole field and double the quotes in it)',
            );
          }
          p++;
        }
        if (p >= n) return recordStart;
        if (c === DELIM) {
          fields.push(text.slice(pos, p));
          pos = p + 1;
          continue;
        }
        fields.push(text.slice(pos, p > pos && text.charCodeAt(p - 1) === CR ? p - 1 : p));
        pos = p + 1;
        break;
      }
      onRecord(fields, line);
      line += 1 + spanned;
    }
    return n;
  };

  const tooLong = (chars: number) => {
    if (chars > MAX_RECORD_CHARS) {
      throw new CsvSyntaxError(
        line,
        `the record starting here is longer than ${MAX_RECORD_CHARS / (1024 * 1024)} MB (a quoted field opened in it is probably never closed)`,
      );
    }
  };

  const write = (piece: string) => {
    // While a quoted field is open, pieces without a quote cannot end it: keep them
    // aside rather than scanning the whole record again for each (linear, not quadratic).
    if (openQuote && piece.indexOf('"') === -1) {
      waiting.push(piece);
      waitingChars += piece.length;
      tooLong(carry.length + waitingChars);
      return;
    }
    let text = carry;
    if (waiting.length > 0) {
      text += waiting.join('');
      waiting.length = 0;
      waitingChars = 0;
    }
    text = text === '' ? piece : text + piece;
    if (!started && text.length > 0) {
      started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    openQuote = false;
    const rest = scan(text);
    carry = rest === text.length ? '' : text.slice(rest);
    tooLong(carry.length);
  };

  return {
    write,
    end() {
      if (carry === '' && waiting.length === 0) return;
      // A line break completes the last record, unless a quote in it is still open.
      write('\n');
      if (carry !== '' || waiting.length > 0) {
        throw new CsvSyntaxError(
          line,
          'a quoted field opened in the record starting here is never closed',
        );
      }
    },
    get line() {
      return line;
    },
  };
}
