/**
 * Streams the objects of a top-level JSON array with stream-json's tokenizer, in
 * constant memory. The text is fed to the tokenizer a line at a time (long lines in
 * 64 KB pieces), so the line where each object opens — and where malformed JSON was
 * found — is known exactly; each object is rebuilt by stream-json's Assembler.
 */
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { Assembler } from 'stream-json/assembler.js';
import { jsonParser } from 'stream-json/parser.js';
import { InputError } from '../../errors.ts';
import { shown } from '../rows/field-reader.ts';
import { type RowSource, type SourceRow, withLeadingColumns } from './source.ts';

type Token = { name: string; value?: unknown };

const PIECE = 64 * 1024;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The tokens a stream-chain flushable returned (`many(tokens)` or `none`). */
function tokensOf(output: unknown): Token[] {
  if (typeof output === 'object' && output !== null && 'values' in output) {
    return (output as { values: Token[] }).values;
  }
  return [];
}

export async function openJsonArraySource(file: string): Promise<RowSource> {
  const input = createReadStream(file, { highWaterMark: 256 * 1024 });
  let bytes = 0;
  // Packed tokens only; no final flush is needed because the closing `]` is emitted as
  // soon as it is read, and `ended` tells a complete array from a truncated one.
  const tokenize = jsonParser({ streamValues: false }) as unknown as (text: string) => unknown;

  async function* read(): AsyncGenerator<SourceRow[]> {
    const decoder = new StringDecoder('utf8');
    let ready: SourceRow[] = [];
    let line = 1;
    let depth = 0;
    let ended = false;
    let item: Assembler | null = null;
    let itemLine = 0;

    const take = (token: Token) => {
      if (item !== null) {
        item.consume(token as never);
        if (item.done) {
          const value = item.current;
          ready.push(
            isPlainObject(value)
              ? { line: itemLine, values: value }
              : {
                  line: itemLine,
                  values: {},
                  problem: { column: 'item', reason: `is not a JSON object, got ${shown(value)}` },
                },
          );
          item = null;
        }
        return;
      }
      if (depth === 0) {
        if (token.name !== 'startArray' || ended) {
          throw new InputError(`${file}:${line}: expected a JSON array of objects ([{…}, …])`);
        }
        depth = 1;
      } else if (token.name === 'endArray') {
        depth = 0;
        ended = true;
      } else if (token.name === 'startObject' || token.name === 'startArray') {
        item = new Assembler();
        itemLine = line;
        item.consume(token as never);
      } else {
        const value = token.name === 'numberValue' ? Number(token.value) : token.value;
        ready.push({
          line,
          values: {},
          problem: { column: 'item', reason: `is not a JSON object, got ${shown(value)}` },
        });
      }
    };

    const feed = (text: string) => {
      let tokens: Token[];
      try {
        tokens = tokensOf(tokenize(text));
      } catch (error) {
        throw new InputError(`${file}:${line}: malformed JSON: ${(error as Error).message}`, error);
      }
      for (const token of tokens) take(token);
    };

    for await (const chunk of input) {
      bytes += (chunk as Buffer).length;
      const text = decoder.write(chunk as Buffer);
      let start = 0;
      try {
        while (start < text.length) {
          const newline = text.indexOf('\n', start);
          const lineEnd = newline === -1 ? text.length : newline + 1;
          const end = Math.min(lineEnd, start + PIECE);
          feed(text.slice(start, end));
          if (newline !== -1 && end === lineEnd) line++;
          start = end;
        }
      } catch (error) {
        // The objects completed before the fault are still good rows.
        yield ready;
        throw error;
      }
      yield ready;
      ready = [];
    }
    const rest = decoder.end();
    if (rest) feed(rest);
    yield ready;
    if (!ended) throw new InputError(`${file}:${line}: malformed JSON: the array is never closed`);
  }

  // The file's columns are the keys of its first row.
  const { columns, batches } = await withLeadingColumns(read());
  return {
    format: 'json',
    columns,
    batches,
    bytesRead: () => bytes,
    close: () => input.destroy(),
  };
}
