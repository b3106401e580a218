/**
 * Child process for the durability tests: opens an embedded store in argv[2] and writes
 * batches of kpi rows, printing `done <i>` after each write resolves. Batch i is 200 rows
 * for agent `W<i>`, so a reader can tell whole batches from partial ones.
 *   mode "forever": keep writing until killed.
 *   mode "<n>": write n batches, then exit without closing (as if the process died).
 */
import { openStore } from '../../src/store/open.ts';
import { batchRows } from './durability-rows.ts';

const [dir, mode] = process.argv.slice(2);
if (!dir || !mode) throw new Error('usage: durability-writer.ts <dir> <forever|n>');
const store = await openStore({ dataDir: dir });
const limit = mode === 'forever' ? Number.POSITIVE_INFINITY : Number(mode);
for (let i = 0; i < limit; i++) {
  await store.kpis.upsertMany({ rows: batchRows(i) });
  process.stdout.write(`done ${i}\n`);
}
process.exit(0);
