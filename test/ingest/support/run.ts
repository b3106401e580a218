/** Runs an import against a memory store and captures what it printed. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImportKind } from '../../../src/ingest/kinds.ts';
import type { Mapping } from '../../../src/ingest/profiles/mapping.ts';
import { runImport } from '../../../src/ingest/run-import.ts';
import type { Store } from '../../../src/store/types.ts';

export async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'teamhealth-ingest-'));
}

export async function writeFixture(dir: string, name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

export async function importFiles(
  store: Store,
  files: string[],
  options: {
    kind?: ImportKind;
    batchSize?: number;
    maxPrinted?: number;
    mapping?: Mapping;
    dryRun?: boolean;
  } = {},
) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runImport({
    files,
    store,
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    ...options,
  });
  return { code, out, err };
}
