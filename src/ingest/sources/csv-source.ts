/**
 * Streams a CSV file: the first record that is not an empty line is the header, every
 * later record becomes an object keyed by it, with the line it starts on (a quoted field
 * may span lines; csv-tokenizer.ts counts them). Empty lines only advance the count.
 * The file is read 256 KB at a time and each piece's rows are handed over together, so
 * memory stays flat however long the file. Malformed CSV (a quote never closed) stops
 * the file, naming the line where the broken record starts; the rows before it are
 * handed over first.
 */
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { CsvSyntaxError, InputError } from '../../errors.ts';
import { createCsvTokenizer } from './csv-tokenizer.ts';
import type { RowSource, SourceRow } from './source.ts';

const PIECE_BYTES = 64 * 1024;

function isEmptyLine(fields: readonly string[]): boolean {
  return fields.length === 1 && (fields[0] as string).trim() === '';
}

export async function openCsvSource(file: string, delimiter: string): Promise<RowSource> {
  const input = createReadStream(file, { highWaterMark: PIECE_BYTES });
  const pieces = input[Symbol.asyncIterator]();
  const decoder = new StringDecoder('utf8');
  let bytes = 0;

  let header: string[] | null = null;
  let headerLine = 0;
  /** Header names in file order; '' for an unnamed column, whose cells are dropped. */
  let names: string[] = [];
  let ready: SourceRow[] = [];

  const onRecord = (fields: string[], line: number) => {
    if (isEmptyLine(fields)) return;
    if (header === null) {
      header = fields.map((name) => name.trim());
      headerLine = line;
      names = header;
      return;
    }
    const values: Record<string, string> = {};
    const count = names.length;
    for (let i = 0; i < count; i++) {
      const name = names[i] as string;
      if (name !== '') values[name] = fields[i] ?? '';
    }
    ready.push(
      fields.length === count
        ? { line, values }
        : {
            line,
            values,
            problem: {
              column: 'row',
              reason: `has ${fields.length} fields but the header has ${count}`,
            },
          },
    );
  };
  const tokenizer = createCsvTokenizer(delimiter, onRecord);
  const malformed = (error: unknown): unknown =>
    error instanceof CsvSyntaxError
      ? new InputError(`${file}:${error.line}: malformed CSV: ${error.reason}`, error)
      : error;

  /**
   * The rows of the next piece of the file (possibly none), or null at its end.
   * On malformed CSV, the rows before the fault come back first and `fault` holds the error.
   */
  let fault: unknown = null;
  let done = false;
  const nextRows = async (): Promise<SourceRow[] | null> => {
    if (fault !== null) throw fault;
    if (done) return null;
    const next = await pieces.next();
    try {
      if (next.done) {
        done = true;
        tokenizer.write(decoder.end());
        tokenizer.end();
      } else {
        const chunk = next.value as Buffer;
        bytes += chunk.length;
        tokenizer.write(decoder.write(chunk));
      }
    } catch (error) {
      fault = malformed(error);
    }
    const rows = ready;
    ready = [];
    if (fault !== null && rows.length === 0) throw fault;
    return rows;
  };

  // The header comes first: read until it is found.
  let first: SourceRow[] | null = [];
  try {
    while (header === null && first !== null) first = await nextRows();
  } catch (error) {
    input.destroy();
    throw error;
  }
  if (header === null) {
    input.destroy();
    throw new InputError(`${file}: the file is empty (no header row)`);
  }
  const seen = new Set<string>();
  for (const column of names) {
    if (column !== '' && seen.has(column)) {
      input.destroy();
      throw new InputError(`${file}:${headerLine}: column "${column}" appears twice in the header`);
    }
    seen.add(column);
  }

  async function* batches(): AsyncGenerator<SourceRow[]> {
    for (let rows = first; rows !== null; rows = await nextRows()) {
      if (rows.length > 0) yield rows;
    }
  }

  return {
    format: 'csv',
    columns: names.filter((column) => column !== ''),
    batches: batches(),
    bytesRead: () => bytes,
    close: () => input.destroy(),
  };
}
