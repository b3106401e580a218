/**
 * The lease that keeps two processes from running the same job for the same zone at
 * once: taken by the scheduler for each firing and by `teamhealth run` for every zone
 * it covers, released when the run ends. (The scheduler's per-firing lease, in
 * index.ts, is a different one: it makes one instance of several run a given firing.)
 */
import { hostname } from 'node:os';
import type { LeaseStore } from '../src/store/types.ts';
import type { JobName } from './types.ts';

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
 * the lease's hour would hold back the very re-run that finishes its work. A holder on
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
  holder: string;
  since?: Date;
}

export type RunLeases = { ok: true; release(): Promise<void> } | { ok: false; held: HeldElsewhere };

/**
 * Takes the run lease of every (job, zone) given, all or none: when one is held by
 * another process, releases those taken so far and says who holds it.
 */
export async function takeRunLeases(args: {
  leases: LeaseStore;
  runs: { job: JobName; zone: string | null }[];
  holder: string;
  ttlMs: number;
  now: Date;
}): Promise<RunLeases> {
  const taken: string[] = [];
  const release = async () => {
    for (const name of taken.splice(0)) await args.leases.release({ name, holder: args.holder });
  };
  const acquire = (name: string) =>
    args.leases.acquire({ name, holder: args.holder, ttlMs: args.ttlMs, now: args.now });
  for (const { job, zone } of args.runs) {
    const name = runLeaseName(job, zone);
    let ok = await acquire(name);
    let lease = ok ? null : await args.leases.get({ name }).catch(() => null);
    if (!ok && lease && holderIsGone(lease.holder)) {
      // Release only the dead holder's lease (release is conditional on the holder), then
      // race for it like anyone else: acquire is atomic, so one process of several wins.
      await args.leases.release({ name, holder: lease.holder });
      ok = await acquire(name);
      if (!ok) lease = await args.leases.get({ name }).catch(() => null);
    }
    if (!ok) {
      await release();
      return {
        ok: false,
        held: {
          job,
          zone,
          holder: lease?.holder ?? 'another process',
          ...(lease ? { since: lease.acquired_at } : {}),
        },
      };
    }
    taken.push(name);
  }
  return { ok: true, release };
}

/** One line saying who holds a run lease. */
export function describeHeld(held: HeldElsewhere): string {
  const since = held.since ? ` since ${held.since.toISOString()}` : '';
  return `${held.job} (${held.zone ?? 'organisation'}) is already running in ${held.holder}${since}`;
}
