/**
 * The CSV tokenizer: RFC 4180 fields, the line each record starts on, and the same
 * records however the text is cut into pieces. Expected records are written out by hand,
 * and random files are checked against the records they were written from and against
 * csv-parse (the library this tokenizer replaced for speed).
 */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError } from '../../src/errors.ts';
import { createCsvTokenizer, MAX_RECORD_CHARS } from '../../src/ingest/sources/csv-tokenizer.ts';

type Seen = [line: number, fields: string[]];

/** Feeds the pieces in order and returns every record with its start line. */
function tokenize(pieces: string[], delimiter = ','): Seen[] {
  const seen: Seen[] = [];
  const tokenizer = createCsvTokenizer(delimiter, (fields, line) => seen.push([line, [...fields]]));
  for (const piece of pieces) tokenizer.write(piece);
  tokenizer.end();
  return seen;
}

/** The error a tokenizer throws for the text, fed whole. */
function failure(text: string): CsvSyntaxError {
  try {
    tokenize([text]);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return error;
    throw error;
  }
  throw new Error('expected a CsvSyntaxError');
}

// Line 1 header; 2 a plain record; 3–4 one record whose quoted field holds a comma, a
// doubled quote and a line break; 5 blank; 6 a record ending in an empty field, CRLF.
const TEXT = 'a,b,c\n1,2,3\n4,"x, ""y""\nz",6\n\n7,8,\r\n';
const RECORDS: Seen[] = [
  [1, ['a', 'b', 'c']],
  [2, ['1', '2', '3']],
  [3, ['4', 'x, "y"\nz', '6']],
  [5, ['']],
  [6, ['7', '8', '']],
];

/** RFC 4180 text for the records: fields quoted when they need it. */
function serialise(records: string[][], eol: string): string {
  const field = (value: string, alone: boolean) =>
    /[",\r\n]/.test(value) || (alone && value === '') ? `"${value.replaceAll('"', '""')}"` : value;
  return records.map((r) => r.map((v) => field(v, r.length === 1)).join(',')).join(eol) + eol;
}

describe('createCsvTokenizer', () => {
  it('reads back any records written as RFC 4180, as csv-parse does, however the text is cut', () => {
    const cell = fc.string({
      unit: fc.constantFrom('a', 'é', ' ', ',', '"', '\n', '\r\n'),
      maxLength: 6,
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom('\n', '\r\n'),
        fc.nat(),
        (records, eol, cutSeed) => {
          const text = serialise(records, eol);
          const cut = cutSeed % (text.length + 1);
          const fields = tokenize([text.slice(0, cut), text.slice(cut)]).map(([, f]) => f);
          expect(fields).toEqual(records);
          expect(fields).toEqual(parse(text, { relax_column_count: true }));
        },
      ),
    );
  });

  it('splits quoted fields with commas, doubled quotes and line breaks, counting lines', () => {
    expect(tokenize([TEXT])).toEqual(RECORDS);
  });

  it('gives the same records whichever character a piece ends on', () => {
    for (let cut = 0; cut <= TEXT.length; cut++) {
      expect(tokenize([TEXT.slice(0, cut), TEXT.slice(cut)]), `cut at ${cut}`).toEqual(RECORDS);
    }
  });

  it('gives the same records fed one character at a time', () => {
    expect(tokenize([...TEXT])).toEqual(RECORDS);
  });

  it('drops a byte-order mark at the start and completes a last line without a break', () => {
    expect(tokenize(['\uFEFFid;name\r\nT1;"Care; Billing"'], ';')).toEqual([
      [1, ['id', 'name']],
      [2, ['T1', 'Care; Billing']],
    ]);
  });

  it('keeps a quoted CRLF inside a field and counts it as one line', () => {
    expect(tokenize(['a,"one\r\ntwo"\r\nb,c\r\n'])).toEqual([
      [1, ['a', 'one\r\ntwo']],
      [3, ['b', 'c']],
    ]);
  });

  it('reads an empty quoted field as empty text', () => {
    expect(tokenize(['"",x\n'])).toEqual([[1, ['', 'x']]]);
  });

  it('names the line where a record with a quote never closed starts', () => {
    const error = failure('a,b\n1,2\n3,"open\n4,5\n');
    expect(error.line).toBe(3);
    expect(error.reason).toBe('a quoted field opened in the record starting here is never closed');
  });

  it('refuses a quote inside an unquoted field, at the record’s line', () => {
    const error = failure('a,b\n1,2\n3,4"5\n');
    expect(error.line).toBe(3);
    expect(error.reason).toBe(
      'a quote inside an unquoted field (quote the whole field and double the quotes in it)',
    );
  });

  it('refuses text after a closing quote', () => {
    const error = failure('a,b\n"x" ,2\n');
    expect(error.line).toBe(2);
    expect(error.reason).toBe(
      'a quoted field is followed by " " instead of a delimiter or the end of the line',
    );
  });

  it('refuses a record longer than the limit instead of holding the rest of the file', () => {
    const tokenizer = createCsvTokenizer(',', () => {});
    tokenizer.write('a,b\n1,"');
    const line = 'x'.repeat(1023);
    expect(() => {
      for (let i = 0; i <= MAX_RECORD_CHARS / 1024; i++) tokenizer.write(`${line}\n`);
    }).toThrow(/^line 2: the record starting here is longer than 8 MB/);
  });
});
