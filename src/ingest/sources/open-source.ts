/**
 * Opens a file for import: checks it can be read, detects its format from the name and
 * the first bytes, and returns a RowSource that has already read the header (CSV) or
 * first object (JSON), so its columns are known before any row is stored.
 * @throws InputError naming the file (and line) when it cannot be read at all.
 */
import { open } from 'node:fs/promises';
import { InputError } from '../../errors.ts';
import { openCsvSource } from './csv-source.ts';
import { csvDelimiter, detectFormat } from './detect-format.ts';
import { openJsonArraySource } from './json-array-source.ts';
import { openNdjsonSource } from './ndjson-source.ts';
import type { RowSource } from './source.ts';

const HEAD_BYTES = 64 * 1024;

export async function openSource(file: string): Promise<RowSource & { size: number }> {
  let head: Buffer;
  let size: number;
  try {
    const handle = await open(file, 'r');
    try {
      const stat = await handle.stat();
      if (stat.isDirectory()) throw new InputError(`${file}: is a folder, not a file`);
      size = stat.size;
      const buffer = Buffer.alloc(Math.min(HEAD_BYTES, size));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      head = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'is a folder, not a file'
            : (error as Error).message;
    throw new InputError(`${file}: cannot read: ${why}`, error);
  }

  const guess = detectFormat(file, head);
  if ('problem' in guess) {
    throw new InputError(`${file}${guess.line ? `:${guess.line}` : ''}: ${guess.problem}`);
  }
  let source: RowSource;
  if (guess.format === 'csv') {
    const firstLine =
      head
        .toString('utf8')
        .replace(/^\uFEFF/, '')
        .split('\n', 1)[0] ?? '';
    source = await openCsvSource(file, csvDelimiter(firstLine));
  } else if (guess.format === 'json') {
    source = await openJsonArraySource(file);
  } else {
    source = await openNdjsonSource(file);
  }
  return { ...source, size };
}
