/**
 * The lease that keeps two processes from running the same job for the same zone at
 * once: taken by the scheduler for each firing and by `teamhealth run` for every zone
 * it covers, released when the run ends. (The scheduler's per-firing lease, in
 * index.ts, is a different one: it makes one instance of several run a given firing.)
 *
 * A holder that dies without releasing must not block the job for long:
 * - the lease is short (2 minutes) and renewed every 30 seconds while the run lasts, so
 *   a holder on another machine that died frees it within 2 minutes;
 * - a holder on this machine whose process is gone (a `kill -9`, a crash) is taken over
 *   at once: its holder name carries its pid and host (`processHolder`), and taking over
 *   is a compare-and-set (release only if that holder still has it, then acquire).
 */
import { hostname } from 'node:os';
import type { LeaseStore } from '../src/store/types.ts';
import type { JobName } from './types.ts';

export const RUN_LEASE_MS = 120_000;
const RUN_LEASE_RENEW_MS = 30_000;

/** The run lease of a job in a zone (`org` for the jobs that run once, in UTC). */
export function runLeaseName(job: JobName, zone: string | null): string {
  return `jobs|${job}|${zone ?? 'org'}|running`;
}

/** A lease holder that says which process it is: `teamhealth serve, pid 4242 on app-1`. */
export function processHolder(command: string, suffix = ''): string {
  return `teamhealth ${command}, pid ${process.pid} on ${hostname()}${suffix}`;
}

/** The pid and host named by a holder written by `processHolder`, or null for any other holder. */
export function holderProcess(holder: string): { pid: number; host: string } | null {
  const match = /^teamhealth \S+, pid (\d+) on (\S+)/.exec(holder);
  return match ? { pid: Number(match[1]), host: match[2] as string } : null;
}

/**
 * True when the holder is a process on this host that no longer runs: one killed with
 * `kill -9` (or a crashed machine's reboot) never released its lease, and waiting out
 * the lease would hold back the very re-run that finishes its work. A holder on
 * another host, or one this check cannot read, is taken to be alive.
 */
export function holderIsGone(holder: string, alive = pidAlive): boolean {
  const named = holderProcess(holder);
  if (!named || named.host !== hostname() || named.pid === process.pid) return false;
  return !alive(named.pid);
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the pid exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface HeldElsewhere {
  job: JobName;
  zone: string | null;
  /** Absent when the lease vanished before it could be read. */
  holder?: string;
  since?: Date;
}

export type RunLeases = { ok: true; release(): Promise<void> } | { ok: false; held: HeldElsewhere };

/**
 * Takes the run lease of every (job, zone) given, all or none, and renews them every
 * `renewEveryMs` until `release()`: when one is held by another live process, releases
 * those taken so far and says who holds it.
 */
export async function takeRunLeases(args: {
  leases: LeaseStore;
  runs: { job: JobName; zone: string | null }[];
  holder: string;
  /** The instant, or a clock read at each acquisition and renewal. */
  now: Date | (() => Date);
  ttlMs?: number;
  renewEveryMs?: number;
}): Promise<RunLeases> {
  const { leases, holder } = args;
  const clock = typeof args.now === 'function' ? args.now : () => args.now as Date;
  const ttlMs = args.ttlMs ?? RUN_LEASE_MS;
  const taken: string[] = [];
  let renewal: NodeJS.Timeout | undefined;
  const release = async () => {
    clearInterval(renewal);
    for (const name of taken.splice(0)) await leases.release({ name, holder });
  };
  const acquire = (name: string) => leases.acquire({ name, holder, ttlMs, now: clock() });
  for (const { job, zone } of args.runs) {
    const name = runLeaseName(job, zone);
    let ok = await acquire(name);
    let lease = ok ? null : await leases.get({ name }).catch(() => null);
    if (!ok && lease && holderIsGone(lease.holder)) {
      // Release only the dead holder's lease (release is conditional on the holder), then
      // race for it like anyone else: acquire is atomic, so one process of several wins.
      await leases.release({ name, holder: lease.holder });
      ok = await acquire(name);
      if (!ok) lease = await leases.get({ name }).catch(() => null);
    }
    if (!ok) {
      await release();
      return {
        ok: false,
        held: {
          job,
          zone,
          ...(lease ? { holder: lease.holder, since: lease.acquired_at } : {}),
        },
      };
    }
    taken.push(name);
  }
  renewal = setInterval(() => {
    for (const name of taken) acquire(name).catch(() => undefined);
  }, args.renewEveryMs ?? RUN_LEASE_RENEW_MS);
  renewal.unref();
  return { ok: true, release };
}
