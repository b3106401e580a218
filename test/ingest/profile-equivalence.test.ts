/**
 * The same agent-days written two ways: as our columns (the import bench's kpis.csv) and
 * as an export writes them (export.csv: MM/dd/yyyy dates, hh:mm:ss average handle time,
 * FCR, CSAT and service level as one-decimal percentages, QA as an average), read
 * through its mapping. Every stored record must be identical: the derivations (average ×
 * count, percentage × count rounded) recover the exact sums.
 */
import { describe, expect, it } from 'vitest';
import { loadMappingFile } from '../../src/ingest/profiles/mapping.ts';
import { generateFiles, generateProfileFiles } from '../../support/import-files.ts';
import { createMemoryStore } from './support/memory-store.ts';
import { importFiles, tempDir } from './support/run.ts';

describe('an export read through its mapping', () => {
  it('stores exactly the agent-days of the plain file', async () => {
    const dir = await tempDir();
    const rows = 6_000;
    const [teams, agents, kpis] = await generateFiles(dir, rows);
    const exported = await generateProfileFiles(dir, rows);

    const plain = createMemoryStore();
    expect(
      (await importFiles(plain.store, [teams as string, agents as string, kpis as string])).code,
    ).toBe(0);

    const viaProfile = createMemoryStore();
    expect((await importFiles(viaProfile.store, [teams as string, agents as string])).code).toBe(0);
    const result = await importFiles(viaProfile.store, [exported.file], {
      mapping: await loadMappingFile(exported.mapping),
    });
    expect(result.err).toEqual([]);
    expect(result.code).toBe(0);

    expect(viaProfile.tables.kpis.rows.size).toBe(rows);
    for (const [key, record] of plain.tables.kpis.rows) {
      expect(viaProfile.tables.kpis.rows.get(key), key).toEqual(record);
    }
  });
});
