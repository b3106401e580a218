/**
 * Child process for test/store/processes.test.ts: opens the store in TEAMHEALTH_DATA_DIR,
 * waits until the shared start instant (RACE_AT, epoch ms), then tries to take each of
 * RACE_LEASES leases as RACE_HOLDER, and prints the names it won as one JSON line.
 *   node --import tsx lease-racer.ts
 */
import { openStore } from '../../../src/store/open.ts';

const dataDir = process.env.TEAMHEALTH_DATA_DIR as string;
const holder = process.env.RACE_HOLDER as string;
const at = Number(process.env.RACE_AT);
const count = Number(process.env.RACE_LEASES);

const store = await openStore({ dataDir });
await new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));
const won: string[] = [];
for (let i = 0; i < count; i++) {
  const name = `job-${i}`;
  if (await store.leases.acquire({ name, holder, ttlMs: 600_000, now: new Date() })) won.push(name);
}
await store.close();
process.stdout.write(`${JSON.stringify(won)}\n`);
