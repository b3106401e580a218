/**
 * The world a `teamhealth run` child process runs in, for the end-to-end tests: the
 * organisation of org.ts in a temporary data folder (closed, so children can open it),
 * the Slack stand-in seeded with its users and channels, and one clock for both, shifted
 * to Tuesday 2026-11-24 10:00 UTC (a preload for each child), so DMs are inside London
 * working hours on any day the tests run. `offsetMs` may be moved on between runs.
 */
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { buildOrg, seedStandIn } from '../../support/jobs/org.ts';
import { type SlackStandIn, startStandIn } from '../../support/slack-stand-in.ts';

export const BIN = fileURLToPath(new URL('../../bin/teamhealth.mjs', import.meta.url));
export const CHILD_NOW = Date.parse('2026-11-24T10:00:00Z');

/** Shifts Date.now() and `new Date()` by `offsetMs` in the child, before the CLI loads. */
export function clockPreload(offsetMs: number): string {
  const code = `const R = Date; const o = ${offsetMs};
class D extends R { constructor(...a) { super(...(a.length ? a : [R.now() + o])); } static now() { return R.now() + o; } }
globalThis.Date = D;`;
  return `data:text/javascript,${encodeURIComponent(code)}`;
}

export interface CliWorld {
  slack: SlackStandIn;
  dataDir: string;
  /** Children and stand-in live at real time + offsetMs. */
  offsetMs: number;
  stop(): Promise<void>;
}

export async function startCliWorld(): Promise<CliWorld> {
  const org = await buildOrg();
  // The children need the folder to themselves while this process is not using it.
  await org.store.close();
  const world: CliWorld = {
    slack: await startStandIn({ now: () => Date.now() + world.offsetMs }),
    dataDir: org.dir,
    offsetMs: CHILD_NOW - Date.now(),
    stop: async () => {
      await world.slack.stop();
      await rm(world.dataDir, { recursive: true, force: true });
    },
  };
  seedStandIn(world.slack);
  return world;
}
